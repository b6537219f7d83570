/** The Redis log layer against a real redis-server: order, dedupe, group commit, gaps, snapshots, erase, faults. */
import { apply, createRoom, noCaps, type RoomRecord } from '@plenum/protocol';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RoomExistsError } from '../rooms.js';
import type { LogEntry, RoomMeta } from '../storage/storage.js';
import { Cluster, type ClusterOptions } from './cluster.js';
import { roomKeys } from './keys.js';
import { LogUnavailableError, type Folded, type RoomLog } from './room-log.js';
import { appendHead, appendKeyCount, appendScript } from './scripts.js';
import { startRedis, type TestRedis } from './redis-server.js';

let redis: TestRedis;
const clusters: Cluster[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  await Promise.all(clusters.splice(0).map((cluster) => cluster.close()));
});

const node = async (options: Partial<ClusterOptions> = {}) => {
  const cluster = await Cluster.connect({ url: redis.url, warn: () => undefined, ...options });
  clusters.push(cluster);
  return cluster;
};

let rooms = 0;
function newRoom(cluster: Cluster): RoomMeta {
  const meta: RoomMeta = {
    id: `r${++rooms}-${Date.now()}`,
    title: 'Test',
    moderation: 'post',
    hostKeyHash: 'x',
    createdAt: 1,
  };
  cluster.storage.createRoom(meta);
  return meta;
}

/** A minimal room host: folds with the real model and records what it folded. */
class Folder {
  record: RoomRecord;
  folded: Folded[] = [];
  resets = 0;
  #waiters: { seq: number; resolve(): void }[] = [];
  constructor(readonly meta: RoomMeta) {
    this.record = createRoom({ id: meta.id, createdAt: 1, caps: noCaps });
  }
  fold(entries: Folded[]) {
    for (const folded of entries) {
      this.folded.push(folded);
      const { entry } = folded;
      if ('action' in entry)
        apply(
          this.record,
          entry.action,
          { participant: entry.participant, host: entry.host },
          entry.at,
          entry.newId,
        );
    }
    const seq = entries.at(-1)!.seq;
    this.#waiters = this.#waiters.filter((waiter) => (waiter.seq <= seq ? void waiter.resolve() : true));
  }
  reset(record: RoomRecord) {
    this.record = record;
    this.resets += 1;
  }
  until(seq: number, log: RoomLog): Promise<void> {
    if (log.folded >= seq) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ seq, resolve }));
  }
  owner() {
    return {
      fold: (e: Folded[]) => this.fold(e),
      record: () => this.record,
      reset: (r: RoomRecord) => this.reset(r),
    };
  }
}

const vote = (participant: string, poll: string, i: number): LogEntry => ({
  at: 1000 + i,
  participant,
  host: false,
  action: { type: 'vote', id: `a${i}`, poll, choice: i % 3 },
});
const pollEntry: LogEntry = {
  at: 10,
  participant: 'host',
  host: true,
  action: { type: 'poll-create', id: 'pc', title: 'Q', kind: 'single', options: ['a', 'b', 'c'] },
  newId: 'p1',
};
const pollOpen: LogEntry = {
  at: 11,
  participant: 'host',
  host: true,
  action: { type: 'poll-update', id: 'po', poll: 'p1', status: 'open' },
};

async function waitMeta(cluster: Cluster, id: string) {
  for (let i = 0; !cluster.storage.getRoom(id); i++) {
    if (i > 200) throw new Error('room never arrived');
    await new Promise((resolve) => setImmediate(resolve));
    await cluster.redis.ping();
  }
}

