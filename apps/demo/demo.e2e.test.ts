import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startCli, type Cli } from '@plenum/testing';

let cli: Cli;
let browser: Browser;

beforeAll(async () => {
  [cli, browser] = await Promise.all([startCli(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  expect(await cli?.stop()).toBe(0);
});

describe('the demo event page', () => {
  it('carries a reaction from one browser to another', async () => {
    const [alice, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [pageA, pageB] = await Promise.all([alice.newPage(), bob.newPage()]);
    await Promise.all([pageA.goto(cli.url), pageB.goto(cli.url)]);

    // The page is German; the button's name carries the running total.
    await pageB.getByRole('button', { name: 'Applaus, bisher 0' }).waitFor();
    await pageA.getByRole('button', { name: 'Applaus, bisher 0' }).click();
    await pageB.getByRole('button', { name: 'Applaus, bisher 1' }).waitFor();
    await pageA.getByRole('button', { name: 'Applaus, bisher 1' }).waitFor();

    await Promise.all([alice.close(), bob.close()]);
  });

  it('serves /healthz and the bundle with caching headers', async () => {
    const health = await fetch(`${cli.url}/healthz`);
    expect(health.status).toBe(200);
    const bundle = await fetch(`${cli.url}/plenum.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*');
    const etag = bundle.headers.get('etag')!;
    const again = await fetch(`${cli.url}/plenum.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});
