export { startServer, type PlenumServer, type ServerOptions } from './server.js';
export { PartyHost, closeCodes, type PartyHostOptions } from './party-host.js';
export type { Connection, ConnectionContext, Party, PartyType, Room } from './party.js';
export { PlenumRoom } from './plenum-room.js';
export { createRoomRecord } from './rooms.js';
export type { LogEntry, RoomMeta, Storage } from './storage/storage.js';
export { MemoryStorage } from './storage/memory.js';
export { SqliteStorage } from './storage/sqlite.js';