describe('the room log in Redis', () => {
  it('gives every node the same entries in the same order, each action once', async () => {
    const [a, b] = [await node(), await node()];
    const meta = newRoom(a);
    await waitMeta(b, meta.id);
    const [fa, fb] = [new Folder(meta), new Folder(meta)];
    const [la, lb] = [a.room(meta.id), b.room(meta.id)];
    await la.open(fa.owner());
    await lb.open(fb.owner());
    const appends = [];
    for (let i = 0; i < 50; i++) {
      const log = i % 2 ? la : lb;
      appends.push(log.append(vote(`p${i}`, 'p1', i), `p${i}\0a${i}`));
    }
    // The same action re-sent through the other node: logged once, answered with its first seq.
    const first = await appends[0]!;
    const again = await la.append(vote('p0', 'p1', 0), 'p0\0a0');
    expect(again).toEqual({ seq: first.seq, duplicate: true });
    const seqs = (await Promise.all(appends)).map((result) => result.seq);
    expect(new Set(seqs).size).toBe(50);
    await fa.until(50, la);
    await fb.until(50, lb);
    expect(fa.folded.map((f) => f.seq)).toEqual([...Array(50).keys()].map((i) => i + 1));
    expect(fb.folded).toEqual(fa.folded);
    await la.close();
    await lb.close();
  });

  it('appends a room’s actions together while one append is in flight (group commit)', async () => {
    const a = await node();
    const meta = newRoom(a);
    const log = a.room(meta.id);
    const folder = new Folder(meta);
    await log.open(folder.owner());
    const calls = async () => {
      const info = await a.redis.info('commandstats');
      return [...info.matchAll(/cmdstat_(?:evalsha|eval):calls=(\d+)/g)].reduce(
        (n, m) => n + Number(m[1]),
        0,
      );
    };
    const before = await calls();
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => log.append(vote(`p${i}`, 'p1', i), `p${i}\0a${i}`)),
    );
    expect(results.map((r) => r.seq)).toEqual([...Array(1000).keys()].map((i) => i + 1));
    // 1,000 actions, a handful of script calls: the first alone, the rest in batches of up to 512.
    expect((await calls()) - before).toBeLessThanOrEqual(4);
    await log.close();
  });

  it('recognises a re-sent action for the dedupe window, in hashes that expire behind it', async () => {
    const hour = 3600_000;
    let clock = 10 * hour;
    const a = await node({ dedupeWindowMs: hour, now: () => clock });
    const meta = newRoom(a);
    const log = a.room(meta.id);
    await log.open(new Folder(meta).owner());
    const ask: LogEntry = {
      at: 1,
      participant: 'p',
      host: false,
      action: { type: 'ask', id: 'q1', text: 'Kept?' },
      newId: 'qabc',
    };
    expect(await log.append(ask, 'p\0q1')).toEqual({ seq: 1, duplicate: false });
    // 59 minutes on, in the next period: still the first answer, the question's id with it.
    clock += 59 * 60_000;
    expect(await log.append(ask, 'p\0q1')).toEqual({ seq: 1, duplicate: true, newId: 'qabc' });
    // One hash, expiring at most 1.5 windows after its last write: Redis keeps the last window only.
    const hashes = await a.redis.keys(`{room:${meta.id}}:ids:*`);
    expect(hashes).toHaveLength(1);
    const ttl = await a.redis.pttl(hashes[0]!);
    expect(ttl).toBeGreaterThan(hour);
    expect(ttl).toBeLessThanOrEqual(1.5 * hour);
    // Past the window a re-send counts as new (the README says so).
    clock += 2 * hour;
    expect(await log.append(ask, 'p\0q1')).toEqual({ seq: 2, duplicate: false });
    await log.close();
  });

  it('catches up with XRANGE when a notification never came (the periodic head check)', async () => {
    const a = await node({ headCheckMs: 20 });
    const meta = newRoom(a);
    const folder = new Folder(meta);
    const log = a.room(meta.id);
    await log.open(folder.owner());
    // Another writer whose notifications go nowhere (a channel nobody hears).
    const raw = new Redis(redis.url);
    const keys = roomKeys(meta.id);
    const entries = [1, 2, 3].flatMap((i) => [`x${i}`, JSON.stringify(vote(`x${i}`, 'p1', i)), '']);
    const head = appendHead({ ...keys, channel: 'nowhere' }, 'other', Date.now(), 3600_000);
    await raw.eval(appendScript, appendKeyCount, ...head, ...entries);
    await raw.quit();
    await folder.until(3, log);
    expect(folder.folded.map((f) => [f.seq, f.node])).toEqual([
      [1, 'other'],
      [2, 'other'],
      [3, 'other'],
    ]);
    await log.close();
  });

  it('serves a room with 100,000 logged actions to a joining node within 1 s (snapshot + tail), the log trimmed', async () => {
    const a = await node({ snapshotEvery: 5000 });
    const meta = newRoom(a);
    const writer = new Folder(meta);
    const log = a.room(meta.id);
    await log.open(writer.owner());
    await log.append(pollEntry, 'host\0pc');
    await log.append(pollOpen, 'host\0po');
    const total = 100_000;
    let last = 0;
    for (let start = 0; start < total; start += 5000) {
      const batch = [];
      for (let i = start; i < start + 5000 && i < total - 2; i++)
        batch.push(log.append(vote(`p${i}`, 'p1', i), `p${i}\0a${i}`));
      last = (await Promise.all(batch)).at(-1)?.seq ?? last;
    }
    await writer.until(last, log);
    expect(last).toBe(total);
    expect(writer.record.polls.get('p1')!.responses.size).toBe(total - 2);
    // The last snapshot is written after its fold; the script keeps the newest.
    const keys = roomKeys(meta.id);
    for (let i = 0; Number(await a.redis.hget(keys.snapshot, 'seq')) < total; i++) {
      if (i > 100) throw new Error('no snapshot at the head');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await a.redis.xlen(keys.log)).toBeLessThanOrEqual(1000);

    const b = await node();
    await waitMeta(b, meta.id);
    const joiner = new Folder(meta);
    const started = performance.now();
    const joined = b.room(meta.id);
    await joined.open(joiner.owner());
    await joiner.until(total, joined);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(1000);
    expect(joiner.record.polls.get('p1')!.tally).toEqual(writer.record.polls.get('p1')!.tally);
    expect(joiner.record.polls.get('p1')!.responses.size).toBe(total - 2);
    console.log(`joined a room of ${total} actions in ${Math.round(ms)} ms`);
    await log.close();
    await joined.close();
  }, 60_000);

  it('refuses a room id another node took meanwhile, and mirrors that node’s room instead', async () => {
    const a = await node();
    const theirs: RoomMeta = {
      id: `taken-${Date.now()}`,
      title: 'Theirs',
      moderation: 'post',
      hostKeyHash: 'h1',
      createdAt: 1,
    };
    // Another node's write, not yet heard of here.
    await a.redis.set(roomKeys(theirs.id).meta, JSON.stringify(theirs));
    const ours = { ...theirs, title: 'Ours', hostKeyHash: 'h2' };
    await expect(a.storage.createRoom(ours)).rejects.toBeInstanceOf(RoomExistsError);
    expect(a.storage.getRoom(theirs.id)).toEqual(theirs);
    expect(JSON.parse((await a.redis.get(roomKeys(theirs.id).meta))!)).toEqual(theirs);
  });

  it('erases every key of a room and tells every node', async () => {
    const [a, b] = [await node(), await node()];
    const meta = newRoom(a);
    await waitMeta(b, meta.id);
    const log = a.room(meta.id);
    await log.open(new Folder(meta).owner());
    await log.append(vote('p', 'p1', 1), 'p\0a1');
    a.storage.addTombstone('t1', null);
    const erased = new Promise<string>((resolve) => b.onErased(resolve));
    a.storage.deleteRoom(meta.id);
    expect(await erased).toBe(meta.id);
    expect(b.storage.getRoom(meta.id)).toBeUndefined();
    expect(b.storage.hasTombstone('t1', Date.now())).toBe(true);
    expect(await a.redis.keys(`{room:${meta.id}}*`)).toEqual([]);
    // An append for an erased room is refused by the script, never recreates it.
    await expect(log.append(vote('p', 'p1', 2), 'p\0a2')).rejects.toThrow(/gone/);
    await log.close();
  });

  it('says whether acknowledged actions survive a Redis crash', async () => {
    const a = await node();
    expect(await a.persistence()).toMatchObject({ appendonly: 'yes', appendfsync: 'always', durable: true });
    await a.redis.config('SET', 'appendfsync', 'everysec');
    expect(await a.persistence()).toMatchObject({ durable: false, summary: expect.stringMatching(/lost/) });
    await a.redis.config('SET', 'appendfsync', 'always');
  });
});

describe('Redis unreachable', () => {
  it('fails appends as unavailable at once, and resumes when Redis is back', async () => {
    const a = await node({ headCheckMs: 20 });
    const meta = newRoom(a);
    const folder = new Folder(meta);
    const log = a.room(meta.id);
    await log.open(folder.owner());
    expect((await log.append(vote('p', 'p1', 1), 'p\0a1')).seq).toBe(1);
    await redis.kill();
    await expect(log.append(vote('p', 'p1', 2), 'p\0a2')).rejects.toBeInstanceOf(LogUnavailableError);
    // Reading goes on from memory.
    expect(a.storage.getRoom(meta.id)?.id).toBe(meta.id);
    await redis.restart();
    // The command connection reconnects on its own; once it is ready appends go through again.
    if (a.redis.status !== 'ready') await new Promise((resolve) => a.redis.once('ready', resolve));
    const result = await log.append(vote('p', 'p1', 2), 'p\0a2');
    // Nothing acknowledged before the crash was lost (AOF, fsync always).
    expect(result.seq).toBe(2);
    await folder.until(2, log);
    expect(folder.folded.map((f) => f.seq)).toEqual([1, 2]);
    await log.close();
  }, 30_000);
});
