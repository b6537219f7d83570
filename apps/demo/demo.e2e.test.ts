import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cspViolations, launchBrowser, startCli, type Cli } from '@plenum/testing';

let cli: Cli;
let browser: Browser;

beforeAll(async () => {
  [cli, browser] = await Promise.all([startCli(['--demo']), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  expect(await cli?.stop()).toBe(0);
});

/** A GET as the bytes on the wire (fetch would decode them), with the encodings offered. */
function raw(path: string, acceptEncoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${cli.url}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('the demo event page', () => {
  it('carries a reaction from one browser to another', async () => {
    const [alice, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [pageA, pageB] = await Promise.all([alice.newPage(), bob.newPage()]);
    const refused = [pageA, pageB].map(cspViolations);
    await Promise.all([pageA.goto(cli.url), pageB.goto(cli.url)]);

    // The page is German; the button's name carries the running total.
    await pageB.getByRole('button', { name: 'Applaus, bisher 0' }).waitFor();
    await pageA.getByRole('button', { name: 'Applaus, bisher 0' }).click();
    await pageB.getByRole('button', { name: 'Applaus, bisher 1' }).waitFor();
    await pageA.getByRole('button', { name: 'Applaus, bisher 1' }).waitFor();
    // The page and its widgets run under the server's Content-Security-Policy.
    expect(refused.flat()).toEqual([]);

    await Promise.all([alice.close(), bob.close()]);
  });

  it('still works when --origins lists only other sites: its own origin is always allowed', async () => {
    const locked = await startCli(['--demo', '--origins', 'https://event.example']);
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const refused = cspViolations(page);
      await page.goto(locked.url);
      await page.getByRole('button', { name: 'Applaus, bisher 0' }).click();
      await page.getByRole('button', { name: 'Applaus, bisher 1' }).waitFor();
      expect(refused).toEqual([]);
      await context.close();
    } finally {
      expect(await locked.stop()).toBe(0);
    }
  });

  it('serves /healthz and the bundle compressed, cacheable and loadable from other origins', async () => {
    const health = await fetch(`${cli.url}/healthz`);
    expect(health.status).toBe(200);
    const plain = await raw('/plenum.js', '');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.headers['access-control-allow-origin']).toBe('*');
    expect(plain.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The same bytes, brotli for browsers that take it, else gzip; caches keep them apart.
    const br = await raw('/plenum.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gzip = await raw('/plenum.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);

    const etag = plain.headers.etag!;
    const again = await fetch(`${cli.url}/plenum.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});
