/**
 * Quiz players: a number each, given in the order they first play or choose a nickname, and
 * an optional nickname, unique in the room. Leaderboards name players by these alone, never
 * by participant id; without a nickname a player is "Participant 17" ("Teilnehmer 17"),
 * written by whoever shows it in their language.
 */
import { activityLimits } from './limits.js';
import type { ActionOf } from './messages.js';
import { tidyAnswer } from './results.js';
import {
  cleanText,
  isRefusal,
  refuse,
  type ApplyResult,
  type PlayerRecord,
  type RoomRecord,
} from './room.js';

/** The player record of a participant, made (with the next number) when they first play. */
export function playerOf(room: RoomRecord, participant: string): PlayerRecord {
  let player = room.players.get(participant);
  if (!player) room.players.set(participant, (player = { number: room.players.size + 1 }));
  return player;
}

/** What two nicknames must not share: "Anna K", "anna k" and "AnnaK" are one. */
export const nicknameKey = (nickname: string): string =>
  nickname.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The default names, in every language a room speaks: taken by the player with that number. */
const defaultName = /^(?:participant|teilnehmer(?:in)?)(\d+)$/;

export function setNickname(
  room: RoomRecord,
  action: ActionOf<'nickname'>,
  participant: string,
): ApplyResult {
  const nickname = cleanText(tidyAnswer(action.nickname), activityLimits.nickname, 'A nickname', {
    allowEmpty: true,
  });
  if (isRefusal(nickname)) return nickname;
  const key = nicknameKey(nickname);
  // Checked before the player is made: a refused nickname leaves the room as it was.
  const number = room.players.get(participant)?.number ?? room.players.size + 1;
  const named = defaultName.exec(key);
  if (named && Number(named[1]) !== number)
    return refuse('taken', 'This name belongs to another player; please choose another.');
  // Choosing one's own default name is having none.
  const next = named || nickname === '' ? undefined : nickname;
  const holder = next === undefined ? undefined : room.nicknames.get(key);
  if (holder !== undefined && holder !== participant)
    return refuse('taken', 'Someone in this room has this nickname already; please choose another.');
  const player = playerOf(room, participant);
  if (next === player.nickname) return { ok: true, changes: { mine: true } };
  if (player.nickname !== undefined) room.nicknames.delete(nicknameKey(player.nickname));
  if (next === undefined) delete player.nickname;
  else {
    player.nickname = next;
    room.nicknames.set(key, participant);
  }
  // Leaderboards that show this player show the new name.
  const quizzes = [...room.quizzes.values()]
    .filter((quiz) => quiz.scores.has(participant))
    .map((quiz) => quiz.id);
  return { ok: true, changes: { mine: true, ...(quizzes.length && { quizzes }) } };
}
