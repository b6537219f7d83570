import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, fsyncSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { privateDatabaseFile } from './data-dir.js';
import type { LogEntry, RoomMeta, Storage } from './storage.js';

/**
 * Appends committed together, and the one promise they all get: a burst of 10,000 votes
 * makes a few of these, not 10,000 promises with their resolvers.
 */
interface Batch {
  /** Flat: room, entry, room, entry, … */
  rows: string[];
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { rows: [], done, resolve, reject };
}

/**
 * What the write-ahead log is cut back to once a checkpoint has copied it into the database:
 * without it the file keeps the size of its largest burst for ever (a room flood made 114 MB).
 */
export const walLimitBytes = 16 * 1024 * 1024;

/**
 * One SQLite file under the data directory, in WAL mode. Appends are grouped: the first one
 * starts a short timer, and everything that arrives until it fires is committed in one
 * transaction — so 1,000 votes cost a handful of fsyncs, not 1,000.
 *
 * A commit's fsync does not block the event loop: the transaction is written with SQLite's
 * own sync off (into the page cache, microseconds), then the write-ahead log is fdatasync'd on
 * libuv's thread pool, and the batch's promise resolves only once that returned — so an
 * append still resolves only when its entry is on disk, power loss included. One fdatasync
 * at a time: batches committed meanwhile wait for the next, which covers them all. Everything
 * else this connection writes (rooms, passcodes, erasures, checkpoints) keeps synchronous =
 * FULL and is on disk when its call returns. (A worker thread for the commits was measured
 * before and dropped: acks waited for a core, and under another process's fsyncs the loop
 * stalled for seconds; here the loop never waits for the disk.)
 */
export class SqliteStorage implements Storage {
  readonly #db: Database.Database;
  /** What arrived since the last batch went out. */
  #pending: Batch | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #statements;
  readonly #commit: (rows: string[]) => void;
  readonly #checkpointer: Checkpointer;
  readonly #file: string;
  /** The write-ahead log, opened for its fdatasync once SQLite has made it. */
  #walFd: number | undefined;
  /** Committed batches waiting for the next fdatasync, and whether one is under way. */
  #unsynced: Batch[] = [];
  #syncing = false;
  /** The last committed batch's promise: settled, everything committed before is durable. */
  #lastCommitted: Promise<void> | undefined;
  /** Called once nothing committed waits for its fdatasync (see close). */
  #onSynced: (() => void) | undefined;
  /**
   * The metadata of every room read or written since the start: each connection asks whether
   * its room exists, and 2,000 joins made 2,000 queries. This process is the database's only
   * writer, so the copy stays true; frozen, since every caller shares it.
   */
  readonly #metas = new Map<string, Readonly<RoomMeta>>();
  readonly secret: Buffer;

