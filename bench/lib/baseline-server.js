/**
 * The two baselines Plenum is measured against, as plain `ws` servers speaking just enough of
 * the wire protocol for the same clients:
 *
 * - `naive`: the way one would write it first. Every vote is acknowledged and forwarded to
 *   every client (`{"type":"vote","poll":"p1","choice":N}`, serialised once per vote);
 *   clients tally themselves.
 * - `ceiling`: no room logic at all. A control socket asks for a broadcast of N bytes; the
 *   server frames one message once (ws's `Sender.frame`, public for this) and writes the frame
 *   to every client's socket. This is the physical cost of one fan-out on this machine, the
 *   floor any tick-based server sits on.
 *
 * Usage: node baseline-server.js naive|ceiling [options]   (prints "listening on PORT")
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pollWelcome } from './poll-welcome.js';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
/** @type {typeof import('ws')} */
const { Sender, WebSocketServer } = require('ws');

const mode = process.argv[2];
const options = Number(process.argv[3] ?? 4);
if (mode !== 'naive' && mode !== 'ceiling') {
  console.error('usage: baseline-server.js naive|ceiling [options]');
  process.exit(2);
}

const counts = new Array(options).fill(0);
let votes = 0;
/** @type {Set<import('ws').WebSocket>} */
const members = new Set();
/** Each member's raw socket, which the ceiling writes its frame to. */
/** @type {WeakMap<import('ws').WebSocket, import('node:stream').Duplex>} */
const sockets = new WeakMap();
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false });

const http = createServer((request, response) => {
  const body =
    request.url === '/healthz'
      ? { ok: true }
      : request.url === '/state'
        ? { counts, votes, members: members.size }
        : undefined;
  response.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body ?? { error: 'not found' }));
});

http.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    sockets.set(ws, socket);
    ws.on('error', () => ws.terminate());
    ws.on('close', () => members.delete(ws));
    ws.on('message', (data) => onMessage(ws, String(data)));
  });
});

/**
 * @param {import('ws').WebSocket} ws
 * @param {string} raw
 */
function onMessage(ws, raw) {
  /** @type {any} */
  let message;
  try {
    message = JSON.parse(raw);
  } catch {
    return;
  }
  if (message.type === 'hello') {
    if (!message.control) members.add(ws);
    ws.send(JSON.stringify(pollWelcome({ room: mode, counts, online: members.size })));
  } else if (mode === 'naive' && message.type === 'vote') {
    const choice = Number(message.choice);
    if (!Number.isInteger(choice) || choice < 0 || choice >= options) {
      return ws.send(
        JSON.stringify({ type: 'error', id: message.id, code: 'invalid', message: 'bad choice' }),
      );
    }
    counts[choice]++;
    votes++;
    ws.send(JSON.stringify({ type: 'ack', id: message.id }));
    const forward = JSON.stringify({ type: 'vote', poll: 'p1', choice });
    for (const member of members) member.send(forward);
  } else if (mode === 'ceiling' && message.type === 'broadcast') {
    // Pre-serialised, shaped like a Plenum patch of the requested size.
    const head = `{"type":"patch","seq":${Number(message.seq)},"title":"`;
    // Encoded and framed once, as Plenum does: the ceiling pays nothing per socket but the write.
    const text = Buffer.from(head + 'x'.repeat(Math.max(0, Number(message.bytes) - head.length - 2)) + '"}');
    const frame = Buffer.concat(
      Sender.frame(text, { fin: true, rsv1: false, opcode: 1, mask: false, readOnly: false }),
    );
    const started = performance.now();
    for (const member of members) if (member.readyState === member.OPEN) sockets.get(member)?.write(frame);
    ws.send(JSON.stringify({ type: 'ack', id: message.id, loopMs: performance.now() - started }));
  }
}

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
process.on('SIGTERM', () => {
  for (const member of members) member.terminate();
  http.close();
  process.exit(0);
});
