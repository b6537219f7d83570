/**
 * The rooms this browser hosts, kept in localStorage: their host keys, so the list opens
 * them, and the passcode set here (the server keeps only its hash, and the links need it;
 * the host key beside it opens more than the passcode does). Everything else of a room (its
 * event page too) lives with the room on the server.
 */
import { atom } from 'nanostores';
import type { Moderation } from '@plenum/protocol';

export interface HostedRoom {
  room: string;
  title: string;
  hostKey: string;
  moderation: Moderation;
  addedAt: number;
  /** The room's passcode, when it was set in this browser. */
  passcode?: string;
}

const storageKey = 'plenum:console:rooms';

function load(): HostedRoom[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as HostedRoom[]).filter((room) => room && room.room) : [];
  } catch {
    return [];
  }
}

export const $rooms = atom<HostedRoom[]>(load());

// Another tab of the console may add or remove rooms.
addEventListener('storage', (event) => {
  if (event.key === storageKey) $rooms.set(load());
});

function store(rooms: HostedRoom[]): void {
  $rooms.set(rooms);
  try {
    localStorage.setItem(storageKey, JSON.stringify(rooms));
  } catch {
    // Private mode or full storage: the list lives for this page only.
  }
}

export const findRoom = (room: string): HostedRoom | undefined =>
  $rooms.get().find((item) => item.room === room);

/** Adds the room, or merges the changes into the one already listed. */
export function saveRoom(room: Partial<HostedRoom> & { room: string }): void {
  const rooms = $rooms.get();
  const existing = rooms.find((item) => item.room === room.room);
  if (existing) {
    store(rooms.map((item) => (item === existing ? { ...existing, ...room } : item)));
  } else {
    store([{ title: room.room, hostKey: '', moderation: 'post', addedAt: Date.now(), ...room }, ...rooms]);
  }
}

export function removeRoom(room: string): void {
  store($rooms.get().filter((item) => item.room !== room));
}
