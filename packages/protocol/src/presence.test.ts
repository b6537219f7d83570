import { describe, expect, it } from 'vitest';
import { createRoom } from './model.js';
import { join, leave } from './presence.js';
import { report } from './report.js';

describe('presence', () => {
  it('counts connections for concurrency and distinct participants for viewers', () => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    expect(join(room, 'alice', 10)).toBe(1);
    expect(join(room, 'alice', 20)).toBe(2); // a second tab
    expect(join(room, 'bob', 30)).toBe(3);
    expect(leave(room, 'alice', 40)).toBe(2);
    expect(join(room, 'carol', 50)).toBe(3);
    expect(leave(room, 'bob', 60)).toBe(2);
    expect(leave(room, 'alice', 70)).toBe(1);
    expect(join(room, 'alice', 80)).toBe(2);
    expect(report(room).audience).toEqual({
      viewers: 3,
      peakConnections: 3,
      peakAt: 30,
      connectionsNow: 2,
      activeParticipants: 0,
    });
  });

  it('ignores a leave without a join', () => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    expect(leave(room, 'ghost', 1)).toBe(0);
    join(room, 'alice', 2);
    expect(leave(room, 'alice', 3)).toBe(0);
    expect(leave(room, 'alice', 4)).toBe(0);
    expect(room.presence.connections.size).toBe(0);
  });
});
