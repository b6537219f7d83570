import { describe, expect, it } from 'vitest';
import type { Action, ActionInput } from './messages.js';
import {
  apply,
  createRoom,
  mineView,
  roomView,
  type Actor,
  type ApplyResult,
  type RoomRecord,
} from './model.js';
import { report } from './report.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const person = (n: number): Actor => ({ participant: `person-${n}-xxxxxxxxxxxx`, host: false });
const [alice, bob] = [person(1), person(2)];

let ids = 0;
const act = (room: RoomRecord, action: ActionInput, who: Actor, at = 0): ApplyResult =>
  apply(room, { ...action, id: `s${++ids}` } as Action, who, at);
const send = (room: RoomRecord, who: Actor, answers: (number | number[] | string | null)[]) =>
  act(room, { type: 'survey-answer', survey: 's1', answers }, who);

/** s1: rating, single, multiple (max 2), open; opened. */
function surveyRoom(resultsVisible?: boolean) {
  const room = createRoom({ id: 'r', createdAt: 0 });
  act(
    room,
    {
      type: 'survey-create',
      title: 'Feedback',
      questions: [
        { text: 'How was it?', kind: 'rating' },
        { text: 'Come again?', kind: 'single', options: ['Yes', 'No'] },
        { text: 'What helped?', kind: 'multiple', options: ['Talks', 'Q&A', 'Coffee'], maxChoices: 2 },
        { text: 'Anything else?', kind: 'open' },
      ],
      ...(resultsVisible !== undefined && { resultsVisible }),
    },
    host,
  );
  act(room, { type: 'survey-update', survey: 's1', status: 'open' }, host);
  return room;
}
const hostSurvey = (room: RoomRecord) => roomView(room, 0, { host: true }).surveys![0]!;

describe('surveys', () => {
  it('takes all answers together, some left out, with results per question', () => {
    const room = surveyRoom();
    expect(send(room, alice, [5, 0, [0, 1], 'More coffee.'])).toEqual({
      ok: true,
      changes: { surveys: ['s1'], mine: true },
    });
    expect(send(room, bob, [3, null, [2], null]).ok).toBe(true);
    const survey = hostSurvey(room);
    expect(survey.responses).toBe(2);
    expect(survey.results).toEqual([
      {
        kind: 'rating',
        distribution: [0, 0, 1, 0, 1],
        percentages: [0, 0, 50, 0, 50],
        average: 4,
        responses: 2,
      },
      { kind: 'single', counts: [1, 0], percentages: [100, 0], responses: 1 },
      { kind: 'multiple', counts: [1, 1, 1], percentages: [34, 33, 33], responses: 2 },
      { kind: 'open', answers: [{ text: 'More coffee.', count: 1 }], responses: 1 },
    ]);
    expect(mineView(room, bob.participant).surveys).toEqual({ s1: [3, null, [2], null] });
  });

  it('lets a participant change their answers while it is open, and not after', () => {
    const room = surveyRoom();
    send(room, alice, [5, 0, [0], 'Coffee']);
    expect(send(room, alice, [2, null, [1, 2], 'coffee!']).ok).toBe(true);
    const [rating, single, multiple, open] = hostSurvey(room).results!;
    expect(rating).toMatchObject({ distribution: [0, 1, 0, 0, 0], responses: 1 });
    expect(single).toMatchObject({ counts: [0, 0], responses: 0 });
    expect(multiple).toMatchObject({ counts: [0, 1, 1], responses: 1 });
    expect(open).toMatchObject({ answers: [{ text: 'Coffee', count: 1 }], responses: 1 });
    expect(hostSurvey(room).responses).toBe(1);
    // The same again changes nothing.
    expect(send(room, alice, [2, null, [1, 2], 'coffee!'])).toEqual({ ok: true, changes: {} });
    act(room, { type: 'survey-update', survey: 's1', status: 'closed' }, host);
    expect(send(room, alice, [1, null, null, null])).toMatchObject({ ok: false, code: 'closed' });
    expect(mineView(room, alice.participant).surveys!.s1).toEqual([2, null, [1, 2], 'coffee!']);
  });

  it('checks every answer by its question and refuses the whole sending for one wrong one', () => {
    const room = surveyRoom();
    expect(send(room, alice, [5, 0])).toMatchObject({ code: 'invalid' });
    expect(send(room, alice, [6, 0, null, null])).toMatchObject({ code: 'invalid', message: /^Question 1:/ });
    expect(send(room, alice, [5, 0, [0, 1, 2], null])).toMatchObject({ code: 'too_many_choices' });
    expect(send(room, alice, [null, null, null, null])).toMatchObject({ code: 'empty' });
    expect(hostSurvey(room).responses).toBe(0);
  });

  it('keeps results with the host until shown; a draft is nobody else’s', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    act(room, { type: 'survey-create', title: 'Later', questions: [{ text: 'Why?', kind: 'open' }] }, host);
    expect(roomView(room, 0).surveys).toBeUndefined();
    expect(act(room, { type: 'survey-answer', survey: 's1', answers: ['x'] }, alice)).toMatchObject({
      code: 'not_found',
    });
    const open = surveyRoom();
    send(open, alice, [4, 1, null, null]);
    expect(roomView(open, 0).surveys![0]).not.toHaveProperty('results');
    expect(roomView(open, 0).surveys![0]).toMatchObject({ responses: 1, resultsVisible: false });
    act(open, { type: 'survey-update', survey: 's1', resultsVisible: true }, host);
    expect(roomView(open, 0).surveys![0]!.results![0]).toMatchObject({ average: 4 });
  });

  it('edits its questions only as a draft', () => {
    const room = surveyRoom();
    expect(
      act(room, { type: 'survey-update', survey: 's1', questions: [{ text: 'New?', kind: 'rating' }] }, host),
    ).toMatchObject({ code: 'closed' });
    expect(
      act(
        room,
        { type: 'survey-create', title: 'Bad', questions: [{ text: 'Q', kind: 'rating', options: ['x'] }] },
        host,
      ),
    ).toMatchObject({ code: 'invalid', message: /^Question 1:/ });
  });

  it('is reset for a rehearsal: the answers go, the reset is logged and reported', () => {
    const room = surveyRoom();
    send(room, alice, [5, 0, null, 'Great']);
    send(room, bob, [4, null, null, null]);
    const outcome = act(room, { type: 'survey-reset', survey: 's1' }, host, 9_000);
    expect(outcome).toMatchObject({ ok: true, changes: { personal: [alice.participant, bob.participant] } });
    expect(hostSurvey(room)).toMatchObject({ responses: 0, status: 'open' });
    expect(hostSurvey(room).results!.every((results) => results.responses === 0)).toBe(true);
    expect(mineView(room, alice.participant).surveys).toEqual({});
    expect(report(room).resets).toEqual([
      { at: 9_000, kind: 'survey', id: 's1', title: 'Feedback', answers: 2 },
    ]);
  });

  it('shows one question at a time on the big screen', () => {
    const room = surveyRoom();
    expect(
      act(room, { type: 'screen', screen: { show: 'survey', survey: 's1', question: 3 } }, host).ok,
    ).toBe(true);
    expect(
      act(room, { type: 'screen', screen: { show: 'survey', survey: 's1', question: 4 } }, host),
    ).toMatchObject({
      code: 'invalid',
    });
    act(room, { type: 'survey-delete', survey: 's1' }, host);
    expect(room.screen).toEqual({ show: 'blank' });
  });
});
