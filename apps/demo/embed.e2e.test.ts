import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRoom, launchBrowser, serveSite, startCli, type Cli, type Site } from '@plenum/testing';

/**
 * The embed promise: two lines in a page on another origin, under hostile global CSS and a
 * strict Content-Security-Policy, and every widget works.
 */
let cli: Cli;
let browser: Browser;
let site: Site;
let siteUrl: string;
let room: string;

const hostileCss = '* { font-size: 31px !important; color: red } button { border: 9px solid lime }';

function page(body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host page</title>
    <style nonce="host">${hostileCss}</style>
    <script type="module" src="${cli.url}/plenum.js"></script>
    </head><body>${body}</body></html>`;
}

beforeAll(async () => {
  [cli, browser] = await Promise.all([startCli(), launchBrowser()]);
  const created = await createRoom(cli.url, { title: 'Embed' });
  room = created.room;
  const { id: poll } = (await created.host('POST', '/polls', {
    title: 'Which option?',
    kind: 'single',
    options: ['Alpha', 'Beta'],
  }))!;
  await created.host('PATCH', `/polls/${String(poll)}`, { status: 'open' });

  const widgets = `<plenum-questions room="${room}"></plenum-questions>
    <plenum-poll room="${room}"></plenum-poll><plenum-reactions room="${room}"></plenum-reactions>`;
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${cli.url}`,
    `connect-src ${cli.url} ${cli.url.replace('http', 'ws')}`,
    "style-src 'nonce-host'",
    "img-src 'self'",
  ].join('; ');
  site = await serveSite(
    {
      '/hostile': page(widgets),
      // Elements before the script, the script twice, and more elements added later by a script.
      '/twice': page(
        `<plenum-reactions room="${room}"></plenum-reactions>
        <script type="module" src="${cli.url}/plenum.js"></script>
        <script type="module" src="/late.js"></script>`,
        'de',
      ),
      '/late.js': `addEventListener('load', () => {
        const late = document.createElement('plenum-poll');
        late.setAttribute('room', ${JSON.stringify(room)});
        document.body.append(late);
      });`,
    },
    csp,
  );
  siteUrl = site.url;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  expect(await cli?.stop()).toBe(0);
});

/** Opens a page and records what a privacy-minded webmaster would not want to see. */
async function visit(context: BrowserContext, path: string) {
  const tab: Page = await context.newPage();
  const violations: string[] = [];
  const foreign: string[] = [];
  tab.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  tab.on('pageerror', (error) => violations.push(error.message));
  tab.on('request', (request) => {
    const origin = new URL(request.url()).origin;
    if (origin !== siteUrl && origin !== cli.url && origin !== cli.url.replace('http', 'ws')) {
      foreign.push(request.url());
    }
  });
  await tab.goto(`${siteUrl}${path}`);
  return { tab, violations, foreign };
}

describe('plenum.js on a hostile page of another origin', () => {
  it('renders unharmed and a question, an upvote, a vote and a reaction all work', async () => {
    const [alice, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
    const a = await visit(alice, '/hostile');
    const b = await visit(bob, '/hostile');

    const send = a.tab.getByRole('button', { name: 'Send question' });
    await send.waitFor();
    const look = await send.evaluate((button) => {
      const style = getComputedStyle(button);
      return { fontSize: style.fontSize, border: style.borderTopWidth, color: style.color };
    });
    expect(look.fontSize).not.toBe('31px');
    expect(look.border).not.toBe('9px');
    expect(look.color).not.toBe('rgb(255, 0, 0)');

    // Ask in one browser; see it and upvote it in the other.
    await a.tab.getByRole('textbox', { name: 'Your question' }).fill('Does it survive hostile CSS?');
    await send.click();
    await b.tab.getByText('Does it survive hostile CSS?').waitFor();
    await b.tab.getByRole('button', { name: 'Upvote, 0 votes' }).click();
    await a.tab.getByText('1 vote', { exact: true }).waitFor();

    // Vote in the poll; both see the result.
    await a.tab.getByRole('radio', { name: 'Beta' }).check();
    await a.tab.getByRole('button', { name: 'Vote', exact: true }).click();
    await b.tab.getByText('Beta: 100 %, 1 vote').first().waitFor();

    // React; the other browser's total moves.
    await b.tab.getByRole('button', { name: 'Applause, 0 so far' }).click();
    await a.tab.getByRole('button', { name: 'Applause, 1 so far' }).waitFor();

    for (const visitor of [a, b]) {
      expect(visitor.violations).toEqual([]);
      expect(visitor.foreign).toEqual([]);
    }
    expect(await alice.cookies()).toEqual([]);
    await Promise.all([alice.close(), bob.close()]);
  });

  it('works with the script twice, elements before it and after load, on a German page', async () => {
    const context = await browser.newContext();
    const { tab, violations } = await visit(context, '/twice');
    // The early element upgraded, in German, and talks to the server plenum.js came from.
    await tab.getByRole('button', { name: /^Applaus, bisher \d+$/ }).waitFor();
    // The element a script added after load upgraded too and shows the open poll.
    await tab.getByRole('radio', { name: 'Alpha' }).waitFor();
    expect(await tab.evaluate(() => document.querySelectorAll('plenum-poll').length)).toBe(1);
    expect(violations).toEqual([]);
    await context.close();
  });
});
