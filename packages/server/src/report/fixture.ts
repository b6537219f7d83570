/**
 * What the report tests share to play an event into a room: the host, numbered participants,
 * the start time and `act`, which applies an action the way the server would. Tests only.
 */
import { apply, type Action, type ActionInput, type Actor, type RoomRecord } from '@plenum/protocol';

export const host: Actor = { participant: 'host', host: true };
export const person = (n: number): Actor => ({ participant: `person-${n}`, host: false });
/** 12:00 in Berlin (CEST). */
export const start = Date.UTC(2021, 9, 1, 10, 0);

let actions = 0;
/** Applies `action` (with a fresh id) by `actor` at `now`; returns the id of what it created. */
export function act(room: RoomRecord, action: ActionInput, actor: Actor, now: number): string {
  const outcome = apply(room, { ...action, id: `a${++actions}` } as Action, actor, now);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result?.id ?? '';
}
