/**
 * Where things live in Redis. A room's keys share the hash tag `{room:<id>}`, so Redis Cluster
 * keeps a room on one shard and one script may touch all of them; the few global keys index
 * the rooms and are never touched by a room's scripts.
 */
export const roomKeys = (room: string) => {
  const tag = `{room:${room}}`;
  return {
    /** The room's metadata (RoomMeta as JSON); its absence means the room is gone. */
    meta: `${tag}:meta`,
    /** The stream: entry ids are `<seq>-0`, field `e` the LogEntry, `n` the node that appended it. */
    log: `${tag}:log`,
    /** The last sequence number handed out. */
    head: `${tag}:head`,
    /**
     * participant + action id -> the seq it was logged at (and the id it created): an action
     * is logged once. One hash per period of the dedupe window (`ids(period)`), each expiring
     * after the window: the dedupe stays bounded by the actions of the last window.
     */
    ids: (period: number) => `${tag}:ids:${period}`,
    /** The latest snapshot: hash { seq, record }. */
    snapshot: `${tag}:snapshot`,
    /** Pub/sub: one message per append, with the entries it logged. */
    channel: `${tag}:notify`,
  };
};

export const globalKeys = {
  /** Set of every room id. */
  rooms: 'plenum:rooms',
  /** Sorted set: room id scored by when it last saw anything (ms). */
  active: 'plenum:active',
  /** Hash: tombstone tag -> until (ms), or '' for good. */
  tombstones: 'plenum:tombstones',
  /** The servers' shared secret (hex). */
  secret: 'plenum:secret',
  /** Prefix of a node's lease (`plenum:node:<id>`, expires unless renewed). */
  node: 'plenum:node:',
  /** Pub/sub: room created / updated / erased, tombstones changed. */
  control: 'plenum:control',
} as const;
