/** Two servers on one Redis: any node serves any room, the same room on both, presence summed, erase everywhere, Redis away. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRoomRecord } from '../rooms.js';
import { startServer, type PlenumServer } from '../server.js';
import { api, openSocket, randomParticipant, type TestSocket } from '../testing.js';
import { Cluster } from './cluster.js';
import { roomKeys } from './keys.js';
import { startRedis, type TestRedis } from './redis-server.js';

let redis: TestRedis;
const servers: PlenumServer[] = [];
const clusters = new Map<PlenumServer, Cluster>();
const sockets: TestSocket[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function node(options: { snapshotEvery?: number } = {}): Promise<PlenumServer> {
  const cluster = await Cluster.connect({
    url: redis.url,
    headCheckMs: 50,
    warn: () => undefined,
    ...options,
  });
  const server = await startServer({ port: 0, storage: cluster.storage, cluster });
  servers.push(server);
  clusters.set(server, cluster);
  return server;
}

/** A room made on `a`, once `others` know it (the index reaches them over pub/sub). */
async function newRoom(a: PlenumServer, ...others: PlenumServer[]) {
  const { meta, hostKey } = createRoomRecord(a.storage, { title: 'Cluster test' });
  for (const other of others) {
    while (!other.storage.getRoom(meta.id)) await api(other.url, `/api/rooms/${meta.id}`);
  }
  return { room: meta.id, hostKey };
}

const open = async (server: PlenumServer, room: string, hello: Parameters<typeof openSocket>[2] = {}) => {
  const socket = await openSocket(server.url, room, { participant: randomParticipant(), ...hello });
  sockets.push(socket);
  return socket;
};

