import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '@plenum/protocol';
import { FanOut, storeWaitMs, type Batch, type Recipient } from './fan-out.js';
import { Frame } from './frames.js';
import type { Connection } from './party.js';
import { bufferLimitBytes } from './party-host.js';

/** A clock the connections move: every send costs one millisecond. */
let clock = 0;

class FakeConnection implements Connection<Recipient> {
  /** Every message, in order, and the socket writes they went in. */
  readonly sent: string[] = [];
  readonly writes: string[][] = [];
  bufferedAmount = 0;
  state: Recipient;
  constructor(
    readonly id: string,
    host = false,
  ) {
    this.state = { participant: `p-${id}`, host, stale: false };
  }
  send(...messages: (string | Frame)[]): void {
    clock += 1;
    const texts = messages.map((message) => (typeof message === 'string' ? message : message.text));
    this.sent.push(...texts);
    this.writes.push(texts);
  }
  close(): void {}
}

/** A room of `n` members with the batch the test sets for the next tick. */
function fakeRoom(n: number) {
  const connections = Array.from({ length: n }, (_, i) => new FakeConnection(String(i), i === 0));
  let next: Batch = {};
  let store = (): Promise<unknown> | undefined => undefined;
  const fanOut = new FanOut<Recipient, Recipient>(
    {
      connections: () => connections,
      member: (connection) => connection.state,
      take: () => {
        const batch = next;
        next = {};
        return batch;
      },
      store: () => store(),
      welcome: (member) => ({ type: 'welcome', participant: member.participant }) as unknown as ServerMessage,
      personal: (participant) => ({ type: 'mine', participant }) as unknown as ServerMessage,
    },
    { clock: () => clock },
  );
  const patch = (text: string): Batch => ({
    patch: { public: Frame.text(`public ${text}`), host: Frame.text(`host ${text}`) },
  });
  return {
    connections,
    fanOut,
    /** The next tick sends this patch. */
    change(text: string, more: Partial<Batch> = {}) {
      next = { ...patch(text), ...more };
    },
    received: () => connections.map((c) => c.sent.length),
    /** What the room's log does when the tick asks it to store what waits. */
    onStore(next: () => Promise<unknown> | undefined) {
      store = next;
    },
  };
}