  constructor(
    dataDir: string,
    readonly commitDelayMs = 2,
    walLimit = walLimitBytes,
  ) {
    const file = privateDatabaseFile(dataDir);
    this.#file = file;
    this.secret = loadSecret(join(dataDir, 'secret'));
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    // Acknowledged means on disk, power loss included: every write here is fsynced before its
    // call returns, except the appends' commits, whose fsync is the thread pool's (see #sync).
    this.#db.pragma('synchronous = FULL');
    // Checkpoints run in a worker (checkpointer.ts), never inside a room's commit.
    this.#db.pragma('wal_autocheckpoint = 0');
    // The writer that restarts a fully checkpointed WAL truncates the file to this size.
    this.#db.pragma(`journal_size_limit = ${Math.floor(walLimit)}`);
    this.#checkpointer = startCheckpointer(file, () => {
      if (this.#db.open) this.#db.pragma('wal_autocheckpoint = 1000');
    });
    // Erased rooms are overwritten on disk, not just unlinked from the b-tree.
    this.#db.pragma('secure_delete = ON');
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (id TEXT PRIMARY KEY, meta TEXT NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS log (
        n INTEGER PRIMARY KEY, room TEXT NOT NULL, entry TEXT NOT NULL) STRICT;
      CREATE INDEX IF NOT EXISTS log_room ON log (room, n);
      CREATE TABLE IF NOT EXISTS tombstones (tag TEXT PRIMARY KEY, until INTEGER) STRICT;
    `);
    this.#statements = {
      insertRoom: this.#db.prepare('INSERT INTO rooms (id, meta) VALUES (?, ?)'),
      getRoom: this.#db.prepare<[string], { meta: string }>('SELECT meta FROM rooms WHERE id = ?'),
      updateRoom: this.#db.prepare('UPDATE rooms SET meta = ? WHERE id = ?'),
      roomCount: this.#db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM rooms'),
      addTombstone: this.#db.prepare('INSERT OR REPLACE INTO tombstones (tag, until) VALUES (?, ?)'),
      hasTombstone: this.#db.prepare<[string, number], { tag: string }>(
        'SELECT tag FROM tombstones WHERE tag = ? AND (until IS NULL OR until > ?)',
      ),
      removeTombstone: this.#db.prepare('DELETE FROM tombstones WHERE tag = ?'),
      pruneTombstones: this.#db.prepare('DELETE FROM tombstones WHERE until <= ?'),
      deleteRoom: this.#db.prepare('DELETE FROM rooms WHERE id = ?'),
      // The last entry by the (room, n) index: one short lookup per room, not a log scan.
      rooms: this.#db.prepare<[{ id: string | null }], { id: string; lastActiveAt: number }>(`
        SELECT id, COALESCE(
          (SELECT entry ->> '$.at' FROM log WHERE log.room = rooms.id ORDER BY n DESC LIMIT 1),
          meta ->> '$.createdAt') AS lastActiveAt
        FROM rooms WHERE @id IS NULL OR id = @id`),
      deleteLog: this.#db.prepare('DELETE FROM log WHERE room = ?'),
      // An entry for a room erased meanwhile (a late leave, an action in flight) is dropped.
      append: this.#db.prepare(
        'INSERT INTO log (room, entry) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ?)',
      ),
      // Plucked: each row comes back as its text alone, not as an object wrapping it.
      load: this.#db.prepare<[string], string>('SELECT entry FROM log WHERE room = ? ORDER BY n').pluck(),
    };
    const transaction = this.#db.transaction((rows: string[]) => {
      for (let i = 0; i < rows.length; i += 2) this.#statements.append.run(rows[i], rows[i + 1], rows[i]);
    });
    const syncOff = this.#db.prepare('PRAGMA synchronous = OFF');
    const syncFull = this.#db.prepare('PRAGMA synchronous = FULL');
    this.#commit = (rows) => {
      syncOff.run();
      try {
        transaction(rows);
      } finally {
        syncFull.run();
      }
    };
  }

  createRoom(meta: RoomMeta): void {
    const text = JSON.stringify(meta);
    this.#statements.insertRoom.run(meta.id, text);
    this.#metas.set(meta.id, Object.freeze(JSON.parse(text) as RoomMeta));
  }

  getRoom(id: string): RoomMeta | undefined {
    const known = this.#metas.get(id);
    if (known) return known;
    // Unknown ids are not remembered: anyone can ask for any number of them.
    const row = this.#statements.getRoom.get(id);
    if (!row) return undefined;
    const meta = Object.freeze(JSON.parse(row.meta) as RoomMeta);
    this.#metas.set(id, meta);
    return meta;
  }

  updateRoom(meta: RoomMeta): void {
    const text = JSON.stringify(meta);
    if (this.#statements.updateRoom.run(text, meta.id).changes > 0)
      this.#metas.set(meta.id, Object.freeze(JSON.parse(text) as RoomMeta));
    else this.#metas.delete(meta.id);
  }

  roomCount(): number {
    return this.#statements.roomCount.get()!.n;
  }

  addTombstone(tag: string, until: number | null): void {
    this.#statements.addTombstone.run(tag, until);
  }

  hasTombstone(tag: string, now: number): boolean {
    return this.#statements.hasTombstone.get(tag, now) !== undefined;
  }

  removeTombstone(tag: string): void {
    this.#statements.removeTombstone.run(tag);
  }

  pruneTombstones(now: number): void {
    this.#statements.pruneTombstones.run(now);
  }

  rooms(id?: string): { id: string; lastActiveAt: number }[] {
    this.flush();
    return this.#statements.rooms.all({ id: id ?? null });
  }

  deleteRoom(id: string): void {
    this.flush();
    this.#db.transaction(() => {
      this.#statements.deleteLog.run(id);
      this.#statements.deleteRoom.run(id);
    })();
    this.#metas.delete(id);
    // Move the erase out of the write-ahead log too, so no copy of the room stays behind.
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  append(room: string, entry: LogEntry): Promise<void> {
    if (!this.#db.open) return Promise.reject(new Error('The storage is closed.'));
    const batch = (this.#pending ??= newBatch());
    batch.rows.push(room, JSON.stringify(entry));
    this.#timer ??= setTimeout(() => this.flush(), this.commitDelayMs);
    return batch.done;
  }

  load(room: string): LogEntry[] {
    this.flush();
    // Decoded in place: a long room's log is one array, not a second one beside the first.
    const entries = this.#statements.load.all(room) as unknown[];
    for (let i = 0; i < entries.length; i++) entries[i] = JSON.parse(entries[i] as string);
    return entries as LogEntry[];
  }

  flush(): Promise<void> | undefined {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    // Nothing new: what was committed before may still wait for its fdatasync.
    if (!batch) return this.#syncing || this.#unsynced.length > 0 ? this.#lastCommitted : undefined;
    this.#pending = undefined;
    try {
      this.#commit(batch.rows);
    } catch (error) {
      batch.reject(error);
      return batch.done;
    }
    this.#unsynced.push(batch);
    this.#lastCommitted = batch.done;
    this.#sync();
    return batch.done;
  }

  /** Fdatasyncs the write-ahead log for every batch committed so far, off the event loop. */
  #sync(): void {
    if (this.#syncing) return;
    const batches = this.#unsynced;
    if (batches.length === 0) return this.#onSynced?.();
    this.#unsynced = [];
    this.#syncing = true;
    let fd: number;
    try {
      fd = this.#wal();
    } catch (error) {
      this.#syncing = false;
      for (const batch of batches) batch.reject(error);
      return this.#sync();
    }
    fdatasync(fd, (error) => {
      this.#syncing = false;
      for (const batch of batches) {
        if (error) batch.reject(error);
        else batch.resolve();
      }
      this.#sync();
    });
  }

  /**
   * The write-ahead log's descriptor (any descriptor of a file syncs all of it). The first
   * time, the directory is synced too, so the log's own name survives a power loss.
   */
  #wal(): number {
    if (this.#walFd !== undefined) return this.#walFd;
    // Windows can neither open a directory nor sync one; NTFS journals the name itself.
    if (process.platform !== 'win32') {
      const directory = openSync(dirname(this.#file), 'r');
      try {
        fsyncSync(directory);
      } finally {
        closeSync(directory);
      }
    }
    // Opened for writing, though never written through: Windows syncs only such a handle.
    return (this.#walFd = openSync(`${this.#file}-wal`, 'r+'));
  }

  /** Resolves once every committed batch has been synced. */
  #allSynced(): Promise<void> {
    if (!this.#syncing && this.#unsynced.length === 0) return Promise.resolve();
    return new Promise((resolve) => (this.#onSynced = resolve));
  }

  async close(): Promise<void> {
    this.flush();
    await this.#allSynced();
    this.#onSynced = undefined;
    // The checkpointer holds its own connection (and may still be opening it): it must be gone
    // before the last checkpoint, or it could recreate -wal/-shm files after we return.
    await this.#checkpointer.stop();
    // Fold the log into the database on the way out, so a restart starts from a small WAL.
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
    this.#db.close();
    if (this.#walFd !== undefined) closeSync(this.#walFd);
    this.#walFd = undefined;
    this.#metas.clear();
  }
}

/** The server's secret, made on the first start and readable by this user only. */
function loadSecret(file: string): Buffer {
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
