import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import WebSocket from 'ws';
import { connectRoom, type RoomConnection } from '@plenum/client';
import { limits, type Screen } from '@plenum/protocol';
import { axeViolations, createRoom, cspViolations, launchBrowser, startCli, type Cli } from '@plenum/testing';

/**
 * The big screen in Chromium against the real server: it shows what the host chose and keeps
 * the choice across a reload; each worst case fits 1280×720 and 1920×1080 (and 4:3) with
 * nothing scrolling, nothing outside the viewport, the QR code whole; axe finds nothing.
 */

let cli: Cli;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const stops: (() => void)[] = [];
/** What the server's Content-Security-Policy refused on each page: the screen must need nothing it refuses. */
const refused: string[][] = [];

beforeAll(async () => {
  [cli, browser] = await Promise.all([startCli(), launchBrowser()]);
  context = await browser.newContext({ locale: 'de-DE' });
  page = await context.newPage();
  refused.push(cspViolations(page));
});

afterAll(async () => {
  for (const stop of stops) stop();
  await context?.close();
  await browser?.close();
  expect(await cli?.stop()).toBe(0);
  expect(refused.flat()).toEqual([]);
});

function participant(room: string, n: number): RoomConnection {
  const connection = connectRoom({
    server: cli.url,
    room,
    WebSocket,
    participant: `participant-${String(n).padStart(4, '0')}-0123456789`,
  });
  stops.push(connection.$state.listen(() => {}));
  return connection;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
}

const long = (n: number, word: string) => {
  let text = '';
  for (let i = 1; text.length < n; i++) text += `${word}${i} `;
  return text.slice(0, n).trim().padEnd(n, 'x');
};

/** The page's own sizes and every element's box (shadow roots included) against the viewport. */
async function overflow(page: Page) {
  // Two frames: the resize observer and the fitting have run.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => {
    const problems: string[] = [];
    const [width, height] = [innerWidth, innerHeight];
    const root = document.scrollingElement!;
    if (root.scrollWidth > width || root.scrollHeight > height)
      problems.push(`page scrolls: ${root.scrollWidth}×${root.scrollHeight}`);
    const visit = (scope: Document | ShadowRoot) => {
      for (const element of scope.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) {
          if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5)
            problems.push(`${element.tagName.toLowerCase()}.${element.className} at ${JSON.stringify(box)}`);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    const present = document
      .querySelector('plenum-console')!
      .shadowRoot!.querySelector('plenum-console-present')!;
    const stage = present.shadowRoot!.querySelector('main')!;
    if (stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1)
      problems.push(
        `stage overflows: ${stage.scrollWidth}×${stage.scrollHeight} in ${stage.clientWidth}×${stage.clientHeight}`,
      );
    const fontSize = parseFloat(getComputedStyle(stage).fontSize);
    const qr = present.shadowRoot!.querySelector('svg.qr')?.getBoundingClientRect();
    return {
      problems,
      fontSize,
      qr: qr && { left: qr.left, top: qr.top, right: qr.right, bottom: qr.bottom, size: qr.width },
      width,
      height,
    };
  });
}

