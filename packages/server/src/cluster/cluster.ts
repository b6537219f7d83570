/**
 * A node's link to the shared Redis or Valkey: one connection for commands, one for pub/sub
 * (ioredis re-subscribes after a reconnect), the rooms this node follows, and a periodic
 * check of their heads, since pub/sub drops what was published while a connection was down.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { globalKeys, roomKeys } from './keys.js';
import { RoomLog } from './room-log.js';
import { appendHead, appendKeyCount, appendScript, dedupeKeys, snapshotScript } from './scripts.js';
import { ClusterStorage, type ControlMessage } from './storage.js';

export interface ClusterOptions {
  /** redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  url: string;
  /** This node's name in the log (default: random). */
  node?: string;
  /** A snapshot every this many entries (default 5,000). */
  snapshotEvery?: number;
  /** Entries kept before the latest snapshot when trimming (default 1,000). */
  keepBehindSnapshot?: number;
  /**
   * How long a logged action is recognised when it is sent again (default 24 h): an outbox
   * re-sends what was not acknowledged when its socket comes back, which is seconds to
   * minutes later, or hours for a laptop that slept; past the window it counts as new. The
   * dedupe hashes expire behind it, so Redis keeps one field per action of the last window.
   */
  dedupeWindowMs?: number;
  /** The clock that picks the dedupe period (tests move it). */
  now?: () => number;
  /** How often a node compares each room's head with what it folded (default 1 s). */
  headCheckMs?: number;
  /** A node that has not renewed its lease for this long is dead: others log its sockets' leaves (default 5 s). */
  leaseMs?: number;
  /** An append Redis has not answered by then fails as `unavailable` (default 5 s). */
  commandTimeoutMs?: number;
  /**
   * High availability: an append is acknowledged only once this many replicas have it
   * (WAITAOF 0 N: fsynced to their AOF, where the server has WAITAOF, Redis 7.2+ and Valkey 8;
   * else WAIT N: in their memory). Default 0: the primary's answer is enough.
   */
  waitReplicas?: number;
  /** How long an append waits for those replicas before it fails as `unavailable` (default 1 s). */
  waitReplicasTimeoutMs?: number;
  warn?: (message: string) => void;
}

export interface Persistence {
  appendonly?: string;
  appendfsync?: string;
  /** Whether an acknowledged action survives a crash of Redis; undefined when unknown. */
  durable: boolean | undefined;
  /** One sentence for the operator. */
  summary: string;
}

/** Not enough replicas confirmed an append in time: it is logged on the primary, but not acknowledged. */
export class ReplicasBehindError extends Error {}

type Keys = ReturnType<typeof roomKeys>;

interface ScriptCommands {
  plenumAppend(...args: string[]): Promise<(number | string)[]>;
  plenumSnapshot(...args: string[]): Promise<number>;
}

/** One entry to append: its dedupe key ('' for none), the entry as JSON, the id it creates ('' for none). */
export interface Appended {
  dedupe: string;
  entry: string;
  newId: string;
}

/** Its seq; for an action logged before, the seq and new id that copy got. */
export interface AppendResult {
  seq: number;
  duplicate: boolean;
  newId?: string;
}

/** What a room's log needs of the node (room-log.ts). */
export interface ClusterLink {
  readonly node: string;
  readonly redis: Redis;
  readonly snapshotEvery: number;
  follow(log: RoomLog): Promise<void>;
  unfollow(log: RoomLog): Promise<void>;
  /** Resolves once a room made on this node is in Redis (rejects if that failed). */
  created(room: string): Promise<void>;
  append(keys: Keys, batch: Appended[]): Promise<AppendResult[]>;
  saveSnapshot(keys: Keys, seq: number, record: string, sockets: string): Promise<void>;
  warn(message: string): void;
}

