/**
 * Moves SQLite's WAL checkpoints off the event loop. By default a checkpoint (copy the
 * write-ahead log into the database, fsync it) runs inside whichever commit crosses the WAL
 * size limit, and blocks the room for as long as it takes (over a second under load).
 * Here a worker thread with its own connection checkpoints every second instead; WAL
 * checkpoints never block writers, so commits go on meanwhile.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// An eval'd CommonJS worker: it loads the same way from TypeScript sources and built output.
const source = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  db = new (require(workerData.driver))(workerData.file);
  db.pragma('busy_timeout = 5000');
} catch {
  process.exit(1); // the owner falls back to SQLite's own checkpoints
}
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next round catches up */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts the worker; `onFailure` runs if it dies (checkpoints are then the owner's again). */
export function startCheckpointer(file: string, onFailure: () => void, everyMs = 1000): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(source, { eval: true, workerData: { file, driver, everyMs } });
  worker.unref();
  let stopping = false;
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      if (!stopping && code !== 0) onFailure();
      resolve();
    }),
  );
  return {
    stop() {
      stopping = true;
      // Unref'd while it runs so it never holds a process open; ref'd now so the process
      // waits for it rather than exiting with this promise unsettled.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