describe('the big screen', () => {
  it('shows exactly what the host chose, fits every worst case at every size, and axe finds nothing', async () => {
    const { room, host } = await createRoom(cli.url, {
      title: long(limits.roomTitle, 'Bürgerdialog'),
      lang: 'de',
    });
    const people = Array.from({ length: 50 }, (_, i) => participant(room, i));
    await until(() => people.every((p) => p.$state.get() !== undefined), 'everyone joined');

    // A question of the maximum length, with a name and a label of the maximum length.
    const questionText = long(limits.questionText, 'Verwaltungsdigitalisierung');
    await people[0]!.ask(questionText, { name: long(limits.displayName, 'Name') });
    await until(() => people[0]!.$state.get()!.questions.length === 1, 'the question');
    const question = people[0]!.$state.get()!.questions[0]!.id;
    await host('PATCH', `/questions/${question}`, { label: long(limits.label, 'Thema') });
    for (let i = 1; i < 6; i++) await people[i]!.ask(long(limits.questionText, `Frage${i}-`));

    // A poll with the maximum options and title; an open poll with 50 distinct answers; a rating.
    const many = (await host('POST', '/polls', {
      title: long(limits.pollTitle, 'Umfragetitel'),
      kind: 'single',
      options: Array.from({ length: limits.pollOptions }, (_, i) => long(limits.pollOption, `Option${i}-`)),
    }))!.id as string;
    const open = (await host('POST', '/polls', { title: 'Ein Wort für heute?', kind: 'open' }))!.id as string;
    const rating = (await host('POST', '/polls', {
      title: 'Wie hilfreich war das?',
      kind: 'rating',
      resultsVisible: false,
    }))!.id as string;
    await host('PATCH', `/polls/${many}`, { status: 'open' });
    await Promise.all(people.map((p, i) => p.vote(many, i % limits.pollOptions)));
    await host('PATCH', `/polls/${open}`, { status: 'open' });
    await Promise.all(people.map((p, i) => p.vote(open, `Antwort Nummer ${i} mit etwas mehr Text`)));
    await host('PATCH', `/polls/${rating}`, { status: 'open' });
    await Promise.all(people.slice(0, 7).map((p, i) => p.vote(rating, (i % 5) + 1)));

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${cli.url}/console#present=${room}`);
    const stage = page.locator('plenum-console-present main');
    // Nothing implicit: a new room's screen is the join screen, although polls are open.
    await page.locator('[data-present="join"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    // Each screen, recognised by what only it shows.
    const cases: { name: string; screen: Screen; shows: string; text?: string; whole?: string }[] = [
      { name: 'join', screen: { show: 'join' }, shows: '[data-present="join"]' },
      {
        name: 'question',
        screen: { show: 'question', question },
        shows: '[data-present="question"]',
        whole: questionText,
      },
      {
        name: 'many options',
        screen: { show: 'poll', poll: many },
        shows: '[data-present="poll"]',
        text: 'Umfragetitel1',
      },
      {
        name: '50 answers',
        screen: { show: 'poll', poll: open },
        shows: '[data-present="poll"]',
        text: 'Ein Wort',
      },
      { name: 'rating (hidden)', screen: { show: 'poll', poll: rating }, shows: 'text=Ergebnisse folgen' },
      { name: 'top questions', screen: { show: 'questions' }, shows: '[data-present="questions"]' },
      { name: 'blank', screen: { show: 'blank' }, shows: '[data-present="blank"]' },
    ];
    for (const { name, screen, shows, text, whole } of cases) {
      await host('PUT', '/screen', screen);
      await page
        .locator(shows, text ? { hasText: text } : {})
        .first()
        .waitFor();
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
        [1280, 960],
        [3840, 2160],
      ] as const) {
        await page.setViewportSize({ width, height });
        const measured = await overflow(page);
        expect(measured.problems, `${name} at ${width}×${height}`).toEqual([]);
        // Shrunk to fit, but never below a size the back of the hall can read.
        expect(measured.fontSize).toBeGreaterThanOrEqual(Math.min(width, height) * 0.027 - 0.5);
        if (screen.show !== 'blank') {
          const qr = measured.qr!;
          expect(qr, `${name}: the QR code at ${width}×${height}`).toBeDefined();
          expect(qr.left).toBeGreaterThanOrEqual(0);
          expect(qr.top).toBeGreaterThanOrEqual(0);
          expect(qr.right).toBeLessThanOrEqual(width);
          expect(qr.bottom).toBeLessThanOrEqual(height);
          expect(qr.size).toBeGreaterThanOrEqual(Math.min(width, height) / 5);
        }
      }
      // Cut for the eye, whole for assistive technology.
      if (whole) expect(await stage.ariaSnapshot()).toContain(whole);
      await page.setViewportSize({ width: 1280, height: 720 });
      expect(await axeViolations(page), name).toEqual([]);
    }

    // On screen, an open poll counts its responses; a closed one says so.
    await host('PUT', '/screen', { show: 'poll', poll: rating });
    await page.getByText('Bisher 7 Antworten').waitFor();
    await host('PATCH', `/polls/${rating}`, { status: 'closed' });
    await page.getByText('Abstimmung beendet · 7 Antworten').waitFor();
    // Closing did not reveal; revealing does.
    await page.getByText('Ergebnisse folgen').waitFor();
    await host('PATCH', `/polls/${rating}`, { resultsVisible: true });
    await page.getByText(/Durchschnitt 2,\d von 5/).waitFor();

    // The choice is the room's: a reload shows it again, and nothing else changes it.
    await page.reload();
    await page.getByText(/Durchschnitt 2,\d von 5/).waitFor();
    await host('PATCH', `/questions/${question}`, { highlighted: true });
    await host('PATCH', `/polls/${many}`, { status: 'open' });
    await page.reload();
    await page.locator('[data-present="poll"]', { hasText: 'Wie hilfreich war das?' }).waitFor();
  });

  it('gives the join page the room title and a privacy note, in the room language', async () => {
    const { room } = await createRoom(cli.url, { title: 'Stadtrat live', lang: 'de' });
    const join = await context.newPage();
    refused.push(cspViolations(join));
    await join.goto(`${cli.url}/console#join=${room}`);
    await join.getByRole('heading', { level: 1, name: 'Stadtrat live' }).waitFor();
    await join
      .getByText('Anonym, solange Sie keinen Namen angeben: kein Konto, keine Cookies, kein Tracking.')
      .waitFor();
    expect(await join.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await join.title()).toBe('Stadtrat live');
    await join.close();
  });
});
