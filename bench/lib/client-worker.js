/**
 * A load worker: holds a slice of the benchmark's clients (real WebSockets speaking the real
 * wire protocol), sends what the coordinator schedules, and counts what every client
 * receives. Run by the coordinator with an IPC channel; it exits when the coordinator goes.
 *
 * Staying cheap is part of the job (the worker shares the machine with the server):
 * - a patch is recognised by its first bytes; the same broadcast bytes are parsed once per
 *   worker (keyed by server node and seq, checked byte for byte), not once per socket;
 * - views are advanced with the protocol's pure `applyPatch`, memoised on (view, patch):
 *   since `applyPatch` is pure, clients holding the same view object share the result, which
 *   is exactly what each would have computed alone;
 * - per-client "when did I first hold the final state" is the time of the last message that
 *   changed that part of the view, checked against the server's state at the end.
 */
import { createRequire } from 'node:module';
import { applyMine, applyPatch } from '../../packages/protocol/dist/index.js';
import { canon } from './canon.js';
import { now } from './clock.js';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
/** @type {typeof import('ws').WebSocket} */
const WebSocket = require('ws');

/**
 * @typedef {import('../../packages/protocol/dist/index.js').RoomView} RoomView
 * @typedef {import('../../packages/protocol/dist/index.js').MineView} MineView
 * @typedef {import('./canon.js').Aspect} Aspect
 * @typedef {{ msg: any, buf: Buffer, next: WeakMap<object, RoomView> }} PatchEntry
 * @typedef {object} Client
 * @property {number} index      global index across all workers
 * @property {number} node       which server it is connected to (cluster runs: index into the urls)
 * @property {string} participant
 * @property {import('ws').WebSocket} ws
 * @property {boolean} open
 * @property {RoomView | undefined} view
 * @property {MineView | undefined} mine
 * @property {number} seq
 * @property {Map<string, number>} pending  action id -> send time
 * @property {number} msgs
 * @property {number} bytes
 * @property {number} patches
 * @property {number} sec
 * @property {number} secCount
 * @property {number} maxPerSec
 * @property {number} secPatches
 * @property {number} maxPatchesPerSec
 * @property {Record<Aspect, number>} changedAt
 * @property {number} seq0       seq at the start of the window
 * @property {number} nextAction
 */

/** @type {Client[]} */
let clients = [];
/** Per server node (each numbers its own patches): seq -> the parsed broadcast. */
/** @type {Map<number, { entries: Map<number, PatchEntry>, maxSeen: number }>} */
const patchCaches = new Map();
let windowStart = now();
const counters = { gaps: 0, stale: 0, welcomes: 0, divergent: 0, closed: 0, unknown: 0, mine: 0 };
/** @type {Record<string, number>} */
let errorCodes = {};
/** @type {number[]} */
let ackLatencies = [];
let acked = 0;
let sent = 0;
let firstSend = Infinity;
let lastSend = 0;
let lastAck = 0;
/** @type {Map<number, { times: number[], bytes: number }> | undefined} */
let probe;
/** @type {(() => void) | undefined} */
let onAllAcked;
/** Answers that were errors (they settle an action as much as an ack does). */
let errorTotal = 0;

const send = (/** @type {object} */ message) => process.send?.(message);

process.on('disconnect', () => process.exit(0));
process.on('message', (/** @type {any} */ message) => {
  handle(message).then(
    (answer) => send({ ...answer, ref: message.ref }),
    (error) => send({ ref: message.ref, error: String(error?.stack ?? error) }),
  );
});

/** @param {any} m */
async function handle(m) {
  switch (m.cmd) {
    case 'connect':
      return connect(m);
    case 'wait-quiz':
      return waitQuestion(m.quiz, m.timeoutMs);
    case 'wait-open':
      return waitOpenPoll(m.poll, m.timeoutMs);
    case 'intern':
      return intern();
    case 'reset':
      return reset();
    case 'run':
      return run(m);
    case 'settle':
      return settle(m);
    case 'report':
      return report(m);
    case 'probe-start':
      probe = new Map();
      return {};
    case 'probe-stop':
      return probeStop();
    case 'close':
      for (const client of clients) client.ws.terminate();
      setTimeout(() => process.exit(0), 50);
      return { closed: clients.length };
    default:
      throw new Error(`unknown command ${m.cmd}`);
  }
}