/** One turn of the event loop: the fan-out's next slice (queued before this) has run. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  clock = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => vi.useRealTimers());

describe('the fan-out', () => {
  it('sends each audience its own bytes, and a personal message only to whom it concerns', () => {
    const room = fakeRoom(3);
    room.change('1', { personal: new Set(['p-2']) });
    room.fanOut.tick();
    expect(room.connections.map((c) => c.sent)).toEqual([
      ['host 1'],
      ['public 1'],
      ['public 1', JSON.stringify({ type: 'mine', participant: 'p-2' })],
    ]);
  });

  it('sends a full room in time slices, one per turn of the event loop', async () => {
    const room = fakeRoom(100);
    room.change('1');
    room.fanOut.tick();
    // 12 ms of budget, the clock read every 32 sockets: 32 sockets (32 ms) in the first turn.
    expect(room.received().filter((n) => n === 1)).toHaveLength(32);
    await nextTurn();
    expect(room.received().filter((n) => n === 1)).toHaveLength(64);
    await nextTurn();
    await nextTurn();
    expect(room.received()).toEqual(Array(100).fill(1));
  });

  it('holds the next tick until the last slice is out, then sends it at once', async () => {
    const room = fakeRoom(64);
    room.change('1');
    room.fanOut.tick();
    room.change('2');
    room.fanOut.tick();
    expect(room.connections[63]!.sent).toEqual([]);
    await nextTurn();
    // The last slice of tick 1 went out, and tick 2 followed in the same turn (its first slice).
    expect(room.connections[63]!.sent).toEqual(['public 1']);
    expect(room.connections[1]!.sent).toEqual(['public 1', 'public 2']);
    await nextTurn();
    expect(room.received()).toEqual(Array(64).fill(2));
  });

  it('skips a client that is not reading and resyncs it with a welcome once drained', () => {
    const room = fakeRoom(2);
    const [fast, slow] = room.connections as [FakeConnection, FakeConnection];
    slow.bufferedAmount = bufferLimitBytes + 1;
    room.change('1');
    room.fanOut.tick();
    expect(fast.sent).toEqual(['host 1']);
    expect(slow.sent).toEqual([]);
    expect(slow.state.stale).toBe(true);

    // Nothing changes in the room: the resync still goes on the next tick, and waits while the socket is full.
    vi.advanceTimersToNextTimer();
    expect(slow.sent).toEqual([]);
    slow.bufferedAmount = 0;
    vi.advanceTimersToNextTimer();
    expect(slow.sent).toEqual([JSON.stringify({ type: 'welcome', participant: 'p-1' })]);
    expect(fast.sent).toEqual(['host 1']);
    expect(slow.state.stale).toBe(false);

    // Caught up: from now on it gets patches like everyone.
    room.change('2');
    room.fanOut.tick();
    expect(slow.sent.at(-1)).toBe('public 2');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resyncs everyone when the room starts over from a snapshot', () => {
    const room = fakeRoom(3);
    room.fanOut.resyncAll();
    vi.advanceTimersToNextTimer();
    expect(room.connections.map((c) => c.sent.map((m) => JSON.parse(m).type))).toEqual([
      ['welcome'],
      ['welcome'],
      ['welcome'],
    ]);
  });

  it('sends what is pending when it stops, slices included, and ticks no more', () => {
    const room = fakeRoom(100);
    room.change('1');
    room.fanOut.tick();
    room.change('2', { more: true });
    room.fanOut.stop();
    expect(room.received()).toEqual(Array(100).fill(2));
    expect(vi.getTimerCount()).toBe(0);
  });

  describe('answers', () => {
    const ack = (id: string) => ({ type: 'ack', id }) as ServerMessage;

    it('leave with the patch in one write, in a quiet room as soon as they are given', () => {
      const room = fakeRoom(2);
      const [host, member] = room.connections as [FakeConnection, FakeConnection];
      room.change('1');
      room.fanOut.schedule();
      room.fanOut.answer(member, ack('a1'));
      // No tick for a tick interval before: the answer brings this one forward to now.
      vi.advanceTimersByTime(0);
      expect(member.writes).toEqual([[JSON.stringify(ack('a1')), 'public 1']]);
      expect(host.writes).toEqual([['host 1']]);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('do not wait in a busy room: a tick went out less than a tick interval ago', () => {
      const room = fakeRoom(2);
      const member = room.connections[1]!;
      room.change('1');
      room.fanOut.tick();
      // 10 ms after that tick began (its sends moved the clock too), with a change waiting.
      clock = 10;
      room.change('2');
      room.fanOut.schedule();
      room.fanOut.answer(member, ack('a1'));
      expect(member.writes).toEqual([['public 1'], [JSON.stringify(ack('a1'))]]);
      vi.advanceTimersByTime(50);
      expect(member.writes.at(-1)).toEqual(['public 2']);
    });

    it('given while a tick goes out in slices, go at once, reached by it or not', () => {
      const room = fakeRoom(64);
      const [first, last] = [room.connections[1]!, room.connections[63]!];
      room.change('1');
      room.fanOut.tick();
      room.fanOut.answer(first, ack('a1'));
      room.fanOut.answer(last, ack('a2'));
      // Not a whole delivery later: the rest of this tick is still on its way to others.
      expect(first.writes).toEqual([['public 1'], [JSON.stringify(ack('a1'))]]);
      expect(last.writes).toEqual([[JSON.stringify(ack('a2'))]]);
    });

    it('reach a connection the tick does not (no member, or not reading), alone', () => {
      const room = fakeRoom(2);
      const [host, slow] = room.connections as [FakeConnection, FakeConnection];
      slow.bufferedAmount = bufferLimitBytes + 1;
      const stranger = new FakeConnection('x');
      room.change('1');
      room.fanOut.schedule();
      room.fanOut.answer(slow, ack('a1'));
      room.fanOut.answer(stranger, ack('a2'));
      vi.advanceTimersByTime(0);
      expect(host.writes).toEqual([['host 1']]);
      expect(slow.writes).toEqual([[JSON.stringify(ack('a1'))]]);
      expect(stranger.writes).toEqual([[JSON.stringify(ack('a2'))]]);
    });

    it('of actions stored by the tick itself go with it, once they are durable', async () => {
      const room = fakeRoom(2);
      const member = room.connections[1]!;
      let durable!: () => void;
      room.onStore(() => {
        const stored = new Promise<void>((resolve) => (durable = resolve));
        // As a commit does: its answers are given from the same promise's callbacks.
        void stored.then(() => room.fanOut.answer(member, ack('a1')));
        return stored;
      });
      room.change('1');
      room.fanOut.schedule();
      vi.advanceTimersByTime(50);
      await nextTurn();
      expect(member.writes).toEqual([]);
      durable();
      // Its callbacks run, then the tick goes in the turn after.
      await nextTurn();
      await nextTurn();
      expect(member.writes).toEqual([[JSON.stringify(ack('a1')), 'public 1']]);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('wait for a slow disk no longer than a moment: the patch goes without them', () => {
      const room = fakeRoom(2);
      const member = room.connections[1]!;
      room.onStore(() => new Promise(() => undefined));
      room.change('1');
      room.fanOut.schedule();
      vi.advanceTimersByTime(50);
      expect(member.writes).toEqual([]);
      vi.advanceTimersByTime(storeWaitMs);
      expect(member.writes).toEqual([['public 1']]);
    });

    it('go at once when no tick waits to go: their change went out already', () => {
      const room = fakeRoom(2);
      const member = room.connections[1]!;
      room.change('1');
      room.fanOut.tick();
      room.fanOut.answer(member, ack('a1'));
      expect(member.writes).toEqual([['public 1'], [JSON.stringify(ack('a1'))]]);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('go at once once the fan-out has stopped', () => {
      const room = fakeRoom(2);
      const member = room.connections[1]!;
      room.fanOut.schedule();
      room.fanOut.answer(member, ack('a1'));
      room.fanOut.stop();
      expect(member.writes).toEqual([[JSON.stringify(ack('a1'))]]);
      room.fanOut.answer(member, ack('a2'));
      expect(member.writes).toEqual([[JSON.stringify(ack('a1'))], [JSON.stringify(ack('a2'))]]);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
