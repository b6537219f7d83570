/**
 * Per-room caps: how much one room may hold, so that no audience (or script) can make a room
 * too big to welcome, replay or store. Past a cap an action is refused with `room_full`,
 * saying what is full; nothing already stored is touched, and the host sees which caps the
 * room has reached.
 */
import { refuse, type Refusal, type RoomRecord } from './room.js';

export interface RoomCaps {
  /** Questions in the room (deleting one frees its place). */
  questions: number;
  /** Polls, quizzes and surveys in the room together, drafts included. */
  polls: number;
  /** Different answers one open poll takes; a vote for an answer already given always counts. */
  openAnswers: number;
  /**
   * Entries in the room's log (every accepted action, every join and leave). Past it the
   * room takes only the host's actions, so the event can still be run to its end.
   */
  log: number;
}

export type CapName = keyof RoomCaps;

/** The caps a room gets unless the server is told otherwise (documented in the README). */
export const defaultCaps: RoomCaps = {
  questions: 5_000,
  polls: 200,
  openAnswers: 10_000,
  log: 2_000_000,
};

/** For replaying a log: what was stored once is kept, even after an operator lowered a cap. */
export const noCaps: RoomCaps = {
  questions: Infinity,
  polls: Infinity,
  openAnswers: Infinity,
  log: Infinity,
};

/** The caps a room has reached, each with its value (host only: "Question limit reached (5,000)"). */
export type CapsReached = Partial<RoomCaps>;

const count = (n: number) => n.toLocaleString('en-US');

const what: Record<CapName, (cap: number) => string> = {
  questions: (cap) => `This room is full: it holds its limit of ${count(cap)} questions.`,
  // Quizzes and surveys count as polls here (see `activities`).
  polls: (cap) => `This room is full: it holds its limit of ${count(cap)} polls.`,
  openAnswers: (cap) =>
    `This poll takes no new answers: it holds its limit of ${count(cap)} different answers. An answer already given still counts.`,
  log: (cap) => `This room is full: its log holds its limit of ${count(cap)} entries.`,
};

/** The refusal for a full `cap`, saying what is full. */
export const roomFull = (room: RoomRecord, cap: CapName): Refusal =>
  refuse('room_full', what[cap](room.caps[cap]));

/** What counts against the `polls` cap: polls, quizzes and surveys. */
export const activities = (room: RoomRecord): number =>
  room.polls.size + room.quizzes.size + room.surveys.size;

export const logFull = (room: RoomRecord): boolean => room.entries >= room.caps.log;

/** Which caps the room has reached now; undefined when none. */
export function capsReached(room: RoomRecord): CapsReached | undefined {
  const reached: CapsReached = {};
  if (room.questions.size >= room.caps.questions) reached.questions = room.caps.questions;
  if (activities(room) >= room.caps.polls) reached.polls = room.caps.polls;
  for (const poll of room.polls.values()) {
    if (poll.kind === 'open' && poll.answers.size >= room.caps.openAnswers) {
      reached.openAnswers = room.caps.openAnswers;
      break;
    }
  }
  if (logFull(room)) reached.log = room.caps.log;
  return Object.keys(reached).length ? reached : undefined;
}
