/** waitReplicas: an append is acknowledged only once a replica has it (WAITAOF, or WAIT on Redis 7.0). */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry, RoomMeta } from '../storage/storage.js';
import { Cluster } from './cluster.js';
import { roomKeys } from './keys.js';
import { LogUnavailableError } from './room-log.js';
import { startRedis, type TestRedis } from './redis-server.js';

let primary: TestRedis;
let replica: TestRedis;
let watcher: Redis;
const clusters: Cluster[] = [];

/** Until the primary counts `n` replicas online (polled, bounded to 10 s). */
async function replicasOnline(n: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const info = await watcher.info('replication');
    if ((info.match(/state=online/g) ?? []).length >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the primary never counted ${n} replica(s) online`);
}

beforeAll(async () => {
  // The first sync at once, not after the default 5 s gathering replicas.
  primary = await startRedis(['--repl-diskless-sync-delay', '0']);
  replica = await startRedis(['--replicaof', '127.0.0.1', String(primary.port)]);
  watcher = new Redis(primary.url);
  await replicasOnline(1);
}, 30_000);
afterAll(async () => {
  watcher.disconnect();
  // A restarted replica may sit on SIGTERM (redis-server 7.0 schedules its shutdown and waits); it holds nothing to keep.
  await replica.kill();
  await replica.stop();
  await primary.stop();
});
afterEach(async () => {
  await Promise.all(clusters.splice(0).map((cluster) => cluster.close()));
});

async function roomOn(cluster: Cluster) {
  const meta: RoomMeta = {
    id: `r-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
    title: 'Replicas',
    moderation: 'post',
    hostKeyHash: 'x',
    createdAt: 1,
  };
  await cluster.storage.createRoom(meta);
  const log = cluster.room(meta.id);
  await log.open({ fold: () => undefined, record: () => ({}) as never, reset: () => undefined });
  return { meta, log };
}

const react = (i: number): LogEntry => ({
  at: 1000 + i,
  participant: 'p',
  host: false,
  action: { type: 'react', id: `a${i}`, emoji: '👍' },
});

describe('waitReplicas', () => {
  it('acknowledges an append only once the replica has it', async () => {
    const cluster = await Cluster.connect({ url: primary.url, waitReplicas: 1, warn: () => undefined });
    clusters.push(cluster);
    expect(cluster.replicaWait).toMatch(/1 replica/);
    const { meta, log } = await roomOn(cluster);
    const fromReplica = new Redis(replica.url);
    try {
      for (let i = 1; i <= 20; i++) {
        const { seq } = await log.append(react(i), `p\0a${i}`);
        // The moment the append resolved, the replica holds the entry.
        expect(await fromReplica.xlen(roomKeys(meta.id).log)).toBe(seq);
      }
    } finally {
      fromReplica.disconnect();
    }
    await log.close();
  });

  it('answers `unavailable` while the replica is away, and the re-sent action once it is back, logged once', async () => {
    const cluster = await Cluster.connect({
      url: primary.url,
      waitReplicas: 1,
      waitReplicasTimeoutMs: 200,
      warn: () => undefined,
    });
    clusters.push(cluster);
    const { log } = await roomOn(cluster);
    expect((await log.append(react(1), 'p\0a1')).seq).toBe(1);
    await replica.kill();
    await expect(log.append(react(2), 'p\0a2')).rejects.toThrow(LogUnavailableError);
    await expect(log.append(react(2), 'p\0a2')).rejects.toThrow(/replica/);
    await replica.restart();
    await replicasOnline(1);
    // The client's outbox sends it again: the entry logged while the replica was away is its answer.
    expect(await log.append(react(2), 'p\0a2')).toEqual({ seq: 2, duplicate: true });
    await log.close();
  }, 30_000);
});
