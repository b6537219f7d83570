import type { LogEntry, RoomMeta, Storage } from './storage.js';

/** Keeps everything in memory: for tests, and for rooms that need not survive a restart. */
export class MemoryStorage implements Storage {
  readonly #rooms = new Map<string, RoomMeta>();
  readonly #logs = new Map<string, LogEntry[]>();

  createRoom(meta: RoomMeta): void {
    this.#rooms.set(meta.id, structuredClone(meta));
    this.#logs.set(meta.id, []);
  }
  getRoom(id: string): RoomMeta | undefined {
    return this.#rooms.get(id);
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
  append(room: string, entry: LogEntry): Promise<void> {
    this.#logs.get(room)?.push(structuredClone(entry));
    return Promise.resolve();
  }
  load(room: string): LogEntry[] {
    return structuredClone(this.#logs.get(room) ?? []);
  }
  flush(): void {}
  async close(): Promise<void> {}
}
