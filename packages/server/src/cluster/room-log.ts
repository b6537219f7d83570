/**
 * One room's log in Redis, as one node sees it: appends grouped per room (while one script
 * call is in flight the next actions wait and go together), and a reader that folds every
 * entry in log order exactly once — live from pub/sub, with XRANGE on any gap, and from the
 * latest snapshot when the log was trimmed past it.
 */
import type { RoomRecord } from '@plenum/protocol';
import type { LogEntry } from '../storage/storage.js';
import { roomKeys } from './keys.js';
import { decodeRecord, encodeRecord } from './snapshot.js';
import type { AppendResult, ClusterLink } from './cluster.js';

export interface Folded {
  seq: number;
  /** The node that appended it. */
  node: string;
  entry: LogEntry;
}

export interface RoomLogOwner {
  /** The next entries, in log order, each once. */
  fold(entries: Folded[]): void;
  /** The room as folded so far, for a snapshot. */
  record(): RoomRecord;
  /** Start over from a snapshot (on open, or when the log was trimmed past this node). */
  reset(record: RoomRecord, seq: number): void;
}

/** Redis refused the append: it is unreachable, timed out, or the room is gone. */
export class LogUnavailableError extends Error {}
export class RoomGoneError extends Error {}

interface Queued {
  dedupe: string;
  entry: string;
  newId: string;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** How many entries one script call appends at most (one Redis round trip each). */
const batchLimit = 512;
/** How many entries one catch-up read asks for. */
const readLimit = 2000;

export class RoomLog {
  #owner: RoomLogOwner | undefined;
  #folded = 0;
  #queue: Queued[] = [];
  #inFlight: Promise<void> | undefined;
  #catchingUp: Promise<void> | undefined;
  #again = false;
  #closed = false;
  /** Sockets open per node and participant, as folded: what to log as left when a node dies. */
  #sockets = new Map<string, Map<string, number>>();
  readonly keys;

  constructor(
    readonly link: ClusterLink,
    readonly room: string,
  ) {
    this.keys = roomKeys(room);
  }

  /** The last sequence number folded here. */
  get folded(): number {
    return this.#folded;
  }

  /**
   * Loads the room (latest snapshot, then the tail) and follows it from now on. A room just
   * made on this node opens once its creation is in Redis (it rejects if that failed).
   */
  async open(owner: RoomLogOwner): Promise<void> {
    await this.link.created(this.room);
    this.#owner = owner;
    await this.link.follow(this);
    const snapshot = await this.link.redis.hgetall(this.keys.snapshot);
    if (snapshot.seq !== undefined && snapshot.record !== undefined) {
      this.#restore(snapshot);
    }
    await this.catchUp();
  }

