import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRoom, launchBrowser, serveSite, startCli, type Cli, type Site } from '@plenum/testing';

/**
 * A whole event through the widgets, by keyboard only: three participants on an embedding
 * page and a host (over the HTTP API) in a pre-moderated room.
 */
let cli: Cli;
let browser: Browser;
let site: Site;
let room: Awaited<ReturnType<typeof createRoom>>;

beforeAll(async () => {
  [cli, browser] = await Promise.all([startCli(), launchBrowser()]);
  room = await createRoom(cli.url, { title: 'Bürgerdialog', moderation: 'pre' });
  site = await serveSite({
    '/event': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Event</title>
      <script type="module" src="${cli.url}/plenum.js"></script></head><body>
      <plenum-reactions room="${room.room}"></plenum-reactions>
      <plenum-poll room="${room.room}"></plenum-poll>
      <plenum-questions room="${room.room}" ask-name></plenum-questions></body></html>`,
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  expect(await cli?.stop()).toBe(0);
});

async function participant(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${site.url}/event`);
  await page.getByRole('button', { name: 'Send question' }).waitFor();
  return page;
}

/** Focuses by locator (as Tab would), then acts with keys only. */
async function press(page: Page, target: ReturnType<Page['getByRole']>, key: string) {
  await target.focus();
  await page.keyboard.press(key);
}

describe('an event through the widgets, keyboard only', () => {
  it('asks, moderates, upvotes, votes, reacts, answers, and reports what happened', async () => {
    const [ada, ben, cem] = await Promise.all([participant(), participant(), participant()]);

    // Ada asks with a name; in a pre-moderated room only she sees it, marked as waiting.
    await ada.getByRole('textbox', { name: 'Your question' }).focus();
    await ada.keyboard.type('Wann kommt das Online-Bürgeramt?');
    await ada.getByRole('textbox', { name: 'Your name (optional)' }).focus();
    await ada.keyboard.type('Ada');
    await press(ada, ada.getByRole('button', { name: 'Send question' }), 'Enter');
    await ada.getByText('Your question will appear once a moderator approves it.').waitFor();
    await ada.getByText('Awaiting moderation').first().waitFor();
    expect(await ben.getByText('Wann kommt das Online-Bürgeramt?').count()).toBe(0);

    // The host approves it: everyone sees it.
    const report0 = (await room.host('GET', '/report')) as { questions: { list: { id: string }[] } };
    const question = report0.questions.list[0]!.id;
    await room.host('PATCH', `/questions/${question}`, { status: 'live' });
    await ben.getByText('Wann kommt das Online-Bürgeramt?').waitFor();
    await cem.getByText('Wann kommt das Online-Bürgeramt?').waitFor();

    // Ben and Cem upvote with Space; everyone's count reaches 2.
    await press(ben, ben.getByRole('button', { name: 'Upvote, 0 votes' }), 'Space');
    await press(cem, cem.getByRole('button', { name: /^Upvote, [01] votes?$/ }), 'Space');
    // Ada asked it: she sees the count, but no button to upvote her own question.
    await ada.getByText('2 votes', { exact: true }).waitFor();
    expect(await ada.getByRole('button', { name: /^Upvote/ }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: 'Upvote, 2 votes' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // The host opens a poll; each participant votes with arrow keys in the radio group.
    const { id: poll } = (await room.host('POST', '/polls', {
      title: 'Wie oft nutzen Sie Online-Dienste?',
      kind: 'single',
      options: ['Nie', 'Manchmal', 'Oft'],
    }))!;
    await room.host('PATCH', `/polls/${String(poll)}`, { status: 'open' });
    for (const [page, steps] of [
      [ada, 2],
      [ben, 2],
      [cem, 1],
    ] as const) {
      const first = page.getByRole('radio', { name: 'Nie' });
      await first.focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
      await press(page, page.getByRole('button', { name: 'Vote', exact: true }), 'Enter');
      await page.getByText('Thank you! Your vote has been counted.').waitFor();
    }
    await cem.getByText('Oft: 67 %, 2 votes').first().waitFor();
    await cem.getByText('Manchmal: 33 %, 1 vote').first().waitFor();

    // Reactions: into the toolbar, arrow to Applause, Enter.
    await ada.getByRole('button', { name: /^Thumbs up/ }).focus();
    await ada.keyboard.press('ArrowRight');
    await ada.keyboard.press('Enter');
    await ben.getByRole('button', { name: 'Applause, 1 so far' }).waitFor();

    // The host answers with a reply: it moves to the Answered tab with the reply under it.
    await room.host('PATCH', `/questions/${question}`, { status: 'answered', reply: 'Noch in diesem Jahr.' });
    await press(cem, cem.getByRole('tab', { name: 'Answered (1)' }), 'Enter');
    await cem.getByText('Noch in diesem Jahr.').waitFor();

    const report = (await room.host('GET', '/report')) as {
      audience: { viewers: number; activeParticipants: number };
      questions: { total: number; upvotes: number; byStatus: Record<string, number> };
      polls: { responses: number; results: { counts: number[] } }[];
      reactions: { total: number };
    };
    expect(report.audience).toMatchObject({ viewers: 3, activeParticipants: 3 });
    expect(report.questions).toMatchObject({ total: 1, upvotes: 2, byStatus: { answered: 1 } });
    expect(report.polls[0]).toMatchObject({ responses: 3, results: { counts: [0, 1, 2] } });
    expect(report.reactions.total).toBe(1);
  });
});
