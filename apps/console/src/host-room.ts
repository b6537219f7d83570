import type { HostActions, RoomLike } from '@plenum/client';

/**
 * A room as the console's views use it: a connection made with the host key, or a fake one
 * in stories and tests. `host` is there once the key is accepted.
 */
export interface HostRoom extends RoomLike {
  readonly host?: HostActions | undefined;
}