  /**
   * Appends an entry; resolves with its sequence number once Redis has it (an action logged
   * before, by `dedupe`, resolves with the seq and new id it got then, `duplicate`). Presence
   * entries pass no dedupe key.
   */
  append(entry: LogEntry, dedupe = ''): Promise<AppendResult> {
    if (this.#closed) return Promise.reject(new LogUnavailableError('The room is closing.'));
    const newId = ('newId' in entry && entry.newId) || '';
    return new Promise((resolve, reject) => {
      this.#queue.push({ dedupe, entry: JSON.stringify(entry), newId, resolve, reject });
      this.#inFlight ??= this.#drain();
    });
  }

  /** Group commit: one script call at a time per room; whatever queued meanwhile goes next, together. */
  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, batchLimit);
      try {
        const results = await this.link.append(this.keys, batch);
        batch.forEach((item, i) => item.resolve(results[i]!));
      } catch (error) {
        const gone = error instanceof Error && error.message.includes('GONE');
        const failure = gone
          ? new RoomGoneError('The room is gone.')
          : new LogUnavailableError(error instanceof Error ? error.message : String(error));
        for (const item of batch) item.reject(failure);
      }
    }
    this.#inFlight = undefined;
  }

  /** Waits for appends under way (a room stopping). */
  async settle(): Promise<void> {
    await this.#inFlight;
  }

  /** A pub/sub notification: the entries one append logged, starting at `first`. */
  notified(first: number, node: string, lines: string[]): void {
    if (!this.#owner || this.#closed) return;
    if (this.#catchingUp || first > this.#folded + 1) return void this.catchUp();
    const skip = this.#folded + 1 - first; // already folded from a read
    if (skip >= lines.length) return;
    const entries = lines.slice(skip).map((line, i) => ({
      seq: first + skip + i,
      node,
      entry: JSON.parse(line) as LogEntry,
    }));
    this.#fold(entries);
  }

  /** The room's head is past what was folded (a lost notification): read the gap. */
  headIs(head: number): void {
    if (head > this.#folded) void this.catchUp();
  }

  /** Reads from the last folded entry to the end of the log; one read at a time, rerun if asked meanwhile. */
  catchUp(): Promise<void> {
    if (this.#catchingUp) {
      this.#again = true;
      return this.#catchingUp;
    }
    this.#catchingUp = (async () => {
      try {
        do {
          this.#again = false;
          await this.#readAll();
        } while (this.#again && !this.#closed);
      } catch (error) {
        // Redis is away: the head check or the reconnect runs the read again.
        if (!this.#closed) this.link.warn(`reading room ${this.room} failed: ${String(error)}`);
      } finally {
        this.#catchingUp = undefined;
      }
    })();
    return this.#catchingUp;
  }

  async #readAll(): Promise<void> {
    for (;;) {
      if (this.#closed || !this.#owner) return;
      const from = this.#folded + 1;
      const rows = await this.link.redis.xrange(this.keys.log, `${from}-0`, '+', 'COUNT', readLimit);
      if (rows.length === 0) return;
      const firstSeq = seqOf(rows[0]![0]);
      if (firstSeq > from) {
        // Trimmed behind a snapshot newer than this node: start from that snapshot.
        const snapshot = await this.link.redis.hgetall(this.keys.snapshot);
        const seq = Number(snapshot.seq ?? 0);
        if (seq < firstSeq - 1 || snapshot.record === undefined) {
          throw new Error(`the log of room ${this.room} misses entries ${from}–${firstSeq - 1}`);
        }
        this.#restore(snapshot);
        continue;
      }
      const entries: Folded[] = [];
      for (const [id, fields] of rows) {
        const seq = seqOf(id);
        if (seq <= this.#folded) continue;
        const field = (name: string) => fields[fields.indexOf(name) + 1]!;
        entries.push({ seq, node: field('n'), entry: JSON.parse(field('e')) as LogEntry });
      }
      this.#fold(entries);
      if (rows.length < readLimit) return;
    }
  }

  #restore(snapshot: Record<string, string>): void {
    this.#folded = Number(snapshot.seq);
    this.#sockets = new Map(
      Object.entries(JSON.parse(snapshot.sockets ?? '{}') as Record<string, Record<string, number>>).map(
        ([node, open]) => [node, new Map(Object.entries(open))],
      ),
    );
    this.#owner!.reset(decodeRecord(snapshot.record!), this.#folded);
  }

  #fold(entries: Folded[]): void {
    if (entries.length === 0) return;
    for (const { node, entry } of entries) if ('presence' in entry) this.#count(entry.of ?? node, entry);
    this.#folded = entries.at(-1)!.seq;
    this.#owner!.fold(entries);
    const every = this.link.snapshotEvery;
    // The node that appended the entry at each multiple of `every` takes the snapshot.
    const due = entries.some((folded) => folded.seq % every === 0 && folded.node === this.link.node);
    if (due) this.#snapshot();
  }

  #count(node: string, entry: Extract<LogEntry, { presence: string }>): void {
    let open = this.#sockets.get(node);
    if (!open) this.#sockets.set(node, (open = new Map()));
    const n = (open.get(entry.participant) ?? 0) + (entry.presence === 'join' ? 1 : -1);
    if (n > 0) open.set(entry.participant, n);
    else open.delete(entry.participant);
    if (open.size === 0) this.#sockets.delete(node);
  }

  /** Nodes with sockets open in this room, as folded. */
  get nodes(): string[] {
    return [...this.#sockets.keys()];
  }

  /**
   * Logs the leaves of a node that died (its lease ran out): nobody else would. Every node
   * may do it at once; the dedupe keys make them count once.
   */
  logLeavesOf(node: string, at: number): void {
    const open = this.#sockets.get(node);
    if (!open || node === this.link.node) return;
    for (const [participant, n] of open) {
      for (let k = 1; k <= n; k++) {
        const entry: LogEntry = { at, participant, presence: 'leave', of: node };
        this.append(entry, `left\0${node}\0${participant}\0${k}`).catch(() => undefined);
      }
    }
  }

  #snapshot(): void {
    const seq = this.#folded;
    const record = encodeRecord(this.#owner!.record());
    const sockets = JSON.stringify(
      Object.fromEntries([...this.#sockets].map(([node, open]) => [node, Object.fromEntries(open)])),
    );
    this.link
      .saveSnapshot(this.keys, seq, record, sockets)
      .catch((error: unknown) => this.link.warn(`snapshot of room ${this.room} failed: ${String(error)}`));
  }

  /** Stops following the room (evicted, erased, or the node stops). */
  async close(): Promise<void> {
    await this.settle();
    this.#closed = true;
    await this.link.unfollow(this);
  }
}

const seqOf = (id: string) => Number(id.slice(0, id.indexOf('-')));
