import { RoomConnection, type ConnectOptions } from './room.js';

// Global in browsers and Node; the client compiles without the DOM library (see socket.ts).
declare const URL: new (input: string) => { origin: string };

const rooms = new Map<string, RoomConnection>();

/**
 * The connection for this server and room, shared by everything on the page that asks for
 * it. Its socket is open while anything subscribes to its stores or waits for an action.
 */
export function connectRoom(options: ConnectOptions): RoomConnection {
  const key = JSON.stringify([
    new URL(options.server).origin,
    options.room,
    options.hostKey ?? '',
    options.participant ?? '',
    options.display ?? false,
  ]);
  let room = rooms.get(key);
  if (!room) rooms.set(key, (room = new RoomConnection(options)));
  return room;
}
