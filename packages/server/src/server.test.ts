import { PartySocket } from 'partysocket';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { roomParty, type ServerMessage, type Welcome } from '@plenum/protocol';
import { openSocket, randomParticipant } from './testing.js';
import { useTestServer } from './test-hooks.js';

const test = useTestServer();

describe('the server', () => {
  it('answers /healthz', async () => {
    const response = await fetch(`${test.url}/healthz`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, rooms: 0 });
    // The event loop's worst delay since start is there for monitoring.
    expect(health.eventLoopDelayMaxMs).toBeTypeOf('number');
    expect(health.eventLoopDelayP99Ms).toBeTypeOf('number');
  });

  it('exchanges a reaction with a real partysocket client', async () => {
    const socket = new PartySocket({
      host: new URL(test.url).host,
      protocol: 'ws',
      party: roomParty,
      room: test.room,
      WebSocket,
    });
    const messages: ServerMessage[] = [];
    const arrived = (type: string) =>
      new Promise<ServerMessage>((resolve) => {
        socket.addEventListener('message', (event: MessageEvent) => {
          const message = JSON.parse(String(event.data)) as ServerMessage;
          messages.push(message);
          if (message.type === type) resolve(message);
        });
      });
    const welcome = arrived('welcome');
    socket.addEventListener('open', () =>
      socket.send(JSON.stringify({ type: 'hello', v: 1, participant: randomParticipant() })),
    );
    expect(((await welcome) as Welcome).state.emojis).toContain('👏');

    const ack = arrived('ack');
    const patch = arrived('patch');
    socket.send(JSON.stringify({ type: 'react', id: 'r1', emoji: '👏' }));
    expect(await ack).toMatchObject({ type: 'ack', id: 'r1' });
    expect(await patch).toMatchObject({ type: 'patch', reactions: { '👏': 1 } });
    socket.close();
  });

  it("shows one participant's reaction to another", async () => {
    const alice = await openSocket(test.url, test.room, {});
    const bob = await openSocket(test.url, test.room, {});
    alice.send({ type: 'react', id: 'a1', emoji: '🎉' });
    expect(await bob.next('patch', (p) => p.reactions?.['🎉'] === 1)).toMatchObject({
      reactions: { '🎉': 1 },
    });
    alice.close();
    bob.close();
  });

  it('counts people, not the host console or a projector, as viewers', async () => {
    const host = await openSocket(test.url, test.room, { hostKey: test.hostKey });
    const projector = await openSocket(test.url, test.room, { display: true });
    const person = await openSocket(test.url, test.room, {});
    expect(projector.received[0]).toMatchObject({ type: 'welcome' });
    const report = await fetch(`${test.url}/api/rooms/${test.room}/report`, {
      headers: { Authorization: `Bearer ${test.hostKey}` },
    });
    const { audience } = (await report.json()) as { audience: Record<string, number> };
    expect(audience).toMatchObject({ viewers: 1, peakConnections: 1, connectionsNow: 1 });
    [host, projector, person].forEach((socket) => socket.close());
  });

  it('closes a socket to an unknown room with 4404', async () => {
    const socket = await openSocket(test.url, 'no-such-room');
    expect(await socket.closed).toEqual({ code: 4404, reason: 'Unknown room' });
  });
});