export class Cluster implements ClusterLink {
  readonly node: string;
  readonly redis: Redis;
  readonly snapshotEvery: number;
  readonly storage: ClusterStorage;
  readonly #subscriber: Redis;
  readonly #keep: number;
  readonly #dedupeWindowMs: number;
  readonly #now: () => number;
  /** Rooms followed, by their notification channel. */
  readonly #rooms = new Map<string, RoomLog>();
  readonly #erased = new Set<(room: string) => void>();
  readonly #warn: (message: string) => void;
  #headTimer: NodeJS.Timeout | undefined;
  #leaseTimer: NodeJS.Timeout | undefined;
  #leaseMs = 5000;
  #closed = false;
  /** With waitReplicas: the connection appends go over, since WAIT counts that connection's writes. */
  #appender: Redis | undefined;
  #wait: { replicas: number; timeoutMs: number; command: 'WAITAOF' | 'WAIT' } | undefined;

  private constructor(options: ClusterOptions, redis: Redis, subscriber: Redis, secret: Buffer) {
    this.node = options.node ?? randomBytes(4).toString('hex');
    this.redis = redis;
    this.#subscriber = subscriber;
    this.snapshotEvery = options.snapshotEvery ?? 5000;
    this.#keep = options.keepBehindSnapshot ?? 1000;
    this.#dedupeWindowMs = options.dedupeWindowMs ?? 24 * 3600_000;
    this.#now = options.now ?? Date.now;
    this.#warn = options.warn ?? ((message) => console.warn(`plenum: ${message}`));
    this.storage = new ClusterStorage(this, secret);
  }

  /** Connects (failing if Redis cannot be reached now), loads the room index, and follows it. */
  static async connect(options: ClusterOptions): Promise<Cluster> {
    const redis = new Redis(options.url, {
      lazyConnect: true,
      // Redis away: an append fails at once (the client keeps it and retries), never waits in a queue.
      enableOfflineQueue: false,
      commandTimeout: options.commandTimeoutMs ?? 5000,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(50 * times, 1000),
    });
    redis.on('error', () => undefined); // reconnects on its own; failures reach the callers
    await redis.connect();
    const subscriber = redis.duplicate({
      lazyConnect: true,
      enableOfflineQueue: true,
      commandTimeout: undefined,
      maxRetriesPerRequest: null,
    });
    subscriber.on('error', () => undefined);
    await subscriber.connect();
    const fresh = randomBytes(32).toString('hex');
    await redis.set(globalKeys.secret, fresh, 'NX');
    const secret = Buffer.from((await redis.get(globalKeys.secret))!, 'hex');
    const cluster = new Cluster(options, redis, subscriber, secret);
    redis.defineCommand('plenumAppend', { numberOfKeys: appendKeyCount, lua: appendScript });
    redis.defineCommand('plenumSnapshot', { numberOfKeys: 3, lua: snapshotScript });
    cluster.#leaseMs = options.leaseMs ?? 5000;
    if (options.waitReplicas) await cluster.#useReplicas(options.waitReplicas, options.waitReplicasTimeoutMs);
    await cluster.#renewLease();
    await cluster.#listen(options.headCheckMs ?? 1000);
    return cluster;
  }

