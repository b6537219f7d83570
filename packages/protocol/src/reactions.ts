/**
 * Reactions: emoji from the room's set, at most `reactionsPerSecond` per participant, counted
 * in running totals and in minutes since the room was created (for the report's timeline).
 */
import { limits } from './limits.js';
import type { ActionOf } from './messages.js';
import { refuse, type Actor, type ApplyResult, type RoomRecord } from './room.js';

export const minuteMs = 60_000;

/** The minute of the room's life `now` falls in (0 for the first minute). */
export const minuteOf = (room: RoomRecord, now: number): number =>
  Math.max(0, Math.floor((now - room.createdAt) / minuteMs));

export function react(room: RoomRecord, action: ActionOf<'react'>, actor: Actor, now: number): ApplyResult {
  const { emoji } = action;
  if (!room.emojis.includes(emoji)) return refuse('invalid', 'This room does not offer that emoji.');
  const budget = reactionBudget(room, actor.participant, now);
  if (budget.left < 1) {
    return refuse('rate_limited', `At most ${limits.reactionsPerSecond} reactions per second.`);
  }
  // Only an accepted reaction spends the allowance: a refused one leaves the record as it was.
  room.reactionBudget.set(actor.participant, { at: budget.at, left: budget.left - 1 });
  room.reactions[emoji] = (room.reactions[emoji] ?? 0) + 1;
  const minute = minuteOf(room, now);
  let bucket = room.reactionMinutes.get(minute);
  if (!bucket) room.reactionMinutes.set(minute, (bucket = {}));
  bucket[emoji] = (bucket[emoji] ?? 0) + 1;
  return { ok: true, changes: { reactions: { [emoji]: 1 } } };
}

/**
 * A token bucket of `reactionsPerSecond` tokens, refilled continuously: the allowance at
 * `now`, without changing the record.
 */
function reactionBudget(room: RoomRecord, participant: string, now: number): { at: number; left: number } {
  const rate = limits.reactionsPerSecond;
  const last = room.reactionBudget.get(participant);
  if (!last) return { at: now, left: rate };
  // A clock that steps back must not mint tokens: time only moves forward here.
  const at = Math.max(now, last.at);
  return { at, left: Math.min(rate, last.left + ((at - last.at) / 1000) * rate) };
}
