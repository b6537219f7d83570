import { describe, expect, it } from 'vitest';
import { activityLimits } from './limits.js';
import type { Action, ActionInput, ActionOf } from './messages.js';
import {
  apply,
  createRoom,
  mineView,
  roomView,
  type Actor,
  type ApplyResult,
  type RoomRecord,
} from './model.js';
import { leaderboard, scoreAnswer, standings } from './quiz.js';
import { report } from './report.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const person = (n: number): Actor => ({
  participant: `person-${String(n).padStart(5, '0')}-xxxxxxxx`,
  host: false,
});
const [alice, bob, carol] = [person(1), person(2), person(3)];

let ids = 0;
const act = (room: RoomRecord, action: ActionInput, actor: Actor, now = 0): ApplyResult =>
  apply(room, { ...action, id: `a${++ids}` } as Action, actor, now);
function must(room: RoomRecord, action: ActionInput, actor: Actor, now = 0) {
  const outcome = act(room, action, actor, now);
  if (!outcome.ok) throw new Error(`${action.type}: ${outcome.message}`);
  return outcome;
}

type QuestionInput = ActionOf<'quiz-create'>['questions'][number];
const single = (text: string, timeLimit?: number): QuestionInput => ({
  text,
  kind: 'single',
  options: ['Berlin', 'Bonn', 'Köln'],
  correct: [0],
  ...(timeLimit && { timeLimit }),
});
const multiple: QuestionInput = {
  text: 'Which are rivers?',
  kind: 'multiple',
  options: ['Rhein', 'Main', 'Harz', 'Elbe'],
  correct: [0, 1, 3],
};

/** A room with quiz z1 of the given questions, opened, its first question started at t = 10 s. */
function quizRoom(questions: QuestionInput[] = [single('Capital?'), single('Second?')], speedPoints = true) {
  const room = createRoom({ id: 'quiz-room', createdAt: 0 });
  must(room, { type: 'quiz-create', title: 'Warm-up', questions, speedPoints }, host);
  must(room, { type: 'quiz-start', quiz: 'z1', question: 0 }, host, 10_000);
  return room;
}
const answer = (room: RoomRecord, who: Actor, choice: number | number[], at: number, question = 0) =>
  act(room, { type: 'quiz-answer', quiz: 'z1', question, choice }, who, at);
const publicQuiz = (room: RoomRecord) => roomView(room, 0).quizzes![0]!;
const hostQuiz = (room: RoomRecord) => roomView(room, 0, { host: true }).quizzes![0]!;

describe('scoring', () => {
  const question = { correct: [0], timeLimit: 20 };
  it('gives a correct answer 500 plus up to 500 for speed, linear in the time left', () => {
    expect(scoreAnswer(question, [0], 0, true)).toEqual({ points: 1000, correct: true });
    expect(scoreAnswer(question, [0], 5_000, true).points).toBe(875);
    expect(scoreAnswer(question, [0], 10_000, true).points).toBe(750);
    expect(scoreAnswer(question, [0], 20_000, true).points).toBe(500);
  });

  it('gives a wrong answer 0', () => {
    expect(scoreAnswer(question, [1], 0, true)).toEqual({ points: 0, correct: false });
  });

  it('gives a flat 1000 for a correct answer without speed points', () => {
    expect(scoreAnswer(question, [0], 19_000, false)).toEqual({ points: 1000, correct: true });
    expect(scoreAnswer(question, [2], 0, false).points).toBe(0);
  });

  it('credits multiple choice in part: (correct chosen − wrong chosen) ÷ correct, at least 0', () => {
    const rivers = { correct: [0, 1, 3], timeLimit: 20 };
    expect(scoreAnswer(rivers, [0, 1, 3], 0, false)).toEqual({ points: 1000, correct: true });
    expect(scoreAnswer(rivers, [0, 1], 0, false)).toEqual({ points: 667, correct: false });
    expect(scoreAnswer(rivers, [0, 1, 2], 0, false)).toEqual({ points: 333, correct: false });
    expect(scoreAnswer(rivers, [0, 1, 2, 3], 0, false)).toEqual({ points: 667, correct: false });
    expect(scoreAnswer(rivers, [2], 0, false)).toEqual({ points: 0, correct: false });
    // With speed points the share applies to what a full answer would have scored then.
    expect(scoreAnswer(rivers, [0, 1], 10_000, true).points).toBe(500);
  });
});

