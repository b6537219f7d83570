import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { ActivityHost, connectRoom } from '@plenum/client';
import { activityLimits, limits } from '@plenum/protocol';
import { axeViolations, createRoom, serveSite, useBrowserSession, type Site } from '@plenum/testing';

/**
 * A quiz end to end, in Chromium against the real server: the host writes and runs it in
 * the console, three participants play it in `<plenum-quiz>` on an event page of another
 * origin (each its own browser profile, so its own participant), the big screen shows the
 * question, the answer and the top 10, and the report has the quiz.
 */

const session = useBrowserSession();
const { newPage } = session;
let site: Site;

afterAll(async () => {
  await site?.close();
});

/**
 * Whether the big screen fits its viewport: the page does not scroll and no element (shadow
 * roots included) reaches past an edge, as the present view's own test checks.
 */
async function fits(page: Page): Promise<string[]> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > innerWidth || root.scrollHeight > innerHeight) problems.push('page scrolls');
    const visit = (scope: Document | ShadowRoot) => {
      for (const element of scope.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        const outside =
          box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5;
        if (box.width > 0 && box.height > 0 && outside && !element.closest('.visually-hidden'))
          problems.push(`${element.tagName.toLowerCase()}.${element.className}`);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return problems;
  });
}

/** The quiz widget's shadow root is open: Playwright's locators pierce it. */
const quizOf = (page: Page) => page.locator('plenum-quiz');

