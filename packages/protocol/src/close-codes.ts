/**
 * The WebSocket close codes the server ends a connection with, named once for both sides.
 * Before a refusal (4400–4404) the server sends an `error` of the same name.
 */
import type { ErrorCode } from './messages.js';

export const closeCodes = {
  /** The server is shutting down. */
  goingAway: 1001,
  /** A frame over `limits.frameBytes`. */
  tooBig: 1009,
  /** The socket did not read what it was sent; retried after backoff. */
  tryAgainLater: 1013,
  version: 4400,
  /** The room's passcode was missing or wrong: the client asks for it instead of retrying. */
  passcode: 4401,
  /** A wrong host key. */
  unauthorized: 4403,
  unknownRoom: 4404,
  // Retried by clients (after backoff): the next attempt may well succeed.
  helloTimeout: 4408,
  rateLimited: 4429,
} as const;

/**
 * Close codes after which retrying cannot help, with the error each one means. Every other
 * code is retried after backoff.
 */
export const refusedBy: Readonly<Record<number, ErrorCode>> = {
  [closeCodes.version]: 'version',
  [closeCodes.passcode]: 'passcode',
  [closeCodes.unauthorized]: 'unauthorized',
  [closeCodes.unknownRoom]: 'unknown_room',
};
