/**
 * Moves the log's commits off the event loop. better-sqlite3 is synchronous: a commit (the
 * inserts, then the fsync that makes it durable) holds the thread that runs it, and on the
 * event loop that is every room's turn — 48 ms in seven commits for a 2,000-vote burst here
 * (bench/lib/intake.js). A worker thread with its own connection runs the commits instead;
 * the owner posts one batch at a time and answers its appends when the worker says it is on
 * disk, so an ack still follows a durable commit.
 *
 * `wait()` blocks until the batch in flight is decided (Atomics.wait on a shared counter), for
 * the owner's synchronous `flush()`: whatever it commits itself then comes after the batch,
 * in log order.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// An eval'd CommonJS worker: it loads the same way from TypeScript sources and built output.
const source = `
const { parentPort, workerData } = require('node:worker_threads');
const { file, driver, walLimit, shared } = workerData;
const decided = new Int32Array(shared);
let db;
let append;
try {
  db = new (require(driver))(file, { timeout: 5000 });
  db.pragma('synchronous = FULL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('journal_size_limit = ' + walLimit);
  const insert = db.prepare(
    'INSERT INTO log (room, entry) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ?)',
  );
  // Flat: room, entry, room, entry, ...
  append = db.transaction((rows) => {
    for (let i = 0; i < rows.length; i += 2) insert.run(rows[i], rows[i + 1], rows[i]);
  });
} catch {
  process.exit(1); // the owner commits on its own connection instead
}
parentPort.on('message', (message) => {
  if (message.type === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  if (message.type === 'autocheckpoint') {
    db.pragma('wal_autocheckpoint = ' + message.pages);
    return;
  }
  let failure;
  try {
    append(message.rows);
  } catch (error) {
    failure = String(error && error.message || error);
  }
  // Decided: the owner may be blocked in wait() for exactly this.
  Atomics.store(decided, 1, failure === undefined ? 0 : 1);
  Atomics.store(decided, 0, message.seq);
  Atomics.notify(decided, 0);
  parentPort.postMessage({ seq: message.seq, failure });
});
parentPort.postMessage({ ready: true });
`;

export interface Writer {
  /** Commits the rows (room, entry, room, entry, …); `done` gets the outcome under the seq returned. */
  commit(rows: string[]): number;
  /** Blocks until the batch in flight is decided; undefined if there is none or the writer died first. */
  wait(): { ok: boolean } | undefined;
  /** Let SQLite checkpoint inside commits again (the checkpoint worker died). */
  autocheckpoint(pages: number): void;
  stop(): Promise<void>;
}

export interface WriterEvents {
  /** The worker opened its connection: batches may go to it. */
  ready(): void;
  /** The batch in flight is decided (also after `wait()` returned it: then ignore it). */
  done(seq: number, failure: string | undefined): void;
  /** The worker died: batches go to the owner's connection again; the one in flight, if undecided, failed. */
  gone(): void;
}

export function startWriter(file: string, walLimit: number, events: WriterEvents): Writer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const shared = new SharedArrayBuffer(8);
  const decided = new Int32Array(shared);
  const worker = new Worker(source, { eval: true, workerData: { file, driver, walLimit, shared } });
  worker.unref();
  let seq = 0;
  let inFlight = 0;
  let alive = true;
  let stopping = false;
  worker.on('error', () => undefined);
  worker.on('message', (message: { ready?: true; seq?: number; failure?: string }) => {
    if (message.ready) return events.ready();
    if (message.seq === inFlight) {
      inFlight = 0;
      // Idle, it must not hold the process open; a batch in flight does.
      worker.unref();
    }
    events.done(message.seq!, message.failure);
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      alive = false;
      if (!stopping) events.gone();
      resolve();
    }),
  );
  return {
    commit(rows) {
      inFlight = ++seq;
      worker.ref();
      worker.postMessage({ type: 'append', seq, rows });
      return seq;
    },
    wait() {
      if (inFlight === 0) return undefined;
      // The worker notifies on every decision; a dead one never will, so look now and then.
      while (Atomics.load(decided, 0) < inFlight) {
        if (!alive) return undefined;
        Atomics.wait(decided, 0, Atomics.load(decided, 0), 100);
      }
      return { ok: Atomics.load(decided, 1) === 0 };
    },
    autocheckpoint(pages) {
      worker.postMessage({ type: 'autocheckpoint', pages });
    },
    stop() {
      stopping = true;
      if (!alive) return exited;
      worker.ref();
      worker.postMessage({ type: 'stop' });
      return exited;
    },
  };
}
