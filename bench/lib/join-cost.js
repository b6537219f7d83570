#!/usr/bin/env node
/**
 * The cost of one join in a full room: a fresh `plenum serve` on loopback, one room filled
 * with questions through real sockets, then joins one after another, each until its welcome.
 * Prints the welcome's bytes (participant and host) and the server's CPU per join, read from
 * /proc — the numbers a join storm multiplies.
 *
 *   node bench/lib/join-cost.js [--questions 5000] [--joins 200]
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { http, startPlenum } from './harness.js';
import { cpuSeconds, killAll } from './procs.js';
import { fmt, now } from './stats.js';
import { roomSocketPath } from '../../packages/protocol/dist/index.js';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
/** @type {typeof import('ws').WebSocket} */
const WebSocket = require('ws');

const { values } = parseArgs({
  options: { questions: { type: 'string', default: '5000' }, joins: { type: 'string', default: '200' } },
});
const questions = Number(values.questions);
const joins = Number(values.joins);
/** Each asker stays well inside a participant's allowance. */
const perAsker = 10;

/**
 * One socket: says hello, and resolves once the welcome came, with a way to act.
 * @param {string} url
 * @param {object} hello
 */
function open(url, hello) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    /** @type {Map<string, (message: any) => void>} */
    const waiting = new Map();
    const timer = setTimeout(() => reject(new Error('no welcome in 30 s')), 30_000);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', v: 1, ...hello })));
    ws.on('error', reject);
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'welcome') {
        clearTimeout(timer);
        resolve({
          bytes: /** @type {Buffer} */ (data).length,
          questions: message.state.questions.length,
          /** @param {object} action */
          act: (action) =>
            new Promise((done) => {
              const id = `a${waiting.size}-${Math.random()}`;
              waiting.set(id, done);
              ws.send(JSON.stringify({ ...action, id }));
            }),
          close: () => ws.terminate(),
        });
      }
      if ((message.type === 'ack' || message.type === 'error') && waiting.has(message.id)) {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    });
  });
}

const participant = (/** @type {string} */ kind, /** @type {number} */ i) =>
  `${kind}-${String(i).padStart(12, '0')}`;

async function main() {
  const server = await startPlenum({ fds: 4096 });
  try {
    const { room, hostKey } = await http(`${server.url}/api/rooms`, {
      method: 'POST',
      body: { title: 'Join cost' },
    });
    const ws = `${server.ws}${roomSocketPath(room)}`;
    const started = now();
    let asked = 0;
    // Askers in parallel batches; every question also gets a few upvotes so "popular" differs from "recent".
    for (let batch = 0; asked < questions; batch++) {
      const askers = await Promise.all(
        Array.from({ length: Math.min(50, Math.ceil((questions - asked) / perAsker)) }, (_, i) =>
          open(ws, { participant: participant('asker', batch * 50 + i) }),
        ),
      );
      await Promise.all(
        askers.map(async (asker) => {
          for (let k = 0; k < perAsker && asked < questions; k++) {
            asked++;
            const answer = await asker.act({
              type: 'ask',
              text: `Question ${asked}: how does the plan handle case number ${asked} in practice?`,
            });
            if (answer.type !== 'ack') throw new Error(`ask refused: ${answer.code} ${answer.message}`);
            if (asked % 7 === 0) await asker.act({ type: 'upvote', question: answer.result.id });
          }
          asker.close();
        }),
      );
    }
    console.log(`filled ${asked} questions in ${fmt((now() - started) / 1000, 1)} s`);

    const host = await open(ws, { participant: participant('host', 0), hostKey });
    host.close();
    const cpu0 = cpuSeconds(server.child.pid);
    const t0 = now();
    let bytes = 0;
    let shown = 0;
    for (let i = 0; i < joins; i++) {
      const guest = await open(ws, { participant: participant('guest', i) });
      bytes = guest.bytes;
      shown = guest.questions;
      guest.close();
    }
    const cpuMs = ((cpuSeconds(server.child.pid) - cpu0) * 1000) / joins;
    const wallMs = (now() - t0) / joins;
    console.log(
      JSON.stringify({
        questions: asked,
        joins,
        welcomeBytes: bytes,
        welcomeQuestions: shown,
        hostWelcomeBytes: host.bytes,
        hostWelcomeQuestions: host.questions,
        serverCpuMsPerJoin: Math.round(cpuMs * 100) / 100,
        wallMsPerJoin: Math.round(wallMs * 100) / 100,
      }),
    );
  } finally {
    await server.stop();
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