describe('timing by the server clock', () => {
  it('takes answers up to the time limit and refuses later ones with closed', () => {
    const room = quizRoom([single('Capital?', 10)]);
    expect(answer(room, alice, 0, 20_000).ok).toBe(true);
    expect(answer(room, bob, 0, 20_001)).toMatchObject({ ok: false, code: 'closed' });
    expect(publicQuiz(room).questions[0]!.responses).toBe(1);
  });

  it('puts the start and end of a question in the view, by the server clock', () => {
    const room = quizRoom([single('Capital?', 30)]);
    expect(publicQuiz(room)).toMatchObject({ current: 0, phase: 'question', status: 'open' });
    expect(publicQuiz(room).questions[0]).toMatchObject({ startedAt: 10_000, endsAt: 40_000, timeLimit: 30 });
  });

  it('gives every question 20 seconds unless the host says otherwise, 5 to 300', () => {
    const room = quizRoom();
    expect(hostQuiz(room).questions.map((q) => q.timeLimit)).toEqual([
      activityLimits.quizTime,
      activityLimits.quizTime,
    ]);
    for (const timeLimit of [4, 301])
      expect(
        act(room, { type: 'quiz-create', title: 'T', questions: [single('Q?', timeLimit)] }, host).ok,
      ).toBe(false);
  });

  it('refuses answers to a question not under way', () => {
    const room = quizRoom();
    expect(answer(room, alice, 0, 11_000, 1)).toMatchObject({ ok: false, code: 'closed' });
    must(room, { type: 'quiz-reveal', quiz: 'z1' }, host, 12_000);
    // Time is left, but the host has revealed: answering is over.
    expect(answer(room, alice, 0, 13_000)).toMatchObject({ ok: false, code: 'closed' });
  });

  it('takes one answer per participant: the same again is no change, another is refused', () => {
    const room = quizRoom();
    must(room, { type: 'quiz-answer', quiz: 'z1', question: 0, choice: 1 }, alice, 11_000);
    expect(answer(room, alice, 1, 12_000)).toEqual({ ok: true, changes: {} });
    expect(answer(room, alice, 0, 12_000)).toMatchObject({ ok: false, code: 'closed' });
    expect(hostQuiz(room).questions[0]!.results).toMatchObject({ counts: [0, 1, 0], responses: 1 });
    expect(mineView(room, alice.participant).quizzes!.z1!.answers[0]).toEqual({ choice: 1, ms: 1_000 });
  });

  it('checks the choice against the kind of question', () => {
    const room = quizRoom([single('Capital?'), multiple]);
    expect(answer(room, alice, [0], 11_000)).toMatchObject({ ok: false, code: 'invalid' });
    expect(answer(room, alice, 3, 11_000)).toMatchObject({ ok: false, code: 'invalid' });
    must(room, { type: 'quiz-start', quiz: 'z1', question: 1 }, host, 20_000);
    expect(answer(room, alice, 0, 21_000, 1)).toMatchObject({ ok: false, code: 'invalid' });
    expect(answer(room, alice, [], 21_000, 1)).toMatchObject({ ok: false, code: 'empty' });
    expect(answer(room, alice, [1, 1], 21_000, 1)).toMatchObject({ ok: false, code: 'invalid' });
    expect(answer(room, alice, [3, 0], 21_000, 1).ok).toBe(true);
    expect(mineView(room, alice.participant).quizzes!.z1!.answers[1]!.choice).toEqual([0, 3]);
  });
});

