#!/usr/bin/env node
/**
 * Whether SQLite's write-ahead log stays bounded under sustained writes: a fresh
 * `plenum serve` on loopback, a few clients asking and upvoting as in the question storm
 * (the write rate matters, not the client count), and the size of `plenum.db-wal` sampled
 * while it runs. Bounded: it stops after `--minutes`.
 *
 *   nice -n 10 node bench/lib/wal-growth.js [--minutes 10] [--clients 20] [--rate 10]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { http, startPlenum } from './harness.js';
import { killAll } from './procs.js';
import { fmt, mb, now } from './stats.js';
import { roomSocketPath } from '../../packages/protocol/dist/index.js';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
/** @type {typeof import('ws').WebSocket} */
const WebSocket = require('ws');

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '20' },
    /** Actions per client per second (a participant's allowance is 20). */
    rate: { type: 'string', default: '10' },
    'sample-seconds': { type: 'string', default: '30' },
  },
});
const durationMs = Number(values.minutes) * 60_000;
const clients = Number(values.clients);
const rate = Number(values.rate);
const sampleMs = Number(values['sample-seconds']) * 1000;

const size = (/** @type {string} */ file) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * One participant: asks now and then, otherwise toggles upvotes on questions it has seen.
 * @param {string} url
 * @param {number} i
 * @param {{ questions: string[], acked: number, refused: number }} shared
 */
function participant(url, i, shared) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  let n = 0;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  ws.on('open', () =>
    ws.send(JSON.stringify({ type: 'hello', v: 1, participant: `wal-${String(i).padStart(12, '0')}` })),
  );
  ws.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'welcome') {
      timer = setInterval(() => {
        const ask = n % 10 === 0 || shared.questions.length === 0;
        const question = shared.questions[Math.floor(Math.random() * shared.questions.length)];
        const action = ask
          ? { type: 'ask', text: `Storm question ${i}-${n}: what happens to the log over time?` }
          : { type: 'upvote', question };
        ws.send(JSON.stringify({ ...action, id: `w${i}-${++n}` }));
      }, 1000 / rate);
    } else if (message.type === 'ack') {
      shared.acked++;
      if (message.result?.id) shared.questions.push(message.result.id);
    } else if (message.type === 'error') {
      shared.refused++;
    }
  });
  ws.on('error', () => undefined);
  return () => {
    clearInterval(timer);
    ws.terminate();
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-wal-'));
  const wal = join(dataDir, 'plenum.db-wal');
  const server = await startPlenum({ fds: 4096, dataDir });
  const stops = [];
  try {
    const { room } = await http(`${server.url}/api/rooms`, { method: 'POST', body: { title: 'WAL' } });
    const shared = { questions: [], acked: 0, refused: 0 };
    for (let i = 0; i < clients; i++)
      stops.push(participant(`${server.ws}${roomSocketPath(room)}`, i, shared));
    const t0 = now();
    let peak = 0;
    console.log('minute  wal MB  peak MB  db MB  writes  refused');
    while (now() - t0 < durationMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(sampleMs, durationMs - (now() - t0))));
      const current = size(wal);
      peak = Math.max(peak, current);
      console.log(
        [
          fmt((now() - t0) / 60_000, 1).padStart(6),
          fmt(mb(current), 2).padStart(7),
          fmt(mb(peak), 2).padStart(8),
          fmt(mb(size(join(dataDir, 'plenum.db'))), 2).padStart(6),
          String(shared.acked).padStart(7),
          String(shared.refused).padStart(8),
        ].join(' '),
      );
    }
  } finally {
    for (const stop of stops) stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  },
);
