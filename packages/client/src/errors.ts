import type { ErrorCode } from '@plenum/protocol';

/** What an action or a connection failed with: a code the UI can turn into words. */
export class PlenumError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlenumError';
  }
}