describe('reveal', () => {
  it('shows nothing of the answer before the reveal: no correct options, no counts, no points', () => {
    const room = quizRoom();
    must(room, { type: 'quiz-answer', quiz: 'z1', question: 0, choice: 0 }, alice, 11_000);
    const view = publicQuiz(room);
    expect(view.questions).toHaveLength(1); // the second is not started: its text stays the host's
    expect(view.questions[0]).not.toHaveProperty('correct');
    expect(view.questions[0]).not.toHaveProperty('results');
    expect(view).not.toHaveProperty('leaderboard');
    expect(mineView(room, alice.participant).quizzes!.z1).toEqual({
      answers: { 0: { choice: 0, ms: 1_000 } },
      score: 0,
      rank: 1,
      players: 1,
    });
    // The host sees it all along.
    expect(hostQuiz(room).questions[0]).toMatchObject({ correct: [0], results: { counts: [1, 0, 0] } });
    expect(hostQuiz(room).questions).toHaveLength(2);
  });

  it('shows the distribution with the correct options marked, and each player their points', () => {
    const room = quizRoom();
    answer(room, alice, 0, 11_000);
    answer(room, bob, 1, 12_000);
    answer(room, carol, 0, 15_000);
    const outcome = must(room, { type: 'quiz-reveal', quiz: 'z1' }, host, 16_000);
    // Everyone's own view changes (their points and rank).
    expect(outcome.changes.personal).toEqual([alice, bob, carol].map((p) => p.participant));
    expect(publicQuiz(room)).toMatchObject({ phase: 'revealed' });
    expect(publicQuiz(room).questions[0]).toMatchObject({
      correct: [0],
      results: { counts: [2, 1, 0], percentages: [67, 33, 0], responses: 3, correctResponses: 2 },
    });
    expect(mineView(room, alice.participant).quizzes!.z1).toEqual({
      answers: { 0: { choice: 0, ms: 1_000, points: 975, correct: true } },
      score: 975,
      rank: 1,
      players: 3,
    });
    expect(mineView(room, bob.participant).quizzes!.z1).toMatchObject({ score: 0, rank: 3 });
  });

  it('ends the question before when the host starts the next one, and counts it', () => {
    const room = quizRoom();
    answer(room, alice, 0, 11_000);
    must(room, { type: 'quiz-start', quiz: 'z1', question: 1 }, host, 14_000);
    const [first] = publicQuiz(room).questions;
    expect(first).toMatchObject({ correct: [0] });
    expect(mineView(room, alice.participant).quizzes!.z1!.score).toBe(975);
    expect(act(room, { type: 'quiz-start', quiz: 'z1', question: 0 }, host, 15_000)).toMatchObject({
      ok: false,
      code: 'closed',
    });
  });
});

