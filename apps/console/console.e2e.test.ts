import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import WebSocket from 'ws';
import { connectRoom, type RoomConnection } from '@plenum/client';
import type { Report } from '@plenum/protocol';
import { axeViolations, createRoom, useBrowserSession } from '@plenum/testing';

/**
 * The host console against the real server in Chromium: a host creates a room, two
 * participants (the client library in Node, as any integration would use it) ask and vote,
 * the host moderates, runs a poll and presents, and the report tells what happened.
 */

const session = useBrowserSession({ acceptDownloads: true });
const { newPage } = session;
const participants: { room: RoomConnection; stop: () => void }[] = [];

afterAll(async () => {
  for (const participant of participants) participant.stop();
});

/** A participant in Node: joins the room (the store subscription keeps the socket open). */
function participant(room: string, name: string): RoomConnection {
  const connection = connectRoom({
    server: session.cli.url,
    room,
    WebSocket,
    participant: `participant-${name}-0123456789`,
  });
  participants.push({ room: connection, stop: connection.$state.listen(() => {}) });
  return connection;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
}

/** "2025-01-31T09:30" in local time, as a datetime-local input takes it (minutes, no seconds). */
function localInput(at: number): string {
  return new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * One room's life, step by step: each step starts where the one before left the room, the
 * host's page and the big screen (a failed step fails the ones after it).
 */
describe('a room from creation to erasure', () => {
  const adaQuestion = 'How will the budget be spent?';
  let host: Page;
  let present: Page;
  let hostLink: string;
  let room: string;
  let key: string;
  let ada: RoomConnection;
  let ben: RoomConnection;
  /** The link of Ada's question into the recording, in the report. */
  let watch: Locator;
  let href: string | null;
  let seconds: number;

  it('creates a pre-moderated room with a recording, speaking German or English', async () => {
    host = await newPage();
    await host.goto(`${session.cli.url}/console`);
    await host.getByRole('heading', { name: 'Create a room' }).waitFor();
    expect(await axeViolations(host)).toEqual([]);

    // German is one click away, and back.
    await host.getByRole('button', { name: 'Deutsch' }).click();
    await host.getByRole('heading', { name: 'Raum anlegen' }).waitFor();
    expect(await host.evaluate(() => document.documentElement.lang)).toBe('de');
    await host.getByRole('button', { name: 'English' }).click();

    const recordingStart = Date.now() - 90_000;
    await host.getByLabel('Event title').fill('Town hall');
    await host.getByLabel('Wait for approval (pre-moderation)').check();
    await host.getByLabel('Recording URL (optional)').fill('https://video.example.org/townhall.mp4');
    await host.getByLabel('Recording starts at (optional)').fill(localInput(recordingStart));
    await host.getByRole('button', { name: 'Create room' }).click();
  });

  it('shares the participant link, its QR code, the embed snippet and the secret host link', async () => {
    // The share tab: participant link with its QR code, the embed snippet, the host link.
    await host.getByRole('heading', { name: 'Town hall' }).waitFor();
    hostLink = await host.getByLabel('Host link (secret)').inputValue();
    const fragment = new URLSearchParams(new URL(hostLink).hash.slice(1));
    room = fragment.get('room')!;
    key = fragment.get('key')!;
    expect(room).toBeTruthy();
    expect(key).toBeTruthy();
    expect(await host.getByLabel('Participant link').inputValue()).toBe(
      `${session.cli.url}/console#join=${room}`,
    );
    expect(await host.getByLabel('Embed snippet').inputValue()).toContain(
      `<plenum-questions room="${room}"></plenum-questions>`,
    );
    await host.getByRole('img', { name: /^QR code for / }).waitFor();
    expect(await axeViolations(host)).toEqual([]);
  });

  it('lists the room in this browser and opens its questions', async () => {
    // The room is listed in this browser.
    await host.goto(`${session.cli.url}/console`);
    await host.getByRole('link', { name: 'Town hall' }).click();
    await host.getByRole('tab', { name: 'Questions' }).click();
    await host.getByRole('button', { name: 'Review (0)' }).waitFor();
  });

  it('holds the questions for review, approved and dismissed from the keyboard', async () => {
    // Two participants ask; in a pre-moderated room the questions wait for review.
    ada = participant(room, 'ada');
    ben = participant(room, 'ben');
    await ada.ask(adaQuestion);
    await ben.ask('Buy my product!');
    await host.getByRole('button', { name: 'Review (2)' }).waitFor();
    expect(await axeViolations(host)).toEqual([]);

    // Keyboard: focus Ada's question and approve it with "a".
    const adaItem = host.getByRole('article', { name: adaQuestion });
    expect(await adaItem.getAttribute('aria-keyshortcuts')).toContain('A');
    await adaItem.focus();
    await host.keyboard.press('a');
    await host.getByRole('button', { name: 'Live (1)' }).waitFor();
    // Focus moved on to the question that took its place; "d" dismisses it.
    const benItem = host.getByRole('article', { name: 'Buy my product!' });
    await expect.poll(() => benItem.evaluate((node) => node.matches(':focus'))).toBe(true);
    await host.keyboard.press('d');
    await host.getByRole('button', { name: 'Dismissed (1)' }).waitFor();
  });

  it('highlights a question the audience upvoted', async () => {
    // Ben upvotes Ada's question; the host highlights it for the room.
    await until(
      () => ben.$state.get()?.questions.some((q) => q.status === 'live') ?? false,
      'a live question',
    );
    const adaId = ben.$state.get()!.questions.find((q) => q.text === adaQuestion)!.id;
    await ben.upvote(adaId);
    await host.getByRole('button', { name: 'Live (1)' }).click();
    await host.getByRole('article', { name: adaQuestion }).getByText('1 upvote').waitFor();
    await host
      .getByRole('article', { name: adaQuestion })
      .getByRole('button', { name: 'Highlight: off' })
      .click();
    await host.getByRole('button', { name: 'Highlight: on', pressed: true }).waitFor();
  });

  it('puts the highlighted question, then the top questions, on the big screen, which has no key', async () => {
    // The present view, on another machine: no key, just the room. It shows the join screen
    // until the host chooses; the console says the highlighted question is not on it.
    present = await newPage();
    await present.goto(`${session.cli.url}/console#present=${room}`);
    await present.locator('[data-present="join"]').waitFor();
    await host.getByText(`The highlighted question is not on screen: “${adaQuestion}”`).waitFor();
    expect(await axeViolations(host)).toEqual([]);
    await host.getByRole('button', { name: 'Show it on screen' }).click();
    await present.locator('[data-present="question"]', { hasText: adaQuestion }).waitFor();
    await host.getByText(`Now on screen: question “${adaQuestion}”`).waitFor();
    expect(await host.getByText('The highlighted question is not on screen').count()).toBe(0);
    // The screen's own screens: the top live questions, and back to the question from its list.
    await host.getByRole('button', { name: 'Top questions' }).click();
    await host.getByRole('button', { name: 'Top questions', pressed: true }).waitFor();
    await present.locator('[data-present="questions"]').waitFor();
    await present.locator('.top li', { hasText: adaQuestion }).waitFor();
    await host
      .getByRole('article', { name: adaQuestion })
      .getByRole('button', { name: 'Show on screen' })
      .click();
    await present.locator('[data-present="question"]', { hasText: adaQuestion }).waitFor();
    await present.getByRole('img', { name: `QR code for ${session.cli.url}/console#join=${room}` }).waitFor();
    expect(await present.content()).not.toContain(key);
    expect(await axeViolations(present)).toEqual([]);
  });

  it('runs a single-choice poll that the big screen follows, with its results', async () => {
    // A single-choice poll, opened at once; the present view follows it and its results.
    await host.getByRole('tab', { name: 'Polls' }).click();
    await host.getByRole('button', { name: 'New poll' }).click();
    await host.getByLabel('Question of the poll').fill('Which topic next?');
    await host.getByRole('textbox', { name: 'Option 1' }).fill('Housing');
    await host.getByRole('textbox', { name: 'Option 2' }).fill('Transport');
    await host.getByRole('button', { name: 'Add option' }).click();
    await host.getByRole('textbox', { name: 'Option 3' }).fill('Schools');
    expect(await axeViolations(host)).toEqual([]);
    await host.getByRole('button', { name: 'Save and open' }).click();
    // Opening a poll leaves the screen alone; showing it is the host's own step.
    await host.getByRole('button', { name: 'Show on screen' }).waitFor();
    await until(() => ada.$state.get()?.currentPoll != null, 'the open poll');
    expect(await present.locator('[data-present="question"]').count()).toBe(1);
    await host.getByRole('button', { name: 'Show on screen' }).click();
    await host.getByRole('button', { name: 'On screen', pressed: true }).waitFor();
    await present.locator('[data-present="poll"]', { hasText: 'Which topic next?' }).waitFor();

    await until(() => ada.$state.get()?.currentPoll != null, 'the open poll');
    const pollId = ada.$state.get()!.currentPoll!;
    await ada.vote(pollId, 0);
    await ben.vote(pollId, 1);
    await host.getByText('2 responses').waitFor();
    await present.getByText('2 responses so far').waitFor();
    expect(await present.locator('.bars li').allInnerTexts()).toEqual([
      expect.stringMatching(/Housing\s+50 % \(1\)/),
      expect.stringMatching(/Transport\s+50 % \(1\)/),
      expect.stringMatching(/Schools\s+0 % \(0\)/),
    ]);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('ends voting and marks the question answered, the screen staying on the poll', async () => {
    // Close the poll: the screen says so. The host marks the question answered (x); the screen stays.
    await host.getByRole('button', { name: 'End voting', exact: true }).click();
    await present.getByText('Voting closed · 2 responses').waitFor();
    await host.getByRole('tab', { name: 'Questions' }).click();
    await host.getByRole('article', { name: adaQuestion }).focus();
    await host.keyboard.press('x');
    await host.getByRole('button', { name: 'Answered (1)' }).waitFor();
    await present.locator('[data-present="poll"]').waitFor();
  });

  it('reports what happened, each question linked to its moment in the recording', async () => {
    // A reaction, then the report: the numbers are what happened.
    await ada.react('👏');
    await host.getByRole('tab', { name: 'Report' }).click();
    await host.getByRole('heading', { name: 'The event in numbers' }).waitFor();
    const report = (await (
      await fetch(`${session.cli.url}/api/rooms/${room}/report`, {
        headers: { Authorization: `Bearer ${key}` },
      })
    ).json()) as Report;
    // Viewers are people: Ada and Ben, not the host's console nor the present screen.
    expect(report.audience.viewers).toBe(2);
    expect(report.audience.activeParticipants).toBe(2);
    expect(report.questions.total).toBe(2);
    expect(report.questions.byStatus).toEqual({ review: 0, live: 0, answered: 1, dismissed: 1 });
    expect(report.questions.upvotes).toBe(1);
    expect(report.polls[0]!.responses).toBe(2);
    const number = (name: string) =>
      host.locator('.numbers div', { has: host.locator('dt', { hasText: name }) }).locator('dd');
    expect(await number('Viewers').innerText()).toBe(String(report.audience.viewers));
    expect(await number('Peak concurrent').innerText()).toBe(String(report.audience.peakConnections));
    expect(await number('Active participants').innerText()).toBe('2');
    expect(await number('Questions').innerText()).toBe('2');
    expect(await number('Upvotes').innerText()).toBe('1');
    expect(await number('Reactions').innerText()).toBe('1');
    await host.getByRole('img', { name: /Bar chart: 1 reaction/ }).waitFor();
    // The host learns how long the server keeps the room (90 days idle, the default).
    await host
      .getByText(/This room and its report are kept until .+ after 90 days without activity/)
      .waitFor();

    // Each question links to its moment in the recording.
    watch = host.getByRole('row', { name: new RegExp(adaQuestion) }).getByRole('link');
    href = await watch.getAttribute('href');
    seconds = Number(/#t=(\d+)$/.exec(href ?? '')?.[1]);
    expect(href).toMatch(/^https:\/\/video\.example\.org\/townhall\.mp4#t=\d+$/);
    expect(seconds).toBeGreaterThanOrEqual(89);
    expect(seconds).toBeLessThan(600);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('keeps the recording with the room for a co-host on another device', async () => {
    // The recording lives with the room: a co-host on another device (only the host link,
    // nothing in its storage) sees the same links, and moves the recording to YouTube.
    const cohost = await newPage();
    await cohost.goto(hostLink.replace('#', '#tab=report&'));
    const cohostWatch = cohost.getByRole('row', { name: new RegExp(adaQuestion) }).getByRole('link');
    expect(await cohostWatch.getAttribute('href')).toBe(href);
    expect(await cohost.getByLabel('Recording URL (optional)').inputValue()).toBe(
      'https://video.example.org/townhall.mp4',
    );
    await cohost.getByLabel('Recording URL (optional)').fill('https://www.youtube.com/watch?v=town');
    await cohost.getByRole('region', { name: 'Recording' }).getByRole('button', { name: 'Save' }).click();
    await cohost.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await cohostWatch.getAttribute('href')).toBe(`https://www.youtube.com/watch?v=town&t=${seconds}s`);
    expect(await axeViolations(cohost)).toEqual([]);
  });

  it('downloads the questions as CSV with the key in a header, links included', async () => {
    // The CSV downloads with the key in a header, through a Blob URL, links included.
    await host.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => watch.getAttribute('href')).toContain('youtube.com');
    const [download] = await Promise.all([
      host.waitForEvent('download'),
      host.getByRole('button', { name: 'Download CSV: questions' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`plenum-${room}-questions.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(adaQuestion);
    expect(csv).toContain(`https://www.youtube.com/watch?v=town&t=${seconds}s`);
  });

  it('erases the room after a real confirmation', async () => {
    // Erasing needs a real confirmation step.
    await host.getByRole('button', { name: 'Erase this room' }).click();
    await host.getByLabel(`Type the room id “${room}” to confirm`).fill(room);
    await host.getByRole('button', { name: 'Erase for good' }).click();
    await host.getByText('The room was erased.').waitFor();
    expect((await fetch(`${session.cli.url}/api/rooms/${room}`)).status).toBe(404);
    expect(await host.getByRole('link', { name: 'Town hall' }).count()).toBe(0);
  });
});

describe('the host console', () => {
  it('the report tab: the paragraph to paste, the room’s language and zone, a file per table', async () => {
    const {
      room,
      hostKey,
      host: call,
    } = await createRoom(session.cli.url, {
      title: 'Bürgerdialog',
      lang: 'de',
      timeZone: 'Europe/Berlin',
    });
    const ada = participant(room, 'ada-report');
    const asked = await ada.ask('Gibt es Sprechstunden?');
    await call('PATCH', `/questions/${asked}`, { status: 'answered', reply: 'Ja, dienstags.' });
    const page = await newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.cli.url });
    await page.goto(`${session.cli.url}/console#room=${room}&key=${hostKey}&tab=report`);

    // The paragraph speaks the room's language (German), whatever the console speaks.
    const paragraph = page.getByLabel('The event in numbers, ready to paste (in the room’s language)');
    await expect
      .poll(() => paragraph.inputValue())
      .toMatch(/^1 Person hat zugeschaut, 1 hat sich live beteiligt\./);
    const text = await paragraph.inputValue();
    expect(text).toContain('Es kam 1 Beitrag (1 Frage).');
    const field = page.locator('plenum-console-copy-field.paragraph');
    await field.getByRole('button', { name: 'Copy' }).click();
    await field.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const number = (name: string) =>
      page.locator('.numbers div', { has: page.locator('dt', { hasText: name }) }).locator('dd');
    expect(await number('Contributions').innerText()).toBe('1');
    expect(await number('Poll responses').innerText()).toBe('0');
    await page.getByText('Ja, dienstags.').waitFor();

    // The room's settings: a zone that is none is refused on the spot, nothing is sent.
    const settings = page.getByRole('region', { name: 'Room' });
    expect(await settings.getByLabel('Language of the room').inputValue()).toBe('de');
    expect(await settings.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    await settings.getByLabel('Time zone').fill('Mars/Base');
    await settings.getByRole('button', { name: 'Save' }).click();
    expect(
      await settings.getByLabel('Time zone').evaluate((input: HTMLInputElement) => input.validationMessage),
    ).toBe('This is not a time zone. Pick one from the list, e.g. Europe/Berlin.');
    expect((await call('GET', '/report'))!.timeZone).toBe('Europe/Berlin');

    // A recording start years away is flagged, and saved as the host entered it (Berlin's 12:00).
    const recording = page.getByRole('region', { name: 'Recording' });
    await recording.getByLabel('Recording URL (optional)').fill('https://video.example.org/dialog.mp4');
    await recording.getByLabel('Recording starts at (optional)').fill('2019-01-10T12:00');
    await recording.getByText(/more than a day away from the room’s activity/).waitFor();
    await recording.getByRole('button', { name: 'Save' }).click();
    await recording.getByRole('status').filter({ hasText: 'Saved: the question list' }).waitFor();
    expect((await call('GET', '/report'))!.recording).toEqual({
      url: 'https://video.example.org/dialog.mp4',
      startsAt: Date.UTC(2019, 0, 10, 11, 0),
    });
    expect(await axeViolations(page)).toEqual([]);

    // One table per file, for a German Excel: byte-order mark and semicolons.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV: numbers' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`plenum-${room}-numbers.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('"Beiträge";1\r\n');
    // The chapters need the start: now that it is set, they can be downloaded.
    await page.getByRole('button', { name: 'Download YouTube chapters' }).waitFor();

    // The event page lives with the room: another host device hands out the same link and QR code.
    const second = await newPage();
    await second.goto(`${session.cli.url}/console#room=${room}&key=${hostKey}&tab=share`);
    await page.getByRole('tab', { name: 'Share' }).click();
    await page.getByLabel('Event page URL (optional)').fill('https://events.example.org/dialog');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved with the room' }).waitFor();
    await expect
      .poll(() => second.getByLabel('Participant link').inputValue())
      .toBe('https://events.example.org/dialog');
    await second.getByRole('img', { name: 'QR code for https://events.example.org/dialog' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  /** Polls of every kind in one room, step by step (each step goes on from the one before). */
  describe('runs polls of every kind: drafts, edits, duplicates, hidden results, deletion', () => {
    let host: Page;
    let ada: RoomConnection;
    /** The list item of the poll titled `title`. */
    const poll = (title: string) =>
      host.getByRole('listitem').filter({ has: host.getByRole('heading', { name: title, exact: true }) });
    const days = () => poll('Which days suit you best?');
    let daysId: string;

    beforeAll(async () => {
      const { room, hostKey } = await createRoom(session.cli.url, { title: 'Polls' });
      host = await newPage();
      await host.goto(`${session.cli.url}/console#room=${room}&key=${hostKey}&tab=polls`);
      ada = participant(room, 'ada-polls');
    });

    it('saves a multiple-choice draft with a maximum, which participants do not see', async () => {
      await host.getByRole('button', { name: 'New poll' }).click();
      await host.getByLabel('Question of the poll').fill('Which days suit you?');
      await host.getByLabel('Kind').selectOption('multiple');
      await host.getByRole('textbox', { name: 'Option 1' }).fill('Monday');
      await host.getByRole('textbox', { name: 'Option 2' }).fill('Tuesday');
      await host.getByRole('button', { name: 'Add option' }).click();
      await host.getByRole('textbox', { name: 'Option 3' }).fill('Wednesday');
      await host.getByLabel('At most this many choices').fill('2');
      await host.getByRole('button', { name: 'Save as draft' }).click();
      await poll('Which days suit you?').getByText('≤ 2').waitFor();
      await until(() => ada.$state.get() !== undefined, 'the participant joining');
      expect(ada.$state.get()!.polls).toEqual([]);
    });

    it('edits the draft: a new title, and the emptied maximum field lifts the maximum', async () => {
      await poll('Which days suit you?').getByRole('button', { name: 'Edit' }).click();
      await host.getByLabel('Question of the poll').fill('Which days suit you best?');
      await host.getByLabel('At most this many choices').fill('');
      await host.getByRole('button', { name: 'Save as draft' }).click();
      await days().waitFor();
      expect(await days().getByText('≤').count()).toBe(0);
    });

    it('duplicates the draft and deletes the copy after a confirmation', async () => {
      await days().getByRole('button', { name: 'Duplicate' }).click();
      await expect.poll(() => days().count()).toBe(2);
      const copy = days().nth(1);
      await copy.getByRole('button', { name: 'Delete' }).click();
      await copy
        .getByRole('group', { name: 'Delete this poll and its votes?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await expect.poll(() => days().count()).toBe(1);
      expect(await axeViolations(host)).toEqual([]);
    });

    it('opens it: with the maximum lifted, all three days are one valid vote', async () => {
      await days().getByRole('button', { name: 'Open' }).click();
      await until(() => ada.$state.get()?.currentPoll != null, 'the open poll');
      daysId = ada.$state.get()!.currentPoll!;
      await ada.vote(daysId, [0, 1, 2]);
      await days().getByText('1 response').waitFor();
    });

    it('hides the results from participants, not from the host, until shown again', async () => {
      await days().getByRole('button', { name: 'Results: visible', pressed: true }).click();
      await days().getByRole('button', { name: 'Results: hidden', pressed: false }).waitFor();
      await until(() => ada.$state.get()!.polls.every((p) => p.results === undefined), 'results hidden');
      await days().getByText('1 response').waitFor();
      await days().getByRole('button', { name: 'Results: hidden' }).click();
      await until(() => ada.$state.get()!.polls.some((p) => p.results !== undefined), 'results shown');
    });

    it('opens a rating and an open question at once, each ending the poll before', async () => {
      await host.getByRole('button', { name: 'New poll' }).click();
      await host.getByLabel('Question of the poll').fill('How was the venue?');
      await host.getByLabel('Kind').selectOption('rating');
      await host.getByRole('button', { name: 'Save and open' }).click();
      await until(() => ada.$state.get()!.currentPoll !== daysId, 'the rating poll');
      await ada.vote(ada.$state.get()!.currentPoll!, 4);
      await poll('How was the venue?').getByText('Average 4.0 of 5').waitFor();
      await days().getByText('Voting closed', { exact: true }).waitFor();

      await host.getByRole('button', { name: 'New poll' }).click();
      await host.getByLabel('Question of the poll').fill('One word for today?');
      await host.getByLabel('Kind').selectOption('open');
      await host.getByRole('button', { name: 'Save and open' }).click();
      await until(
        () => ada.$state.get()!.polls.some((p) => p.kind === 'open' && p.status === 'open'),
        'the open question',
      );
      await ada.vote(ada.$state.get()!.currentPoll!, '  Inspiring ');
      await poll('One word for today?').getByText('Inspiring', { exact: true }).waitFor();
    });

    it('hides an open answer: gone for participants, its count included', async () => {
      await poll('One word for today?').getByText('Moderate answers').click();
      await poll('One word for today?').getByRole('button', { name: 'Hide', exact: true }).click();
      await until(
        () => ada.$state.get()!.polls.some((p) => p.results?.kind === 'open' && p.results.responses === 0),
        'the hidden answer',
      );
      await poll('One word for today?').getByText('hidden', { exact: true }).waitFor();
      expect(await axeViolations(host)).toEqual([]);
    });
  });

  it('tells the host, in both languages, when one network cast an unusual share of a poll’s votes', async () => {
    const { room, hostKey, host: api } = await createRoom(session.cli.url, { title: 'One network' });
    const { id: poll } = (await api('POST', '/polls', {
      title: 'Coffee?',
      kind: 'single',
      options: ['Yes', 'No'],
    })) as {
      id: string;
    };
    await api('PATCH', `/polls/${poll}`, { status: 'open' });
    // 51 participant ids voting from 127.0.0.1: one network, and over the note's threshold of 50.
    const sockets = await Promise.all(
      Array.from({ length: 51 }, (_, i) => {
        const socket = new WebSocket(`${session.cli.url.replace('http', 'ws')}/parties/main/${room}`);
        return new Promise<WebSocket>((resolve) => {
          socket.once('open', () => {
            socket.send(JSON.stringify({ type: 'hello', v: 1, participant: `same-network-voter-${i}` }));
            socket.send(JSON.stringify({ type: 'vote', id: `vote-${i}`, poll, choice: 0 }));
          });
          socket.on('message', (data) => {
            if ((JSON.parse(String(data)) as { type: string; id?: string }).id === `vote-${i}`)
              resolve(socket);
          });
        });
      }),
    );
    for (const [locale, text] of [
      ['en-GB', 'One network cast 100 % of the votes (51).'],
      ['de-DE', 'Ein Netzwerk hat 100 % der Stimmen abgegeben (51).'],
    ] as const) {
      const host = await newPage(locale);
      await host.goto(`${session.cli.url}/console#room=${room}&key=${hostKey}&tab=polls`);
      await host.getByRole('note').filter({ hasText: text }).waitFor();
      expect(await axeViolations(host)).toEqual([]);
    }
    const report = (await api('GET', '/report')) as unknown as Report;
    expect(report.polls[0]).toMatchObject({ responses: 51, network: { voters: 51, share: 100 } });
    for (const socket of sockets) socket.close();
  });

  it('moderates in bulk, merges duplicates, reorders the run of show and renames the room', async () => {
    const {
      room,
      hostKey,
      host: api,
    } = await createRoom(session.cli.url, { title: 'Town hall', moderation: 'pre' });
    const [ada, ben, cem] = ['ada-bulk', 'ben-bulk', 'cem-bulk'].map((name) => participant(room, name)) as [
      RoomConnection,
      RoomConnection,
      RoomConnection,
    ];
    await ada.ask('When does the digital passport come?');
    await ben.ask('when does the digital passport come');
    await cem.ask('Who pays for it?');
    await cem.ask('Spam spam spam');
    const host = await newPage();
    await host.goto(`${session.cli.url}/console#room=${room}&key=${hostKey}`);
    await host.getByRole('button', { name: 'Review (4)' }).click();

    // Checkbox on the first, Shift-click on the third: three picked, approved at once.
    await host.getByRole('checkbox', { name: /^Select\s*: When does the digital passport come\?$/ }).click();
    await host
      .getByRole('checkbox', { name: /^Select\s*: Who pays for it\?$/ })
      .click({ modifiers: ['Shift'] });
    await host.getByText('3 selected').waitFor();
    await host
      .getByRole('group', { name: 'Selected questions' })
      .getByRole('button', { name: 'Approve' })
      .click();
    await host.getByRole('button', { name: 'Live (3)' }).waitFor();
    await host.getByRole('button', { name: 'Review (1)' }).waitFor();
    // S on a focused question picks it too; then dismiss the spam in bulk.
    await host.getByRole('article', { name: 'Spam spam spam' }).focus();
    await host.keyboard.press('s');
    await host.getByText('1 selected').waitFor();
    await host
      .getByRole('group', { name: 'Selected questions' })
      .getByRole('button', { name: 'Dismiss' })
      .click();
    await host.getByRole('button', { name: 'Dismissed (1)' }).waitFor();

    // Cem upvotes both duplicates: after the merge he counts once.
    await until(() => (ben.$state.get()?.questions.length ?? 0) === 3, 'the approved questions');
    const idOf = (text: string) => ben.$state.get()!.questions.find((q) => q.text === text)!.id;
    const adaId = idOf('When does the digital passport come?');
    const benId = idOf('when does the digital passport come');
    await cem.upvote(adaId);
    await cem.upvote(benId);
    // Nobody upvotes their own question.
    await expect(ben.upvote(benId)).rejects.toMatchObject({ code: 'own_question' });
    await host.getByRole('button', { name: 'Live (3)' }).click();
    const duplicates = host.getByRole('region', { name: '1 group of duplicates' });
    await duplicates.waitFor();
    expect(await axeViolations(host)).toEqual([]);
    await duplicates.getByRole('button', { name: 'Merge 2 into one' }).click();
    await host.getByRole('button', { name: 'Live (2)' }).waitFor();
    await host
      .getByRole('article', { name: 'When does the digital passport come?' })
      .getByText('1 upvote')
      .waitFor();
    // Ben still finds his question: as the merged one, his to see but not to edit.
    await until(() => ben.$mine.get().merged?.includes(adaId) ?? false, "Ben's merged question");
    expect(ben.$state.get()!.questions.map((q) => q.id)).not.toContain(benId);
    expect(await duplicates.count()).toBe(0);

    // The run of show: numbered in the order made, moved by keyboard (announced) and by drag.
    await api('POST', '/polls', { title: 'Warm-up', kind: 'rating' });
    await api('POST', '/polls', { title: 'Main question', kind: 'open' });
    await host.getByRole('tab', { name: 'Polls' }).click();
    const items = host.getByRole('list', { name: 'Polls' }).getByRole('heading');
    await expect.poll(() => items.allInnerTexts()).toEqual(['1.Warm-up', '2.Main question']);
    await host.getByRole('button', { name: 'Move “Main question” up' }).click();
    await host.getByRole('status').filter({ hasText: '“Main question” is now poll 1 of 2.' }).waitFor();
    await expect.poll(() => items.allInnerTexts()).toEqual(['1.Main question', '2.Warm-up']);
    // … and by drag: the warm-up dropped on the first place goes back there.
    const card = (title: string) => host.locator('[draggable="true"]', { hasText: title });
    await card('Warm-up').dragTo(card('Main question'));
    await expect.poll(() => items.allInnerTexts()).toEqual(['1.Warm-up', '2.Main question']);
    expect(await axeViolations(host)).toEqual([]);

    // The room title is editable; participants hear of it.
    await host.getByRole('button', { name: 'Rename' }).click();
    await host.getByLabel('Event title').fill('Town hall, spring');
    await host.getByRole('button', { name: 'Save' }).click();
    await host.getByRole('heading', { name: 'Town hall, spring', level: 1 }).waitFor();
    await until(() => ada.$state.get()?.title === 'Town hall, spring', 'the new title');
  });

  it('holds new questions back while the host works in the list', async () => {
    const { room, hostKey } = await createRoom(session.cli.url, { title: 'Steady' });
    const host = await newPage();
    await host.goto(`${session.cli.url}/console#room=${room}&key=${hostKey}`);
    const cleo = participant(room, 'cleo');
    await cleo.ask('First question');
    const first = host.getByRole('article', { name: 'First question' });
    await first.focus();
    await cleo.ask('Second question');
    const show = host.getByRole('button', { name: '1 new question — show' });
    await show.waitFor();
    expect(await host.getByRole('article').count()).toBe(1);
    expect(await first.evaluate((node) => node.matches(':focus'))).toBe(true);
    await show.click();
    await host.getByRole('article', { name: 'Second question' }).waitFor();
    expect(await host.getByRole('article').count()).toBe(2);
  });

  it('shows nothing of the room with a wrong or missing host key', async () => {
    const { room, host } = await createRoom(session.cli.url, { title: 'Secret' });
    const asker = participant(room, 'dora');
    await asker.ask('A question only the host may moderate');
    await host('GET', '/report');

    const page = await newPage();
    await page.goto(`${session.cli.url}/console#room=${room}&key=not-the-key`);
    await page.getByRole('alert').getByText('The host key does not match this room.').waitFor();
    expect(await page.getByText('A question only the host may moderate').count()).toBe(0);
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${session.cli.url}/console#room=${room}`);
    await page.getByRole('alert').getByText('This link has no host key.').waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
  });
});