// ------------------------------------------------------------------ connecting

/**
 * Opens `count` sockets, at most `concurrency` handshakes at a time; each says hello and
 * waits for its welcome.
 * With `urls` (a cluster run), client i connects to urls[i mod n]: round robin over the nodes.
 * @param {{ url: string, urls?: string[], first: number, count: number, prefix: string, concurrency: number, timeoutMs: number }} m
 */
async function connect(m) {
  const urls = m.urls ?? [m.url];
  const started = now();
  let failed = 0;
  /** @type {Record<string, number>} */
  const reasons = {};
  let next = 0;
  const deadline = started + m.timeoutMs;
  const one = async () => {
    while (next < m.count && now() < deadline) {
      const i = next++;
      try {
        const index = m.first + i;
        const node = index % urls.length;
        clients.push(await open(urls[node], node, index, `${m.prefix}-${String(index).padStart(7, '0')}`));
      } catch (error) {
        failed++;
        const reason = String(/** @type {Error} */ (error).message).slice(0, 60);
        reasons[reason] = (reasons[reason] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: m.concurrency }, one));
  clients.sort((a, b) => a.index - b.index);
  return { connected: clients.length, failed: failed + (m.count - next), reasons, ms: now() - started };
}

/**
 * @param {string} url
 * @param {number} node
 * @param {number} index
 * @param {string} participant
 * @returns {Promise<Client>}
 */
function open(url, node, index, participant) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 20_000 });
    /** @type {Client} */
    const client = {
      index,
      node,
      participant,
      ws,
      open: false,
      view: undefined,
      mine: undefined,
      seq: 0,
      pending: new Map(),
      msgs: 0,
      bytes: 0,
      patches: 0,
      sec: -1,
      secCount: 0,
      maxPerSec: 0,
      secPatches: 0,
      maxPatchesPerSec: 0,
      changedAt: { poll: 0, questions: 0, reactions: 0, quiz: 0, leaderboard: 0 },
      seq0: 0,
      nextAction: 0,
    };
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('no welcome within 30 s'));
    }, 30_000);
    ws.on('open', () => {
      client.open = true;
      ws.send(JSON.stringify({ type: 'hello', v: 1, participant }));
    });
    let welcomed = false;
    ws.on('message', (data, isBinary) => {
      onMessage(client, /** @type {Buffer} */ (data), isBinary);
      if (!welcomed && client.view) {
        welcomed = true;
        clearTimeout(timer);
        resolve(client);
      }
    });
    ws.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    ws.on('close', () => {
      if (client.open) counters.closed++;
      client.open = false;
      clearTimeout(timer);
      reject(new Error('closed before welcome'));
    });
  });
}

// ------------------------------------------------------------------ receiving

const typeOffset = 9; // after {"type":"
const seqOffset = '{"type":"patch","seq":'.length;

/**
 * @param {Client} client
 * @param {Buffer} data
 * @param {boolean} isBinary
 */
