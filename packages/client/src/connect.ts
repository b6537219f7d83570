import { RoomConnection, type ConnectOptions } from './room.js';

// Global in browsers and Node; the client compiles without the DOM library (see socket.ts).
declare const URL: new (input: string) => { origin: string };

const rooms = new Map<string, RoomConnection>();

/**
 * The connection for this server and room, shared by everything on the page that asks for
 * it. Its socket is open while anything subscribes to its stores or waits for an action.
 * A `passcode` given to a later call replaces the shared connection's (see `usePasscode`).
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
  else if (options.passcode && options.passcode.trim() !== room.passcode) room.usePasscode(options.passcode);
  return room;
}