describe('cluster mode', () => {
  it('serves one room from two nodes: every vote counted once, both nodes hold the same room', async () => {
    const [a, b] = [await node(), await node()];
    const { room, hostKey } = await newRoom(a, b);
    const created = await api(b.url, `/api/rooms/${room}/polls`, {
      method: 'POST',
      key: hostKey,
      body: { title: 'Which?', kind: 'single', options: ['x', 'y'] },
    });
    expect(created.status).toBe(201);
    const poll = created.json.id as string;
    expect(
      (
        await api(a.url, `/api/rooms/${room}/polls/${poll}`, {
          method: 'PATCH',
          key: hostKey,
          body: { status: 'open' },
        })
      ).status,
    ).toBe(200);

    const voters = await Promise.all(Array.from({ length: 10 }, (_, i) => open(i % 2 ? a : b, room)));
    const acks = await Promise.all(
      voters.map((voter, i) => voter.act({ type: 'vote', poll, choice: i % 2 })),
    );
    expect(acks.every((ack) => ack.type === 'ack')).toBe(true);
    const responses = (view: { state: { polls: { id: string; responses: number }[] } }) =>
      view.state.polls.find((p) => p.id === poll)?.responses ?? 0;
    // Each node's clients see every vote, wherever it was cast.
    for (const voter of [voters[0]!, voters[1]!]) await voter.until((view) => responses(view) >= 10);
    const viewA = (await api(a.url, `/api/rooms/${room}`)).json;
    const viewB = (await api(b.url, `/api/rooms/${room}`)).json;
    expect(viewA.polls).toEqual(viewB.polls);
    expect(viewA.polls[0].responses).toBe(10);
    // Presence is the room's: both nodes count all ten sockets.
    expect(viewA.online).toBe(10);
    expect(viewB.online).toBe(10);
  });

  it('answers a re-sent action through another node with its first answer, counted once', async () => {
    const [a, b] = [await node(), await node()];
    const { room } = await newRoom(a, b);
    const participant = randomParticipant();
    const onA = await open(a, room, { participant });
    const asked = await onA.act({ type: 'ask', id: 'ask-1', text: 'Will it scale?' });
    expect(asked).toMatchObject({ type: 'ack', result: { id: expect.any(String) } });
    onA.close();
    const onB = await open(b, room, { participant });
    const again = await onB.act({ type: 'ask', id: 'ask-1', text: 'Will it scale?' });
    expect(again).toEqual(asked);
    const view = (await api(b.url, `/api/rooms/${room}`)).json;
    expect(view.questions).toHaveLength(1);
  });

  it('answers a question re-sent to a node that loaded the room from a snapshot with its id, asked once', async () => {
    const [a, b] = [await node({ snapshotEvery: 5 }), await node({ snapshotEvery: 5 })];
    const { meta } = createRoomRecord(a.storage, { title: 'Snapshots' });
    const room = meta.id;
    const participant = randomParticipant();
    const onA = await open(a, room, { participant });
    const asked = await onA.act({ type: 'ask', id: 'ask-1', text: 'Is my question kept?' });
    expect(asked).toMatchObject({ type: 'ack', id: 'ask-1', result: { id: expect.any(String) } });
    const question = (asked as { result: { id: string } }).result.id;
    // Enough after it for a snapshot past the question; b has not hosted the room yet.
    // (each socket's join is an entry of the log)
    for (let i = 0; i < 6; i++) await open(a, room);
    const snapshotSeq = async () => Number(await clusters.get(a)!.redis.hget(roomKeys(room).snapshot, 'seq'));
    for (let i = 0; (await snapshotSeq()) < 5; i++) if (i > 200) throw new Error('no snapshot');
    while (!b.storage.getRoom(room)) await clusters.get(b)!.redis.ping();
    onA.close();
    // Its ack was lost, say: the outbox sends it again through b, which starts from the snapshot.
    const onB = await open(b, room, { participant });
    const again = await onB.act({ type: 'ask', id: 'ask-1', text: 'Is my question kept?' });
    expect(again).toEqual({ type: 'ack', id: 'ask-1', result: { id: question } });
    const view = (await api(b.url, `/api/rooms/${room}`)).json;
    expect(view.questions.map((q: { id: string }) => q.id)).toEqual([question]);
  });

  it('erases a room on every node', async () => {
    const [a, b] = [await node(), await node()];
    const { room, hostKey } = await newRoom(a, b);
    const onB = await open(b, room);
    expect((await api(a.url, `/api/rooms/${room}`, { method: 'DELETE', key: hostKey })).status).toBe(204);
    expect((await onB.closed).code).toBe(4404);
    expect((await api(b.url, `/api/rooms/${room}`)).status).toBe(404);
  });

  it('answers an erase with 204 only once Redis has done it, and 503 with the room kept when it cannot', async () => {
    const [a, b] = [await node(), await node()];
    const { room, hostKey } = await newRoom(a, b);
    const erase = () => api(a.url, `/api/rooms/${room}`, { method: 'DELETE', key: hostKey });
    await redis.kill();
    try {
      const refused = await erase();
      expect([refused.status, refused.json.error.code]).toEqual([503, 'unavailable']);
      expect(a.storage.getRoom(room)).toBeDefined();
    } finally {
      await redis.restart();
    }
    const redisOfA = clusters.get(a)!.redis;
    if (redisOfA.status !== 'ready') await new Promise((resolve) => redisOfA.once('ready', resolve));
    expect((await erase()).status).toBe(204);
    const raw = new Redis(redis.url);
    try {
      expect(await raw.exists(roomKeys(room).meta, roomKeys(room).log)).toBe(0);
      expect(await raw.sismember('plenum:rooms', room)).toBe(0);
    } finally {
      raw.disconnect();
    }
    while (b.storage.getRoom(room)) await api(b.url, `/api/rooms/${room}`);
    expect((await api(b.url, `/api/rooms/${room}`)).status).toBe(404);
  }, 30_000);

  it("serves a room made on another node at once, before the other node's notice arrives", async () => {
    const b = await node();
    // Written as another node writes it, but without the notice on the control channel.
    const raw = new Redis(redis.url);
    const made = (id: string) =>
      raw.set(
        roomKeys(id).meta,
        JSON.stringify({ id, title: 'Made elsewhere', moderation: 'post', hostKeyHash: 'x', createdAt: 1 }),
      );
    try {
      await made('elsewhere');
      await made('elsewhere2');
    } finally {
      raw.disconnect();
    }
    expect(b.storage.getRoom('elsewhere')).toBeUndefined();
    const read = await api(b.url, '/api/rooms/elsewhere');
    expect([read.status, read.json.title]).toEqual([200, 'Made elsewhere']);
    const socket = await open(b, 'elsewhere2');
    expect(socket.received.map((message) => message.type)).toEqual(['welcome']);
    expect((await api(b.url, '/api/rooms/nosuchroom')).status).toBe(404);
  }, 30_000);

  it('answers POST /api/rooms with 201 only once Redis has the room, and 503 with nothing left behind when it cannot', async () => {
    const [a, b] = [await node(), await node()];
    const created = await api(a.url, '/api/rooms', { method: 'POST', body: { title: 'Made on a' } });
    expect(created.status).toBe(201);
    const room = created.json.room as string;
    const raw = new Redis(redis.url);
    try {
      expect(JSON.parse((await raw.get(roomKeys(room).meta))!)).toMatchObject({
        id: room,
        title: 'Made on a',
      });
      expect(await raw.sismember('plenum:rooms', room)).toBe(1);
    } finally {
      raw.disconnect();
    }
    // Another node serves it: its host key works there.
    while (!b.storage.getRoom(room)) await api(b.url, `/api/rooms/${room}`);
    const poll = await api(b.url, `/api/rooms/${room}/polls`, {
      method: 'POST',
      key: created.json.hostKey as string,
      body: { title: 'Here too?', kind: 'single', options: ['yes', 'no'] },
    });
    expect(poll.status).toBe(201);

    const rooms = a.storage.roomCount();
    await redis.kill();
    try {
      const refused = await api(a.url, '/api/rooms', { method: 'POST', body: { title: 'Nowhere' } });
      expect(refused.status).toBe(503);
      expect(refused.json.error.code).toBe('unavailable');
      expect(a.storage.roomCount()).toBe(rooms);
    } finally {
      await redis.restart();
    }
    const redisOfA = clusters.get(a)!.redis;
    if (redisOfA.status !== 'ready') await new Promise((resolve) => redisOfA.once('ready', resolve));
    expect((await api(a.url, '/api/rooms', { method: 'POST', body: {} })).status).toBe(201);
  }, 30_000);

  it('answers a passcode change with 200 only once Redis has it, and 503 with the old code kept when it cannot', async () => {
    const [a, b] = [await node(), await node()];
    const { room, hostKey } = await newRoom(a, b);
    const patch = (passcode: string) =>
      api(a.url, `/api/rooms/${room}`, { method: 'PATCH', key: hostKey, body: { passcode } });
    expect((await patch('erste-tuer')).status).toBe(200);
    const raw = new Redis(redis.url);
    try {
      expect(JSON.parse((await raw.get(roomKeys(room).meta))!)).toHaveProperty('passcodeHash');
    } finally {
      raw.disconnect();
    }
    const before = a.storage.getRoom(room)!.passcodeHash;

    await redis.kill();
    try {
      const refused = await patch('zweite-tuer');
      expect([refused.status, refused.json.error.code]).toEqual([503, 'unavailable']);
      expect(a.storage.getRoom(room)!.passcodeHash).toBe(before);
    } finally {
      await redis.restart();
    }
    // The first code still opens the room, on the node that refused and on the other one.
    for (const server of [a, b]) {
      const socket = await open(server, room, { passcode: 'erste-tuer' });
      expect(socket.received.map((message) => message.type)).toEqual(['welcome']);
    }
  }, 30_000);

  it('answers actions `unavailable` while Redis is away, reads on from memory, and resumes', async () => {
    const [a] = [await node()];
    const { room } = await newRoom(a);
    const socket = await open(a, room);
    expect((await socket.act({ type: 'react', emoji: '👍' })).type).toBe('ack');
    await redis.kill();
    expect(await socket.act({ type: 'react', emoji: '👍' })).toMatchObject({
      type: 'error',
      code: 'unavailable',
    });
    expect((await api(a.url, `/api/rooms/${room}`)).status).toBe(200);
    await redis.restart();
    const redisOfA = clusters.get(a)!.redis;
    if (redisOfA.status !== 'ready') await new Promise((resolve) => redisOfA.once('ready', resolve));
    expect((await socket.act({ type: 'react', emoji: '👍' })).type).toBe('ack');
  }, 30_000);
});
