/**
 * The room's socket: partysocket's reconnecting WebSocket on the server's party path. Its
 * PartySocket wrapper would only build this URL (adding an id the server never reads) and
 * cost a kilobyte of the embed bundle's budget.
 */
import ReconnectingWebSocket, { type CloseEvent } from 'partysocket/ws';
import { roomSocketPath } from '@plenum/protocol';

// The WHATWG URL parser is global in every runtime the client runs in (browsers, Node); the
// client compiles without the DOM library, so it names just the part it uses.
declare const URL: new (input: string, base?: string) => { protocol: string; href: string };

export type RoomSocket = ReconnectingWebSocket;

export interface RoomSocketOptions {
  /** The Plenum server, e.g. `https://events.example.org`. */
  server: string;
  room: string;
  /** In Node, `ws`'s WebSocket; browsers have their own. */
  WebSocket?: unknown;
  /** False for a close that another attempt cannot mend (the server refused us). */
  shouldReconnectOnClose: (event: CloseEvent) => boolean;
}

export function openRoomSocket(options: RoomSocketOptions): RoomSocket {
  const url = new URL(roomSocketPath(options.room), options.server);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new ReconnectingWebSocket(url.href, undefined, {
    WebSocket: options.WebSocket,
    // Jitter, so a restarted server is not hit by every client in the same second.
    minReconnectionDelay: 500 + Math.random() * 2500,
    maxReconnectionDelay: 15_000,
    shouldReconnectOnClose: options.shouldReconnectOnClose,
  });
}