function onMessage(client, data, isBinary) {
  const t = now();
  client.msgs++;
  client.bytes += data.length;
  const sec = Math.floor((t - windowStart) / 1000);
  if (sec !== client.sec) {
    client.sec = sec;
    client.secCount = 0;
    client.secPatches = 0;
  }
  if (++client.secCount > client.maxPerSec) client.maxPerSec = client.secCount;
  if (isBinary || data[0] !== 0x7b || data[2] !== 0x74) return void counters.unknown++;
  const kind = data[typeOffset];
  if (kind === 0x70 /* p */ && data[typeOffset + 1] === 0x61 /* a */) {
    client.patches++;
    if (++client.secPatches > client.maxPatchesPerSec) client.maxPatchesPerSec = client.secPatches;
    return onPatch(client, data, t);
  }
  if (kind === 0x76 /* v: a forwarded vote from the naive baseline */) return onNaiveVote(client, data, t);
  if (kind === 0x74 /* t: a tally from a PartyKit peer room */) return onTally(client, data, t);
  /** @type {any} */
  const message = JSON.parse(data.toString());
  switch (message.type) {
    case 'welcome':
      counters.welcomes++;
      client.view = message.state;
      client.mine = message.mine;
      client.seq = message.seq;
      client.changedAt = { poll: t, questions: t, reactions: t, quiz: t, leaderboard: t };
      return;
    case 'ack':
    case 'error': {
      if (message.type === 'error') errorCodes[message.code] = (errorCodes[message.code] ?? 0) + 1;
      const at = message.id === undefined ? undefined : client.pending.get(message.id);
      if (at === undefined) return;
      client.pending.delete(message.id);
      if (message.type === 'ack') {
        acked++;
        ackLatencies.push(t - at);
        if (t > lastAck) lastAck = t;
      } else {
        errorTotal++;
      }
      if (acked + errorTotal >= sent && onAllAcked) onAllAcked();
      return;
    }
    case 'mine':
      counters.mine++;
      if (client.mine) client.mine = applyMine(client.mine, message);
      // Only a personal message with questions changes the view; skipping the others keeps
      // the view object (and its shared memo) and is exactly what applyPatch would return.
      if (client.view && (message.questions?.length || message.removedQuestions?.length)) {
        client.view = applyPatch(client.view, message);
        client.changedAt.questions = t;
      }
      return;
    default:
      counters.unknown++;
  }
}

/**
 * @param {Client} client
 * @param {Buffer} data
 * @param {number} t
 */
function onPatch(client, data, t) {
  let seq = 0;
  for (let i = seqOffset; i < seqOffset + 12; i++) {
    const c = /** @type {number} */ (data[i]);
    if (c < 0x30 || c > 0x39) break;
    seq = seq * 10 + (c - 0x30);
  }
  let cache = patchCaches.get(client.node);
  if (!cache) patchCaches.set(client.node, (cache = { entries: new Map(), maxSeen: 0 }));
  const patchCache = cache.entries;
  let entry = patchCache.get(seq);
  if (!entry) {
    entry = { msg: JSON.parse(data.toString()), buf: data, next: new WeakMap() };
    patchCache.set(seq, entry);
    if (seq > cache.maxSeen) {
      cache.maxSeen = seq;
      if (patchCache.size > 400)
        for (const key of patchCache.keys()) if (key < seq - 200) patchCache.delete(key);
    }
  } else if (entry.buf.length !== data.length || !entry.buf.equals(data)) {
    counters.divergent++;
    entry = { msg: JSON.parse(data.toString()), buf: data, next: new WeakMap() };
  }
  if (probe) {
    let slot = probe.get(seq);
    if (!slot) probe.set(seq, (slot = { times: [], bytes: data.length }));
    slot.times.push(t);
  }
  if (seq !== client.seq + 1) {
    if (seq <= client.seq) return void counters.stale++;
    counters.gaps++;
  }
  client.seq = seq;
  const view = client.view;
  if (!view) return;
  let next = entry.next.get(view);
  if (!next) entry.next.set(view, (next = applyPatch(view, entry.msg)));
  client.view = next;
  const msg = entry.msg;
  if (msg.polls || msg.removedPolls) client.changedAt.poll = t;
  if (msg.questions || msg.removedQuestions) client.changedAt.questions = t;
  if (msg.reactions) client.changedAt.reactions = t;
  if (msg.quizzes || msg.removedQuizzes) client.changedAt.quiz = client.changedAt.leaderboard = t;
}

/**
 * The naive baseline forwards every vote: `{"type":"vote","poll":"p1","choice":N}`; the
 * client tallies them itself.
 * @param {Client} client
 * @param {Buffer} data
 * @param {number} t
 */
