/**
 * What one member is sent of the room beyond the shared patches: the welcome (a snapshot,
 * also after a resync), their personal update, and a page of a list past the welcome's window.
 */
import {
  limits,
  mineView,
  PROTOCOL_VERSION,
  questionPage,
  questionView,
  reviewReaders,
  roomView,
  type MineUpdate,
  type More,
  type Page,
  type RoomRecord,
  type Welcome,
} from '@plenum/protocol';

/** The room as this member may see it, windowed, after patch `seq`; `now` is the server's clock. */
export function welcomeFor(
  record: RoomRecord,
  seq: number,
  member: { participant: string; host: boolean },
  now: number,
): Welcome {
  const { participant, host } = member;
  return {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    seq,
    host,
    now,
    state: roomView(record, record.presence.online, { host, participant, windowed: true }),
    mine: mineView(record, participant),
  };
}

/** What only this participant sees: their flags and their own questions still in review. */
export function personalUpdate(record: RoomRecord, participant: string): MineUpdate {
  const questions = [];
  for (const question of record.questions.values()) {
    if (reviewReaders(question).includes(participant)) questions.push(questionView(question));
  }
  return { type: 'mine', mine: mineView(record, participant), ...(questions.length && { questions }) };
}

/** One page of a list, for a client paging past its welcome's window. */
export function pageOf(record: RoomRecord, more: More): Page {
  const list = [];
  for (const question of record.questions.values())
    if (question.status === more.status) list.push(questionView(question));
  return {
    type: 'page',
    id: more.id,
    ...questionPage(list, more.status, more.sort, limits.pageQuestions, more.after),
  };
}