describe('leaderboard', () => {
  it('ranks equal scores equal (1, 1, 3) and names players by number or nickname only', () => {
    const room = quizRoom([single('Capital?')], false);
    must(room, { type: 'nickname', nickname: 'Kanzlerin' }, bob);
    answer(room, alice, 0, 11_000);
    answer(room, bob, 0, 12_000);
    answer(room, carol, 2, 13_000);
    must(room, { type: 'quiz-leaderboard', quiz: 'z1' }, host, 14_000);
    const view = publicQuiz(room);
    expect(view.phase).toBe('leaderboard');
    // bob became player 1 by choosing his nickname first.
    expect(view.leaderboard).toEqual([
      { rank: 1, player: 1, nickname: 'Kanzlerin', score: 1000 },
      { rank: 1, player: 2, score: 1000 },
      { rank: 3, player: 3, score: 0 },
    ]);
    expect(JSON.stringify(roomView(room, 0))).not.toMatch(/person-/);
    expect(mineView(room, carol.participant).quizzes!.z1).toMatchObject({ score: 0, rank: 3, players: 3 });
  });

  it('shows the top ten to everyone, and each player their own place', () => {
    const room = quizRoom([single('Capital?')]);
    const players = Array.from({ length: 15 }, (_, i) => person(100 + i));
    // Later answers score fewer speed points: player i ends in place i + 1.
    players.forEach((player, i) => answer(room, player, 0, 10_000 + 1_000 * i));
    must(room, { type: 'quiz-leaderboard', quiz: 'z1' }, host, 29_000);
    const board = publicQuiz(room).leaderboard!;
    expect(board).toHaveLength(activityLimits.leaderboard);
    expect(board.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(mineView(room, players[13]!.participant).quizzes!.z1).toMatchObject({ rank: 14, players: 15 });
  });

  it('shows the final leaderboard when the quiz closes, counting the question under way', () => {
    const room = quizRoom([single('Capital?')]);
    answer(room, alice, 0, 10_000);
    must(room, { type: 'quiz-update', quiz: 'z1', status: 'closed' }, host, 12_000);
    expect(publicQuiz(room)).toMatchObject({
      status: 'closed',
      phase: 'leaderboard',
      leaderboard: [{ rank: 1, player: 1, score: 1000 }],
    });
    expect(act(room, { type: 'quiz-start', quiz: 'z1', question: 0 }, host, 13_000)).toMatchObject({
      code: 'closed',
    });
  });

  it('computes the standings of 10,000 players within 50 ms', () => {
    const room = quizRoom([single('Capital?', 300)]);
    for (let i = 0; i < 10_000; i++)
      answer(room, person(10_000 + i), i % 3 === 0 ? 1 : 0, 10_000 + (i % 20_000) * 13);
    must(room, { type: 'quiz-reveal', quiz: 'z1' }, host, 300_000);
    const quiz = room.quizzes.get('z1')!;
    const started = performance.now();
    quiz.cached = undefined;
    const board = leaderboard(room, quiz);
    const ms = performance.now() - started;
    console.log(`leaderboard of 10,000 players: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(50);
    expect(board).toHaveLength(10);
    expect(standings(room, quiz).order).toHaveLength(10_000);
  });
});

describe('the host', () => {
  it('edits questions and speed points while the quiz is a draft only', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    must(room, { type: 'quiz-create', title: 'Draft', questions: [single('Q?')] }, host);
    must(room, { type: 'quiz-update', quiz: 'z1', speedPoints: false, questions: [multiple] }, host);
    expect(hostQuiz(room)).toMatchObject({ speedPoints: false, questionCount: 1, status: 'draft' });
    expect(roomView(room, 0).quizzes).toBeUndefined(); // a draft is the host's
    must(room, { type: 'quiz-update', quiz: 'z1', status: 'open' }, host);
    expect(publicQuiz(room)).toMatchObject({ status: 'open', current: null, questions: [] });
    expect(act(room, { type: 'quiz-update', quiz: 'z1', speedPoints: true }, host)).toMatchObject({
      code: 'closed',
    });
  });

  it('needs correct options among the options, one for single choice', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    const create = (question: object) =>
      act(room, { type: 'quiz-create', title: 'Q', questions: [question] } as ActionInput, host);
    expect(create({ ...single('Q?'), correct: [] })).toMatchObject({ code: 'invalid' });
    expect(create({ ...single('Q?'), correct: [3] })).toMatchObject({ code: 'invalid' });
    expect(create({ ...single('Q?'), correct: [0, 1] })).toMatchObject({ code: 'invalid' });
    expect(create({ ...single('Q?'), options: ['Only'] })).toMatchObject({ code: 'invalid' });
    expect(create({ ...single(' '), correct: [0] })).toMatchObject({ code: 'empty' });
    expect(act(room, { type: 'quiz-create', title: 'Q', questions: [] }, host)).toMatchObject({
      code: 'empty',
    });
    expect(room.quizzes.size).toBe(0);
  });

  it('resets a rehearsal: answers and scores go, the reset is logged with how many it removed', () => {
    const room = quizRoom();
    answer(room, alice, 0, 11_000);
    answer(room, bob, 0, 12_000);
    must(room, { type: 'quiz-start', quiz: 'z1', question: 1 }, host, 20_000);
    answer(room, alice, 0, 21_000, 1);
    const outcome = must(room, { type: 'quiz-reset', quiz: 'z1' }, host, 30_000);
    expect(outcome.changes.personal).toEqual([alice.participant, bob.participant]);
    expect(hostQuiz(room)).toMatchObject({ status: 'draft', current: null, phase: null, players: 0 });
    expect(hostQuiz(room).questions.every((q) => q.responses === 0 && q.startedAt === undefined)).toBe(true);
    expect(mineView(room, alice.participant).quizzes).toEqual({});
    expect(room.resets).toEqual([{ at: 30_000, kind: 'quiz', id: 'z1', title: 'Warm-up', answers: 3 }]);
    expect(report(room).resets).toEqual(room.resets);
    // The quiz plays again from the start.
    must(room, { type: 'quiz-start', quiz: 'z1', question: 0 }, host, 40_000);
    expect(answer(room, alice, 0, 41_000).ok).toBe(true);
  });

  it('hides a draft quiz from participants: answering it is not_found', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    must(room, { type: 'quiz-create', title: 'Draft', questions: [single('Q?')] }, host);
    expect(answer(room, alice, 0, 0)).toMatchObject({ code: 'not_found' });
  });
});

describe('report', () => {
  it('gives per question the share wholly right and the median answer time, and the final leaderboard', () => {
    const room = quizRoom([single('Capital?'), multiple, single('Unplayed?')]);
    must(room, { type: 'nickname', nickname: 'Ada' }, carol);
    answer(room, alice, 0, 11_000);
    answer(room, bob, 1, 14_000);
    answer(room, carol, 0, 12_000);
    must(room, { type: 'quiz-start', quiz: 'z1', question: 1 }, host, 20_000);
    answer(room, alice, [0, 1, 3], 22_000, 1);
    answer(room, carol, [0, 1], 25_000, 1);
    must(room, { type: 'quiz-update', quiz: 'z1', status: 'closed' }, host, 30_000);
    const [quiz] = report(room).quizzes;
    expect(
      quiz!.questions.map(({ responses, correctShare, medianMs, counts }) => ({
        responses,
        correctShare,
        medianMs,
        counts,
      })),
    ).toEqual([
      { responses: 3, correctShare: 67, medianMs: 2_000, counts: [2, 1, 0] },
      { responses: 2, correctShare: 50, medianMs: 3_500, counts: [2, 2, 0, 1] },
      { responses: 0, correctShare: 0, medianMs: null, counts: [0, 0, 0] },
    ]);
    expect(quiz!.questions[1]).toMatchObject({ correct: [0, 1, 3], startedAt: 20_000, timeLimit: 20 });
    expect(quiz!.questions[2]).not.toHaveProperty('startedAt');
    expect(quiz).toMatchObject({ status: 'closed', players: 3, speedPoints: true });
    // alice: 975 + 950; carol (Ada, player 1): 950 + round(2/3 × 875) = 583.
    expect(quiz!.leaderboard).toEqual([
      { rank: 1, player: 2, score: 1925 },
      { rank: 2, player: 1, nickname: 'Ada', score: 1533 },
      { rank: 3, player: 3, score: 0 },
    ]);
    expect(JSON.stringify(report(room))).not.toMatch(/person-/);
  });
});

describe('replay', () => {
  it('gives the same room from the same log: times and ids come from the entries', () => {
    const log: { action: ActionInput; actor: Actor; at: number; newId?: string }[] = [
      {
        action: { type: 'quiz-create', title: 'Q', questions: [single('A?'), multiple] },
        actor: host,
        at: 1,
        newId: 'zabc',
      },
      { action: { type: 'nickname', nickname: 'Ada' }, actor: carol, at: 2 },
      { action: { type: 'quiz-start', quiz: 'zabc', question: 0 }, actor: host, at: 1_000 },
      { action: { type: 'quiz-answer', quiz: 'zabc', question: 0, choice: 0 }, actor: alice, at: 4_000 },
      { action: { type: 'quiz-answer', quiz: 'zabc', question: 0, choice: 1 }, actor: bob, at: 6_000 },
      // Too late (29 s into 20): refused, in every replay alike.
      { action: { type: 'quiz-answer', quiz: 'zabc', question: 0, choice: 0 }, actor: carol, at: 30_000 },
      { action: { type: 'quiz-start', quiz: 'zabc', question: 1 }, actor: host, at: 31_000 },
      {
        action: { type: 'quiz-answer', quiz: 'zabc', question: 1, choice: [0, 1] },
        actor: carol,
        at: 33_000,
      },
      { action: { type: 'quiz-leaderboard', quiz: 'zabc' }, actor: host, at: 40_000 },
    ];
    const replay = () => {
      const room = createRoom({ id: 'r', createdAt: 0 });
      log.forEach(({ action, actor, at, newId }, i) =>
        apply(room, { ...action, id: `log-${i}` } as Action, actor, at, newId),
      );
      return room;
    };
    const [first, second] = [replay(), replay()];
    expect(roomView(second, 0, { host: true })).toEqual(roomView(first, 0, { host: true }));
    expect(mineView(second, carol.participant)).toEqual(mineView(first, carol.participant));
    expect(report(second)).toEqual(report(first));
    expect(roomView(first, 0).quizzes![0]!.leaderboard).toEqual([
      { rank: 1, player: 2, score: 925 },
      { rank: 2, player: 1, nickname: 'Ada', score: 633 },
      { rank: 3, player: 3, score: 0 },
    ]);
  });
});