function onNaiveVote(client, data, t) {
  let i = data.length - 2;
  let choice = 0;
  let scale = 1;
  while (i > 0 && data[i] !== 0x3a /* : */) {
    choice += /** @type {number} */ (data[i] - 0x30) * scale;
    scale *= 10;
    i--;
  }
  const results = client.view?.polls[0]?.results;
  if (results && 'counts' in results) results.counts[choice] = (results.counts[choice] ?? 0) + 1;
  client.changedAt.poll = t;
}

/** @type {{ buf: Buffer, counts: number[] } | undefined} */
let lastTally;
/**
 * A PartyKit peer room broadcasts the whole tally, `{"type":"tally","counts":[…]}`: parsed
 * once per worker (every client gets the same bytes) and taken as the client's poll counts.
 * @param {Client} client
 * @param {Buffer} data
 * @param {number} t
 */
function onTally(client, data, t) {
  if (!lastTally || !lastTally.buf.equals(data))
    lastTally = { buf: data, counts: JSON.parse(data.toString()).counts };
  const results = client.view?.polls[0]?.results;
  if (results && 'counts' in results) results.counts = lastTally.counts;
  client.patches++;
  client.changedAt.poll = t;
}

// ------------------------------------------------------------------ phases

/**
 * Waits until every client sees `poll` open.
 * @param {string} poll
 * @param {number} timeoutMs
 */
async function waitOpenPoll(poll, timeoutMs) {
  const deadline = now() + timeoutMs;
  const isOpen = (/** @type {Client} */ c) => c.view?.polls.some((p) => p.id === poll && p.status === 'open');
  while (now() < deadline && !clients.every(isOpen)) await sleep(20);
  return { ready: clients.filter(isOpen).length, total: clients.length };
}

/**
 * Waits until every client sees a question of `quiz` taking answers.
 * @param {string} quiz
 * @param {number} timeoutMs
 */
async function waitQuestion(quiz, timeoutMs) {
  const deadline = now() + timeoutMs;
  const ready = (/** @type {Client} */ c) =>
    c.view?.quizzes?.some((q) => q.id === quiz && q.phase === 'question');
  while (now() < deadline && !clients.every(ready)) await sleep(20);
  return { ready: clients.filter(ready).length, total: clients.length };
}

/** Clients whose views are equal share one view object from here on (see the top). */
function intern() {
  /** @type {Map<string, RoomView>} */
  const groups = new Map();
  for (const client of clients) {
    if (!client.view) continue;
    const key = JSON.stringify(client.view);
    const shared = groups.get(key);
    if (shared) client.view = shared;
    else groups.set(key, client.view);
  }
  return { groups: groups.size };
}

/** Starts a measurement window: per-client counts from zero. */
function reset() {
  windowStart = now();
  for (const client of clients) {
    client.msgs = client.bytes = client.patches = 0;
    client.sec = -1;
    client.secCount = client.maxPerSec = client.secPatches = client.maxPatchesPerSec = 0;
    client.seq0 = client.seq;
  }
  for (const key of Object.keys(counters)) counters[/** @type {keyof typeof counters} */ (key)] = 0;
  errorCodes = {};
  errorTotal = 0;
  ackLatencies = [];
  acked = sent = 0;
  firstSend = Infinity;
  lastSend = 0;
  lastAck = 0;
  return { clients: clients.length, at: windowStart };
}

/**
 * A seeded PRNG (mulberry32): the same plan sends the same actions every run.
 * @param {number} seed
 */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs one scheduled load: every action is sent at its planned time (one timer chain that
 * ends when the plan does), then waits for the answers (bounded by `m.timeoutMs`).
 * @param {any} m
 */
