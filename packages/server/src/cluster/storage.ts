/**
 * The room index in cluster mode: metadata, host-key hashes, tombstones and last activity
 * live in Redis, and every node mirrors them in memory (the Storage interface is synchronous),
 * kept current over the control channel and reloaded whenever the subscriber reconnects.
 * Writes go to Redis at once and are told to every node. A room's log is not here: rooms
 * append to and fold their RoomLog (room-log.ts).
 */
import { roomIdPattern } from '@plenum/protocol';
import { HttpError } from '../http-util.js';
import { RoomExistsError } from '../rooms.js';
import type { LogEntry, RoomMeta, Storage } from '../storage/storage.js';
import type { Cluster } from './cluster.js';
import { globalKeys, roomKeys } from './keys.js';

export type ControlMessage =
  | { type: 'created' | 'updated' | 'erased'; room: string; node: string }
  | { type: 'tombstone'; tag: string; until: number | null; node: string }
  | { type: 'untombstone'; tag: string; node: string };

export class ClusterStorage implements Storage {
  readonly #metas = new Map<string, RoomMeta>();
  readonly #tombstones = new Map<string, number | null>();
  readonly #active = new Map<string, number>();
  /** Rooms made on this node whose write to Redis has not returned yet. */
  readonly #creating = new Map<string, Promise<void>>();

  constructor(
    readonly cluster: Cluster,
    readonly secret: Buffer,
  ) {}

