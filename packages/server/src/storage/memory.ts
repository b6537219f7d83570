import { randomBytes } from 'node:crypto';
import type { LogEntry, RoomMeta, Storage } from './storage.js';

/** Keeps everything in memory: for tests, and for rooms that need not survive a restart. */
export class MemoryStorage implements Storage {
  readonly #rooms = new Map<string, RoomMeta>();
  readonly #logs = new Map<string, LogEntry[]>();
  readonly #tombstones = new Map<string, number | null>();
  readonly secret = randomBytes(32);

  createRoom(meta: RoomMeta): void {
    this.#rooms.set(meta.id, structuredClone(meta));
    this.#logs.set(meta.id, []);
  }
  getRoom(id: string): RoomMeta | undefined {
    return this.#rooms.get(id);
  }
  updateRoom(meta: RoomMeta): void {
    if (this.#rooms.has(meta.id)) this.#rooms.set(meta.id, structuredClone(meta));
  }
  roomCount(): number {
    return this.#rooms.size;
  }
  rooms(id?: string): { id: string; lastActiveAt: number }[] {
    const metas =
      id === undefined ? [...this.#rooms.values()] : [this.#rooms.get(id)].filter((m) => m !== undefined);
    return metas.map((meta) => ({
      id: meta.id,
      lastActiveAt: this.#logs.get(meta.id)?.at(-1)?.at ?? meta.createdAt,
    }));
  }
  deleteRoom(id: string): void {
    this.#rooms.delete(id);
    this.#logs.delete(id);
  }
  addTombstone(tag: string, until: number | null): void {
    this.#tombstones.set(tag, until);
  }
  hasTombstone(tag: string, now: number): boolean {
    const until = this.#tombstones.get(tag);
    return until === null || (until !== undefined && until > now);
  }
  removeTombstone(tag: string): void {
    this.#tombstones.delete(tag);
  }
  pruneTombstones(now: number): void {
    for (const [tag, until] of this.#tombstones)
      if (until !== null && until <= now) this.#tombstones.delete(tag);
  }
  append(room: string, entry: LogEntry): Promise<void> {
    this.#logs.get(room)?.push(structuredClone(entry));
    return Promise.resolve();
  }
  load(room: string): LogEntry[] {
    return structuredClone(this.#logs.get(room) ?? []);
  }
  flush(): undefined {
    return undefined;
  }
  async close(): Promise<void> {}
}
