/**
 * Three `plenum serve --redis` processes behind a round-robin front, real clients with their
 * outbox: a node SIGKILLed mid-burst, Redis SIGKILLed mid-burst, a node that was down coming
 * back. Every acknowledged action is counted once and every node holds the same room.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectRoom, type RoomConnection } from '@plenum/client';
import { buildCli, startCli, type CliProcess } from '../cli-harness.js';
import { api, openSocket, randomParticipant } from '../testing.js';
import { startRedis, type TestRedis } from './redis-server.js';

type Node = CliProcess;

/** Runs the built `plenum serve --redis`, on `port` (0: any), with the door's limits lifted. */
const startNode = (redis: string, port = 0): Promise<Node> =>
  startCli({
    port,
    args: ['--redis', redis, '--limit-ip-rate', '0'],
    env: { PLENUM_LIMIT_IP_SOCKETS: '0', PLENUM_LIMIT_QUESTIONS: '0' },
  });

/** A TCP front that hands each new connection to the next node, skipping nodes that refuse. */
async function startFront(ports: () => number[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    client.pause();
    open.add(client);
    const attempt = (tries: number) => {
      const list = ports();
      const upstream = connect(list[next++ % list.length]!, '127.0.0.1');
      upstream.once('connect', () => {
        open.add(upstream);
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      upstream.once('error', () => {
        upstream.destroy();
        if (tries < list.length) attempt(tries + 1);
        else client.destroy();
      });
      const drop = () => {
        client.destroy();
        upstream.destroy();
        open.delete(client);
        open.delete(upstream);
      };
      upstream.once('close', drop);
      client.once('close', drop);
      client.on('error', drop);
    };
    attempt(1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => {
      open.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let redis: TestRedis;
let nodes: Node[] = [];
let front: Awaited<ReturnType<typeof startFront>>;
const clients: RoomConnection[] = [];

beforeAll(async () => {
  // The nodes run from dist: build it from the current sources first.
  buildCli();
  redis = await startRedis();
  nodes = await Promise.all([0, 1, 2].map(() => startNode(redis.url)));
  front = await startFront(() => nodes.map((node) => node.port));
}, 60_000);

afterAll(async () => {
  clients.splice(0).forEach((client) => client.release());
  await front?.close();
  for (const node of nodes) await node.stop();
  await redis?.stop();
});

/** A room every node knows. */
async function newRoom(): Promise<{ room: string; hostKey: string }> {
  const { json } = await api(nodes[0]!.url, '/api/rooms', { method: 'POST', body: { title: 'Failover' } });
  for (const node of nodes) while ((await api(node.url, `/api/rooms/${json.room}`)).status !== 200);
  return json as { room: string; hostKey: string };
}

function participants(room: string, n: number): RoomConnection[] {
  const list = Array.from({ length: n }, () =>
    connectRoom({ server: front.url, room, participant: randomParticipant(), WebSocket }),
  );
  for (const client of list) client.retain();
  clients.push(...list);
  return list;
}

/** The questions a node holds (host view: every status), text -> how many. */
async function questionsOn(node: Node, room: string, hostKey: string): Promise<Map<string, number>> {
  const { json } = await api(node.url, `/api/rooms/${room}/report`, { key: hostKey });
  const counts = new Map<string, number>();
  for (const question of json.questions.list as { text: string }[])
    counts.set(question.text, (counts.get(question.text) ?? 0) + 1);
  return counts;
}

/** Every node holds exactly `texts`, each once. */
async function converged(room: string, hostKey: string, texts: string[], on = nodes): Promise<void> {
  for (const node of on) {
    let counts = await questionsOn(node, room, hostKey);
    // A node folds what others appended a moment later: ask again until it has it all.
    for (let i = 0; counts.size < texts.length && i < 500; i++)
      counts = await questionsOn(node, room, hostKey);
    expect([...counts.keys()].sort()).toEqual([...texts].sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  }
}

/** Each client asks `per` questions one after another; `midway` runs when half are sent. */
function burst(list: RoomConnection[], per: number, tag: string, midway: () => Promise<void>) {
  const acked: string[] = [];
  const total = list.length * per;
  let sent = 0;
  let during: Promise<void> | undefined;
  const runs = list.map(async (client, c) => {
    for (let i = 0; i < per; i++) {
      const text = `${tag} ${c}-${i}`;
      if (++sent >= total / 2) during ??= midway();
      await client.ask(text);
      acked.push(text);
    }
  });
  return Promise.all(runs).then(async () => {
    await during;
    return acked;
  });
}

describe('three nodes and Redis', () => {
  it('loses nothing acknowledged when a node is SIGKILLed mid-burst; clients go on through the others; the node catches up when back', async () => {
    const { room, hostKey } = await newRoom();
    const list = participants(room, 12);
    const victim = nodes[0]!;
    const acked = await burst(list, 8, 'node-kill', async () => {
      await victim.stop('SIGKILL');
    });
    expect(acked).toHaveLength(12 * 8);
    await converged(room, hostKey, acked, nodes.slice(1));
    // The dead node's sockets are logged as left once its lease runs out: `online` is the room's twelve.
    for (const node of nodes.slice(1)) {
      const screen = await openSocket(node.url, room, { display: true });
      await screen.until((view) => view.state.online === 12);
      screen.close();
    }
    // The node comes back (same port) and folds what it missed.
    nodes[0] = await startNode(redis.url, victim.port);
    await converged(room, hostKey, acked);
  }, 120_000);

  it('loses nothing acknowledged when Redis is SIGKILLed mid-burst and restarted (AOF, fsync always)', async () => {
    const { room, hostKey } = await newRoom();
    const list = participants(room, 12);
    const acked = await burst(list, 8, 'redis-kill', async () => {
      await redis.kill();
      await redis.restart();
    });
    expect(acked).toHaveLength(12 * 8);
    await converged(room, hostKey, acked);
    for (const node of nodes) expect(node.output()).toContain('acknowledged actions survive a Redis crash');
  }, 120_000);
});