  get #redis() {
    return this.cluster.redis;
  }

  #write(what: string, work: Promise<unknown>): void {
    work.catch((error: unknown) => this.cluster.warn(`${what} failed in Redis: ${String(error)}`));
  }

  /** Reads the whole index from Redis. */
  async reload(): Promise<void> {
    const ids = await this.#redis.smembers(globalKeys.rooms);
    const pipeline = this.#redis.pipeline();
    for (const id of ids) pipeline.get(roomKeys(id).meta);
    const metas = (await pipeline.exec()) ?? [];
    const tombstones = await this.#redis.hgetall(globalKeys.tombstones);
    const active = await this.#redis.zrange(globalKeys.active, 0, -1, 'WITHSCORES');
    this.#metas.clear();
    metas.forEach(([error, text], i) => {
      if (!error && typeof text === 'string') this.#metas.set(ids[i]!, JSON.parse(text) as RoomMeta);
    });
    this.#tombstones.clear();
    for (const [tag, until] of Object.entries(tombstones))
      this.#tombstones.set(tag, until === '' ? null : Number(until));
    for (let i = 0; i < active.length; i += 2) this.touched(active[i]!, Number(active[i + 1]));
  }

  /** A message on the control channel (from any node, this one included). */
  controlled(message: ControlMessage): void {
    const own = message.node === this.cluster.node;
    switch (message.type) {
      case 'created':
      case 'updated': {
        if (own) return;
        const { room } = message;
        this.#write(
          'reading a room',
          this.#redis.get(roomKeys(room).meta).then((text) => {
            if (text) this.#metas.set(room, JSON.parse(text) as RoomMeta);
          }),
        );
        return;
      }
      case 'erased':
        this.#metas.delete(message.room);
        this.#active.delete(message.room);
        if (!own) this.cluster.erased(message.room);
        return;
      case 'tombstone':
        if (!own) this.#tombstones.set(message.tag, message.until);
        return;
      case 'untombstone':
        if (!own) this.#tombstones.delete(message.tag);
        return;
    }
  }

  /** The room saw something at `at` (an append, from this node or another). */
  touched(room: string, at: number): void {
    if (at > (this.#active.get(room) ?? 0)) this.#active.set(room, at);
  }

  /**
   * Mirrors the room at once (the caller goes on to start it) and writes it to Redis; the
   * room's first start waits for that write (`created`), so `POST /api/rooms` answers 201
   * only once Redis has the room. A room id another node took meanwhile is refused (409).
   */
  createRoom(meta: RoomMeta): Promise<void> {
    if (this.#metas.has(meta.id)) throw new Error(`Room ${meta.id} exists already.`);
    this.#metas.set(meta.id, structuredClone(meta));
    const keys = roomKeys(meta.id);
    const node = this.cluster.node;
    const written = this.#redis
      .pipeline()
      .set(keys.meta, JSON.stringify(meta), 'NX')
      .sadd(globalKeys.rooms, meta.id)
      .publish(globalKeys.control, JSON.stringify({ type: 'created', room: meta.id, node }))
      .exec()
      .then((results) => {
        const [error, ok] = results?.[0] ?? [new Error('no answer')];
        if (error) throw error;
        if (ok !== 'OK') throw new RoomExistsError(`Room "${meta.id}" exists already.`);
      })
      .catch(async (error: unknown) => {
        // Not in Redis as this node made it: forget it here (and learn the other node's, if any).
        this.#metas.delete(meta.id);
        if (error instanceof RoomExistsError) {
          const text = await this.#redis.get(keys.meta).catch(() => null);
          if (text) this.#metas.set(meta.id, JSON.parse(text) as RoomMeta);
          throw error;
        }
        this.cluster.warn(`creating a room failed in Redis: ${String(error)}`);
        throw new HttpError(503, 'unavailable', 'The server cannot create rooms right now; try again.');
      })
      .finally(() => this.#creating.delete(meta.id));
    this.#creating.set(meta.id, written);
    // The caller may never ask (a room made and not opened); the failure is handled above.
    written.catch(() => undefined);
    return written;
  }

  /** Resolves once a room made on this node is in Redis (at once for any other room). */
  created(id: string): Promise<void> {
    return this.#creating.get(id) ?? Promise.resolve();
  }

  getRoom(id: string): RoomMeta | undefined {
    return this.#metas.get(id);
  }

  /**
   * A room another node made a moment ago, before its pub/sub notice came: behind a round-robin
   * front the host's next request may reach this node first. Redis away: not found, from memory.
   */
  async findRoom(id: string): Promise<RoomMeta | undefined> {
    if (!roomIdPattern.test(id)) return undefined;
    const text = await this.#redis.get(roomKeys(id).meta).catch(() => null);
    if (!text) return undefined;
    const meta = JSON.parse(text) as RoomMeta;
    if (!this.#metas.has(id)) this.#metas.set(id, meta);
    return this.#metas.get(id);
  }

  /** Settles once Redis has the change (a passcode must not come back after a restart); 503 if it cannot. */
  async updateRoom(meta: RoomMeta): Promise<void> {
    if (!this.#metas.has(meta.id)) return;
    const node = this.cluster.node;
    const results = await this.#redis
      .pipeline()
      .set(roomKeys(meta.id).meta, JSON.stringify(meta), 'XX')
      .publish(globalKeys.control, JSON.stringify({ type: 'updated', room: meta.id, node }))
      .exec()
      .catch((error: unknown) => [[error, null] as [unknown, unknown]]);
    const [error] = results?.[0] ?? [new Error('no answer')];
    if (error) {
      this.cluster.warn(`updating a room failed in Redis: ${String(error)}`);
      throw new HttpError(503, 'unavailable', 'The server cannot change the room right now; try again.');
    }
    // Only now: until Redis has it, this node goes on as every other node does.
    if (this.#metas.has(meta.id)) this.#metas.set(meta.id, structuredClone(meta));
  }

  roomCount(): number {
    return this.#metas.size;
  }

  rooms(id?: string): { id: string; lastActiveAt: number }[] {
    const metas =
      id === undefined ? [...this.#metas.values()] : [this.#metas.get(id)].filter((m) => m !== undefined);
    return metas.map((meta) => ({
      id: meta.id,
      lastActiveAt: Math.max(this.#active.get(meta.id) ?? 0, meta.createdAt),
    }));
  }

  /**
   * Deletes every key of the room, and every node drops it. Settles once Redis has done so:
   * an erase answered 204 must not come back; 503 (the room kept, to erase again) if it cannot.
   */
  async deleteRoom(id: string): Promise<void> {
    const keys = roomKeys(id);
    const node = this.cluster.node;
    const results = await this.#redis
      .pipeline()
      .del(keys.meta, keys.log, keys.head, keys.snapshot, ...this.cluster.dedupeKeys(keys))
      .srem(globalKeys.rooms, id)
      .zrem(globalKeys.active, id)
      .publish(globalKeys.control, JSON.stringify({ type: 'erased', room: id, node }))
      .exec()
      .catch((error: unknown) => [[error, null] as [unknown, unknown]]);
    const [error] = results?.[0] ?? [new Error('no answer')];
    if (error) {
      this.cluster.warn(`erasing a room failed in Redis: ${String(error)}`);
      throw new HttpError(503, 'unavailable', 'The server cannot erase the room right now; try again.');
    }
    this.#metas.delete(id);
    this.#active.delete(id);
  }

  addTombstone(tag: string, until: number | null): void {
    this.#tombstones.set(tag, until);
    const node = this.cluster.node;
    this.#write(
      'keeping a tombstone',
      this.#redis
        .pipeline()
        .hset(globalKeys.tombstones, tag, until === null ? '' : String(until))
        .publish(globalKeys.control, JSON.stringify({ type: 'tombstone', tag, until, node }))
        .exec(),
    );
  }

  hasTombstone(tag: string, now: number): boolean {
    const until = this.#tombstones.get(tag);
    return until === null || (until !== undefined && until > now);
  }

  removeTombstone(tag: string): void {
    this.#tombstones.delete(tag);
    const node = this.cluster.node;
    this.#write(
      'removing a tombstone',
      this.#redis
        .pipeline()
        .hdel(globalKeys.tombstones, tag)
        .publish(globalKeys.control, JSON.stringify({ type: 'untombstone', tag, node }))
        .exec(),
    );
  }

  pruneTombstones(now: number): void {
    const expired = [...this.#tombstones].filter(([, until]) => until !== null && until <= now);
    if (expired.length === 0) return;
    for (const [tag] of expired) this.#tombstones.delete(tag);
    this.#write(
      'pruning tombstones',
      this.#redis.hdel(globalKeys.tombstones, ...expired.map(([tag]) => tag)),
    );
  }

  /** Rooms log through their RoomLog in cluster mode; nothing calls these. */
  append(_room: string, _entry: LogEntry): Promise<void> {
    return Promise.reject(new Error('In cluster mode rooms append to their RoomLog.'));
  }

  load(_room: string): LogEntry[] {
    return [];
  }

  flush(): undefined {
    return undefined;
  }

  async close(): Promise<void> {
    await this.cluster.close();
  }
}