  /**
   * Appends go over a connection of their own, so a WAIT blocking it (a replica slow or away)
   * holds up appends only, never leases, head checks or reads.
   */
  async #useReplicas(replicas: number, timeoutMs = 1000): Promise<void> {
    if (!Number.isInteger(replicas) || replicas < 0)
      throw new RangeError('waitReplicas must be a whole number.');
    const appender = this.redis.duplicate();
    appender.on('error', () => undefined);
    await appender.connect();
    appender.defineCommand('plenumAppend', { numberOfKeys: appendKeyCount, lua: appendScript });
    // COMMAND INFO answers [null] for a command the server does not know.
    const [info] = (await appender.call('COMMAND', 'INFO', 'WAITAOF')) as unknown[];
    this.#wait = { replicas, timeoutMs, command: info ? 'WAITAOF' : 'WAIT' };
    this.#appender = appender;
  }

  /** What an acknowledgement waits for besides the primary: for the operator's start-up line. */
  get replicaWait(): string | undefined {
    const wait = this.#wait;
    if (!wait) return undefined;
    return wait.command === 'WAITAOF'
      ? `every append waits until ${wait.replicas} replica(s) fsynced it (WAITAOF, at most ${wait.timeoutMs} ms)`
      : `every append waits until ${wait.replicas} replica(s) have it in memory (WAIT; this server has no WAITAOF, at most ${wait.timeoutMs} ms)`;
  }

  async #listen(headCheckMs: number): Promise<void> {
    this.#subscriber.on('message', (channel: string, message: string) => {
      if (channel === globalKeys.control) {
        this.storage.controlled(JSON.parse(message) as ControlMessage);
        return;
      }
      const log = this.#rooms.get(channel);
      if (!log) return;
      const lines = message.split('\n');
      log.notified(Number(lines[0]), lines[1]!, lines.slice(2));
    });
    let first = true;
    this.#subscriber.on('ready', () => {
      if (first) return void (first = false);
      // Whatever was published while the subscriber was away is lost: read it from the logs.
      for (const log of this.#rooms.values()) void log.catchUp();
      this.storage.reload().catch((error: unknown) => this.warn(`reloading rooms failed: ${String(error)}`));
    });
    await this.#subscriber.subscribe(globalKeys.control);
    await this.storage.reload();
    this.#headTimer = setInterval(() => void this.#checkHeads(), headCheckMs);
    this.#headTimer.unref();
    this.#leaseTimer = setInterval(() => {
      this.#renewLease().catch(() => undefined);
      this.#sweepDeadNodes().catch(() => undefined);
    }, this.#leaseMs / 3);
    this.#leaseTimer.unref();
  }

  /** This node is alive while its lease key exists. */
  #renewLease(): Promise<unknown> {
    return this.redis.set(`${globalKeys.node}${this.node}`, '1', 'PX', this.#leaseMs);
  }

  /** Sockets of nodes whose lease ran out (SIGKILLed, cut off) are logged as left. */
  async #sweepDeadNodes(): Promise<void> {
    const logs = [...this.#rooms.values()];
    const nodes = [...new Set(logs.flatMap((log) => log.nodes))].filter((node) => node !== this.node);
    if (nodes.length === 0 || this.redis.status !== 'ready') return;
    const pipeline = this.redis.pipeline();
    for (const node of nodes) pipeline.exists(`${globalKeys.node}${node}`);
    const results = (await pipeline.exec()) ?? [];
    const dead = nodes.filter((_, i) => !results[i]?.[0] && results[i]?.[1] === 0);
    const at = Date.now();
    for (const node of dead) for (const log of logs) log.logLeavesOf(node, at);
  }

  async #checkHeads(): Promise<void> {
    if (this.#rooms.size === 0 || this.redis.status !== 'ready') return;
    const logs = [...this.#rooms.values()];
    const pipeline = this.redis.pipeline();
    for (const log of logs) pipeline.get(log.keys.head);
    try {
      const results = (await pipeline.exec()) ?? [];
      results.forEach(([error, head], i) => {
        if (!error) logs[i]!.headIs(Number(head ?? 0));
      });
    } catch {
      // Redis away: the next round tries again.
    }
  }

  /** A room's log (not followed until it is opened). */
  room(id: string): RoomLog {
    return new RoomLog(this, id);
  }

  async follow(log: RoomLog): Promise<void> {
    this.#rooms.set(log.keys.channel, log);
    await this.#subscriber.subscribe(log.keys.channel);
  }

  created(room: string): Promise<void> {
    return this.storage.created(room);
  }

  async unfollow(log: RoomLog): Promise<void> {
    if (this.#rooms.get(log.keys.channel) !== log) return;
    this.#rooms.delete(log.keys.channel);
    if (!this.#closed) await this.#subscriber.unsubscribe(log.keys.channel).catch(() => undefined);
  }

  async append(keys: Keys, batch: Appended[]): Promise<AppendResult[]> {
    const args = appendHead(keys, this.node, this.#now(), this.#dedupeWindowMs);
    for (const item of batch) args.push(item.dedupe, item.entry, item.newId);
    const result = (await this.#appendAndWait(args)).map((answer): AppendResult => {
      if (typeof answer === 'number') return { seq: answer, duplicate: false };
      const [seq, newId] = answer.slice(1).split(' ');
      return { seq: Number(seq), duplicate: true, ...(newId && { newId }) };
    });
    // When the room last saw anything, for retention: best effort, never holds an ack.
    const at = (JSON.parse(batch.at(-1)!.entry) as { at: number }).at;
    const room = keys.meta.slice('{room:'.length, -'}:meta'.length);
    this.redis.zadd(globalKeys.active, 'GT', at, room).catch(() => undefined);
    this.storage.touched(room, at);
    return result;
  }

  /** The append script, and with waitReplicas the WAIT right behind it on the same connection. */
  async #appendAndWait(args: string[]): Promise<(number | string)[]> {
    const wait = this.#wait;
    if (!wait || !this.#appender) return (this.redis as unknown as ScriptCommands).plenumAppend(...args);
    const appender = this.#appender;
    // Sent together: no round trip between them; WAIT covers every write before it on this connection.
    const appended = (appender as unknown as ScriptCommands).plenumAppend(...args);
    const waited =
      wait.command === 'WAITAOF'
        ? appender.call('WAITAOF', '0', String(wait.replicas), String(wait.timeoutMs))
        : appender.call('WAIT', String(wait.replicas), String(wait.timeoutMs));
    const [result, confirmed] = await Promise.all([appended, waited]);
    const replicas = Array.isArray(confirmed) ? Number(confirmed[1]) : Number(confirmed);
    if (replicas < wait.replicas) {
      // Logged, and every node folds it; the client is told `unavailable`, re-sends, and gets
      // its answer (the dedupe) once the replicas confirm.
      throw new ReplicasBehindError(
        `only ${replicas} of ${wait.replicas} replica(s) confirmed the append in time`,
      );
    }
    return result;
  }

  /** Every dedupe hash of the room that may exist now. */
  dedupeKeys(keys: Keys): string[] {
    return dedupeKeys(keys, this.#now(), this.#dedupeWindowMs);
  }

  async saveSnapshot(keys: Keys, seq: number, record: string, sockets: string): Promise<void> {
    await (this.redis as unknown as ScriptCommands).plenumSnapshot(
      keys.meta,
      keys.snapshot,
      keys.log,
      String(seq),
      record,
      String(this.#keep),
      sockets,
    );
  }

  /** Tells every node (this one included) what changed in the room index. */
  publish(message: ControlMessage): Promise<unknown> {
    return this.redis.publish(globalKeys.control, JSON.stringify(message));
  }

  /** Called for every room erased on any node (this one's own erasures included). */
  onErased(listener: (room: string) => void): void {
    this.#erased.add(listener);
  }

  erased(room: string): void {
    for (const listener of this.#erased) listener(room);
  }

  /** Reads Redis's persistence settings; CONFIG may be disabled (managed services). */
  async persistence(): Promise<Persistence> {
    let appendonly: string | undefined;
    let appendfsync: string | undefined;
    try {
      appendonly = ((await this.redis.config('GET', 'appendonly')) as string[])[1];
      appendfsync = ((await this.redis.config('GET', 'appendfsync')) as string[])[1];
    } catch {
      return {
        durable: undefined,
        summary:
          'Could not read Redis persistence settings (CONFIG is disabled): acknowledged actions survive a Redis crash only with appendonly yes and appendfsync always — check your provider.',
      };
    }
    if (appendonly === 'yes' && appendfsync === 'always') {
      return {
        appendonly,
        appendfsync,
        durable: true,
        summary:
          'Redis writes every append to its AOF and fsyncs it (appendonly yes, appendfsync always): acknowledged actions survive a Redis crash.',
      };
    }
    const what =
      appendonly === 'yes'
        ? `appendfsync ${appendfsync}: up to about a second of acknowledged actions is lost if Redis crashes`
        : 'appendonly no: acknowledged actions since the last RDB save are lost if Redis crashes';
    return {
      appendonly,
      appendfsync,
      durable: false,
      summary: `Redis persistence is ${what}. Set appendonly yes and appendfsync always to keep them.`,
    };
  }

  warn(message: string): void {
    if (!this.#closed) this.#warn(message);
  }

  /** Lets go of Redis; the rooms must have been stopped first. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#headTimer);
    clearInterval(this.#leaseTimer);
    this.#subscriber.disconnect();
    this.#appender?.disconnect();
    // Gone for good: the others log this node's remaining sockets as left without waiting.
    await this.redis.del(`${globalKeys.node}${this.node}`).catch(() => undefined);
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