describe('a quiz with three participants and a host', () => {
  it('nicknames, a question against the server clock, the reveal, the leaderboard, the big screen, the report', async () => {
    const { room, hostKey, host: api } = await createRoom(session.cli.url, { title: 'Town hall' });
    site = await serveSite(
      {
        '/': `<!doctype html><html lang="en"><head><title>Town hall live</title>
          <script type="module" src="${session.cli.url}/plenum.js"></script></head>
          <body><main><h1>Town hall live</h1>
          <plenum-quiz room="${room}" server="${session.cli.url}"></plenum-quiz></main></body></html>`,
      },
      `script-src ${session.cli.url}; connect-src ${session.cli.url} ${session.cli.url.replace('http', 'ws')}`,
    );

    // The host writes the quiz in the console.
    const host = await newPage();
    await host.goto(`${session.cli.url}/console#room=${room}&key=${hostKey}`);
    await host.getByRole('tab', { name: 'Quizzes' }).click();
    await host.getByRole('button', { name: 'New quiz' }).click();
    await host.getByLabel('Title').fill('Warm-up');
    await host.getByLabel('Question', { exact: true }).fill('Which year did the Online Access Act pass?');
    await host.getByLabel('Option 1', { exact: true }).fill('2013');
    await host.getByLabel('Option 2', { exact: true }).fill('2017');
    await host.getByRole('button', { name: 'Add option' }).click();
    await host.getByLabel('Option 3', { exact: true }).fill('2021');
    await host.getByLabel('“2017” is right').check();
    await host.getByLabel('Time limit (seconds, 5–300)').fill('30');
    await host.getByRole('button', { name: 'Save draft' }).click();
    await host.getByRole('heading', { name: 'Warm-up' }).waitFor();
    expect(await axeViolations(host)).toEqual([]);
    await host.getByRole('button', { name: 'Open' }).click();
    await host.getByRole('button', { name: 'Start question 1' }).waitFor();

    // The big screen shows the quiz.
    await host.getByRole('button', { name: 'Show on screen' }).click();
    const screen = await newPage();
    await screen.setViewportSize({ width: 1280, height: 720 });
    await screen.goto(`${session.cli.url}/console#present=${room}`);
    await screen.getByRole('heading', { name: 'Warm-up' }).waitFor();

    // Three participants open the event page; two choose nicknames.
    const [ada, ben, cleo] = await Promise.all([newPage(), newPage(), newPage('de-DE')]);
    for (const page of [ada, ben, cleo]) await page.goto(`${site.url}/`);
    await quizOf(ada).getByLabel('Your nickname for the leaderboard (optional)').fill('Ada');
    await quizOf(ada).getByRole('button', { name: 'Save nickname' }).click();
    await quizOf(ada).getByText('Saved: you appear as “Ada”.').waitFor();
    await quizOf(ben).getByLabel('Your nickname for the leaderboard (optional)').fill('Ada');
    await quizOf(ben).getByRole('button', { name: 'Save nickname' }).click();
    await quizOf(ben)
      .getByRole('alert')
      .getByText(/has that nickname already/)
      .waitFor();
    await quizOf(ben).getByLabel('Your nickname for the leaderboard (optional)').fill('Ben');
    await quizOf(ben).getByRole('button', { name: 'Save nickname' }).click();
    await quizOf(ben).getByText('Saved: you appear as “Ben”.').waitFor();
    // Cleo's browser speaks German, the page says English: the widget follows the page.
    await quizOf(cleo).getByText('The quiz starts soon', { exact: false }).waitFor();
    expect(await axeViolations(ada)).toEqual([]);

    // The host starts the question: every participant counts down by the server's clock.
    await host.getByRole('button', { name: 'Start question 1' }).click();
    for (const page of [ada, ben, cleo])
      await quizOf(page).getByRole('group', { name: 'Which year did the Online Access Act pass?' }).waitFor();
    const seconds = async (page: Page) => Number(await quizOf(page).locator('.seconds').textContent());
    const shown = await Promise.all([ada, ben, cleo].map(seconds));
    for (const left of shown) expect(left).toBeGreaterThanOrEqual(25);
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(1);
    await screen.getByRole('timer').waitFor();
    expect(await fits(screen)).toEqual([]);
    expect(await axeViolations(ada)).toEqual([]);

    // Ada answers right by keyboard, Ben wrong, Cleo right.
    await quizOf(ada).getByLabel('2013').focus();
    await ada.keyboard.press('ArrowDown');
    await ada.keyboard.press('Enter');
    await quizOf(ada).getByText('Your answer is in.', { exact: false }).waitFor();
    await quizOf(ben).getByLabel('2021').check();
    await quizOf(ben).getByRole('button', { name: 'Answer' }).click();
    await quizOf(cleo).getByLabel('2017').check();
    await quizOf(cleo).getByRole('button', { name: 'Answer' }).click();
    for (const page of [ben, cleo])
      await quizOf(page).getByText('Your answer is in.', { exact: false }).waitFor();
    await host.getByText('3 responses').waitFor();

    // The reveal: the distribution with the right option marked, and each one's result.
    await host.getByRole('button', { name: 'Reveal the answer' }).click();
    await quizOf(ada).getByText('The right answer: 2017. Right!', { exact: false }).waitFor();
    await quizOf(ben).getByText('The right answer: 2017. Not right this time.').waitFor();
    expect(await quizOf(ben).locator('.bars li .visually-hidden').allTextContents()).toEqual([
      '2013: 0 %, 0 answers',
      '2017 (correct): 67 %, 2 answers',
      '2021 (your answer): 33 %, 1 answer',
    ]);
    await screen.locator('.bars li.right').waitFor();
    expect(await fits(screen)).toEqual([]);
    expect(await axeViolations(ben)).toEqual([]);

    // The leaderboard: own score and rank on each widget, the top 10 on the big screen.
    await host.getByRole('button', { name: 'Show the leaderboard' }).click();
    await quizOf(ada)
      .locator('[part="score"]')
      .getByText(/^You: .* points, rank 1 of 3$/)
      .waitFor();
    await quizOf(ben).locator('[part="score"]').getByText('You: 0 points, rank 3 of 3').waitFor();
    await expect
      .poll(async () =>
        (await quizOf(ben).locator('.board li .name').allTextContents()).map((name) => name.trim()),
      )
      .toEqual(['Ada', expect.stringMatching(/^Participant \d+$/), 'Ben (you)']);
    await screen.locator('[data-present="leaderboard"]').waitFor();
    expect((await screen.locator('h1').innerText()).replace(/\s+/g, ' ')).toContain('Top 10');
    await expect
      .poll(() => screen.locator('.board li .text .visually-hidden').first().textContent())
      .toBe('Ada');
    expect(await axeViolations(screen)).toEqual([]);
    expect(await fits(screen)).toEqual([]);

    // The report has the quiz: the share of right answers and the final leaderboard.
    const report = (await api('GET', '/report')) as { quizzes?: unknown[] };
    expect(JSON.stringify(report.quizzes)).toContain('Warm-up');
    expect(JSON.stringify(report.quizzes)).toContain('Ada');
    await host.getByRole('tab', { name: 'Report' }).click();
    const quizReport = host.locator('[data-report-quiz]');
    await quizReport.waitFor();
    expect((await quizReport.innerText()).replace(/\s+/g, ' ')).toContain('67 % (3 responses)');
    expect(await axeViolations(host)).toEqual([]);

    // A rehearsal after all: the host resets the quiz, after a confirmation; the report says so.
    await host.getByRole('tab', { name: 'Quizzes' }).click();
    await host.getByRole('button', { name: 'Reset answers…' }).click();
    await host.getByText('Remove all 3 answers of “Warm-up”?', { exact: false }).waitFor();
    await host.getByRole('button', { name: 'Remove answers' }).click();
    await host.getByText('The answers of “Warm-up” were removed.').waitFor();
    // Back to a draft: participants see no quiz until the host opens it again.
    await quizOf(ada).getByText('No quiz running right now.').waitFor();
    await host.getByRole('tab', { name: 'Report' }).click();
    await host.getByText('“Warm-up” reset, 3 answers removed', { exact: false }).waitFor();
  });

  it('the big screen fits the worst quiz and survey question (the longest text, 20 long options) at 1280×720 and 1920×1080', async () => {
    const { room, hostKey } = await createRoom(session.cli.url, { title: 'Worst case' });
    const connection = connectRoom({
      server: session.cli.url,
      room,
      WebSocket,
      hostKey,
      participant: 'host-of-the-worst-case-0123456789',
    });
    const stop = connection.$state.listen(() => {});
    try {
      const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
      const text = words(60, 'Verwaltungsdigitalisierung').slice(0, activityLimits.quizQuestion);
      const options = Array.from({ length: limits.pollOptions }, (_, i) =>
        `${i} ${words(20, 'Antwortmöglichkeit')}`.slice(0, limits.pollOption),
      );
      const activity = new ActivityHost(connection.host!);
      const id = await activity.createQuiz({
        title: 'Worst case',
        questions: [{ text, kind: 'multiple', options, correct: [0, 19] }],
      });
      await activity.updateQuiz(id, { status: 'open' });
      await activity.startQuestion(id, 0);
      await connection.host!.showOnScreen({ show: 'quiz', quiz: id });
      const screen = await newPage();
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ] as const) {
        await screen.setViewportSize({ width, height });
        await screen.goto(`${session.cli.url}/console#present=${room}`);
        await screen.locator('[data-present="quiz-question"]').waitFor();
        expect(await fits(screen), `${width}×${height}`).toEqual([]);
      }
      await activity.revealAnswer(id);
      await screen.locator('.bars li.right').first().waitFor();
      expect(await fits(screen)).toEqual([]);
      // A survey question as long, with as many options, its results shared.
      const survey = await activity.createSurvey({
        title: 'Worst case survey',
        questions: [{ text: text.slice(0, activityLimits.surveyQuestion), kind: 'single', options }],
        resultsVisible: true,
      });
      await activity.updateSurvey(survey, { status: 'open' });
      await connection.host!.showOnScreen({ show: 'survey', survey, question: 0 });
      await screen.locator('[data-present="survey"]').waitFor();
      await screen.locator('.bars li').first().waitFor();
      expect(await fits(screen)).toEqual([]);
    } finally {
      stop();
      connection.close();
    }
  });
});