async function run(m) {
  const plan = m.plan;
  const total = plan.total; // clients across all workers
  const rand = random(plan.seed ?? 1);
  /** @type {{ t: number, client: Client, make: (c: Client) => object | undefined, tries?: number }[]} */
  const schedule = [];
  if (plan.kind === 'vote') {
    for (const client of clients) {
      schedule.push({
        t: plan.t0 + (plan.spreadMs * client.index) / total,
        client,
        make: () => ({ type: 'vote', poll: plan.poll, choice: client.index % plan.options }),
      });
    }
  } else if (plan.kind === 'quiz') {
    // Everyone answers the current question once, spread over the window; choice = index mod options.
    for (const client of clients) {
      schedule.push({
        t: plan.t0 + (plan.spreadMs * client.index) / total,
        client,
        make: () => ({
          type: 'quiz-answer',
          quiz: plan.quiz,
          question: plan.question,
          choice: client.index % plan.options,
        }),
      });
    }
  } else if (plan.kind === 'storm') {
    // This worker's share of the asks and upvotes, by global index, spread over the window.
    const n = clients.length;
    for (let k = 0; k < plan.asks; k++) {
      const client = /** @type {Client} */ (clients[Math.floor((k * n) / plan.asks)]);
      schedule.push({
        t: plan.t0 + (plan.askWindowMs * k) / plan.asks + rand() * 20,
        client,
        make: () => ({
          type: 'ask',
          text: `Question ${client.index}: how will this hold up with a whole auditorium asking at once?`,
        }),
      });
    }
    for (let k = 0; k < plan.upvotes; k++) {
      const client = /** @type {Client} */ (clients[Math.floor(rand() * n)]);
      schedule.push({
        t: plan.t0 + plan.upvoteStartMs + ((plan.durationMs - plan.upvoteStartMs) * k) / plan.upvotes,
        client,
        make: (c) => {
          const live = c.view?.questions.filter((q) => q.status === 'live') ?? [];
          if (live.length === 0) return undefined;
          return { type: 'upvote', question: live[Math.floor(rand() * live.length)]?.id };
        },
      });
    }
  } else if (plan.kind === 'applause' && clients.length > 0) {
    // Event e goes to global client e % total at t0 + e / rate: evenly spread over people and time.
    const byIndex = new Map(clients.map((c) => [c.index, c]));
    for (let e = 0; e < plan.events; e++) {
      const client = byIndex.get(e % total);
      if (!client) continue;
      schedule.push({
        t: plan.t0 + (e * 1000) / plan.perSecond,
        client,
        make: () => ({ type: 'react', emoji: plan.emojis[e % plan.emojis.length] }),
      });
    }
  }
  schedule.sort((a, b) => a.t - b.t);

  const deadline = plan.t0 + (plan.durationMs ?? plan.spreadMs ?? 0) + m.timeoutMs;
  let skipped = 0;
  await new Promise((resolve) => {
    let i = 0;
    const pump = () => {
      const t = now();
      while (i < schedule.length && schedule[i].t <= t) {
        const item = schedule[i++];
        const client = item.client;
        if (!client.open) {
          skipped++;
          continue;
        }
        const action = item.make(client);
        if (!action) {
          // Nothing to upvote yet: try again a little later (bounded).
          if ((item.tries = (item.tries ?? 0) + 1) <= 50) insertSorted(schedule, i, { ...item, t: t + 100 });
          else skipped++;
          continue;
        }
        const id = `a${++client.nextAction}`;
        client.pending.set(id, t);
        if (t < firstSend) firstSend = t;
        lastSend = t;
        sent++;
        client.ws.send(JSON.stringify({ ...action, id }));
      }
      if (i >= schedule.length || t > deadline) return resolve(undefined);
      const wait = Math.max(0, Math.min(10, (schedule[i]?.t ?? t) - now()));
      setTimeout(pump, wait);
    };
    setTimeout(pump, Math.max(0, plan.t0 - now()));
  });
  const planned = schedule.length;
  // The peer rooms acknowledge nothing: sending is all there is.
  if (plan.noAcks) lastAck = lastSend;
  // All answers in, or the deadline.
  await new Promise((resolve) => {
    const done = () => {
      clearInterval(poll);
      onAllAcked = undefined;
      resolve(undefined);
    };
    onAllAcked = done;
    const poll = setInterval(() => {
      if (acked + errorTotal >= sent || now() > deadline) done();
    }, 20);
    if (acked + errorTotal >= sent || plan.noAcks) done();
  });
  return {
    planned,
    sent,
    skipped,
    acked,
    errors: errorCodes,
    firstSend,
    lastSend,
    lastAck,
    ackLatencies,
    counters,
  };
}

