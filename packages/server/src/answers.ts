/** What a room answers a client with: messages serialised once, errors with their code. */
import type { ErrorCode, ServerMessage } from '@plenum/protocol';
import type { Connection } from './party.js';

export function send(connection: Connection, message: ServerMessage): void {
  connection.send(JSON.stringify(message));
}

export function error(code: ErrorCode, message: string, id?: string): ServerMessage {
  return { type: 'error', code, message, ...(id !== undefined && { id }) };
}
