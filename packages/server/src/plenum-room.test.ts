import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@plenum/protocol';
import type { Frame } from './frames.js';
import type { Connection, Room } from './party.js';
import { PlenumRoom } from './plenum-room.js';
import { createRoomRecord } from './rooms.js';
import { MemoryStorage } from './storage/memory.js';
import { randomParticipant } from './testing.js';

/** A room with in-memory connections whose send buffer the test controls. */
function fakeRoom() {
  const storage = new MemoryStorage();
  const { meta } = createRoomRecord(storage, { title: 'Unit' });
  const connections = new Map<string, FakeConnection>();
  const waiters = new Set<() => void>();
  // The state is the party's to set (see PartyType): the fake, like the host, holds none of its own.
  class FakeConnection implements Connection<never> {
    state = undefined;
    bufferedAmount = 0;
    readonly sent: ServerMessage[] = [];
    constructor(readonly id: string) {}
    send(...messages: (string | Frame)[]) {
      for (const message of messages)
        this.sent.push(JSON.parse(typeof message === 'string' ? message : message.text) as ServerMessage);
      for (const check of [...waiters]) check();
    }
    close() {}
  }
  const room: Room<never> = {
    id: meta.id,
    broadcast: (message) => connections.forEach((c) => c.send(message)),
    getConnections: () => connections.values(),
  };
  const party = new PlenumRoom(room, { storage });
  party.onStart();
  return {
    party,
    join(hello: object = {}) {
      const connection = new FakeConnection(crypto.randomUUID());
      connections.set(connection.id, connection);
      party.onConnect(connection, { request: {} as IncomingMessage, address: '127.0.0.1' });
      party.onMessage(
        JSON.stringify({ type: 'hello', v: 1, participant: randomParticipant(), ...hello }),
        connection,
      );
      return connection;
    },
    /** Resolves once `test` holds, checked after every message sent. */
    until(test: () => boolean): Promise<void> {
      if (test()) return Promise.resolve();
      return new Promise((resolve) => {
        const check = () => {
          if (!test()) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
  };
}

const patches = (c: { sent: ServerMessage[] }) => c.sent.filter((m) => m.type === 'patch');
const welcomes = (c: { sent: ServerMessage[] }) => c.sent.filter((m) => m.type === 'welcome');

describe('a slow client', () => {
  it('is skipped while its buffer is full, then resynced with a snapshot once drained', async () => {
    const room = fakeRoom();
    const fast = room.join();
    const slow = room.join();
    slow.bufferedAmount = 2 << 20;
    room.party.onMessage(JSON.stringify({ type: 'ask', id: 'a1', text: 'Erste Frage' }), fast);
    await room.until(() => patches(fast).some((p) => p.questions?.length));
    expect(patches(slow)).toEqual([]);

    // Nothing else happens in the room: the slow client still catches up once it drains.
    slow.bufferedAmount = 0;
    await room.until(() => welcomes(slow).length === 2);
    const snapshot = welcomes(slow)[1]!;
    expect(snapshot.state.questions.map((q) => q.text)).toEqual(['Erste Frage']);
    expect(snapshot.seq).toBe(patches(fast).at(-1)!.seq);

    room.party.onMessage(JSON.stringify({ type: 'ask', id: 'a2', text: 'Zweite Frage' }), fast);
    await room.until(() => patches(slow).length > 0);
    expect(patches(slow)[0]).toMatchObject({ seq: snapshot.seq + 1, questions: [{ text: 'Zweite Frage' }] });
    room.party.onStop();
  });
});