/**
 * Waits until every client holds the expected state of one aspect (or the timeout).
 * @param {{ aspect: Aspect, expected: string, poll?: string, timeoutMs: number }} m
 */
async function settle(m) {
  const deadline = now() + m.timeoutMs;
  let held = 0;
  while (true) {
    held = clients.filter((c) => holds(c, m)).length;
    if (held === clients.length || now() > deadline) break;
    await sleep(25);
  }
  return { held, total: clients.length };
}

/** @type {WeakMap<object, Map<string, boolean>>} */
const holdsMemo = new WeakMap();
/**
 * @param {Client} client
 * @param {{ aspect: Aspect, expected: string, poll?: string, naive?: boolean }} m
 */
function holds(client, m) {
  const view = client.view;
  if (!view || !client.open) return false;
  // Naive clients tally in place, so their views are not immutable: no memo.
  if (m.naive) return canon(view, m.aspect, m.poll) === m.expected;
  let memo = holdsMemo.get(view);
  if (!memo) holdsMemo.set(view, (memo = new Map()));
  const key = m.aspect + m.expected;
  let result = memo.get(key);
  if (result === undefined) memo.set(key, (result = canon(view, m.aspect, m.poll) === m.expected));
  return result;
}

/**
 * Per-client figures of the window, and for those holding the expected state, how long
 * after the last ack (and after the last action was sent) they first held it.
 * @param {{ aspect: Aspect, expected: string, poll?: string, lastAck: number, lastSend: number, naive?: boolean }} m
 */
function report(m) {
  const seconds = (now() - windowStart) / 1000;
  /** @type {number[]} */
  const finalMs = [];
  /** @type {number[]} */
  const fromSendMs = [];
  let held = 0;
  for (const client of clients) {
    if (holds(client, m)) {
      held++;
      // A client that already held it when the last ack came (its patch overtook the ack) counts 0.
      finalMs.push(Math.max(0, client.changedAt[m.aspect] - m.lastAck));
      fromSendMs.push(client.changedAt[m.aspect] - m.lastSend);
    }
  }
  return {
    seconds,
    clients: clients.length,
    open: clients.filter((c) => c.open).length,
    held,
    finalMs,
    fromSendMs,
    msgs: clients.map((c) => c.msgs),
    bytes: clients.map((c) => c.bytes),
    patches: clients.map((c) => c.patches),
    maxPerSec: clients.map((c) => c.maxPerSec),
    maxPatchesPerSec: clients.map((c) => c.maxPatchesPerSec),
    counters,
    errors: errorCodes,
  };
}

function probeStop() {
  /** @type {Record<number, { n: number, min: number, max: number, p50: number, bytes: number }>} */
  const bySeq = {};
  for (const [seq, slot] of probe ?? []) {
    const times = slot.times.sort((a, b) => a - b);
    bySeq[seq] = {
      n: times.length,
      min: times[0] ?? 0,
      max: times[times.length - 1] ?? 0,
      p50: times[Math.floor(times.length / 2)] ?? 0,
      bytes: slot.bytes,
    };
  }
  probe = undefined;
  return { bySeq };
}

/**
 * Inserts `item` into `list` (sorted by t) at or after `from`.
 * @template {{ t: number }} T
 * @param {T[]} list
 * @param {number} from
 * @param {T} item
 */
function insertSorted(list, from, item) {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (/** @type {T} */ (list[mid]).t <= item.t) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
