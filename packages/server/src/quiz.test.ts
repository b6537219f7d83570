import { describe, expect, it } from 'vitest';
import type { QuizView } from '@plenum/protocol';
import { SqliteStorage } from './storage/sqlite.js';
import { api, openSocket, randomParticipant, type TestServer, type TestSocket } from './testing.js';
import { startServerForTest, tempDirForTest } from './test-hooks.js';

/**
 * A quiz over real sockets: the server's clock decides (the test drives it), the hall sees
 * nothing of an answer before the host reveals it, and the leaderboard names nobody by id.
 */
/** This test's server (each test starts its own, closed when it ends). */
let test: TestServer;

function fakeClock(start: number) {
  let time = start;
  return { now: () => time, set: (at: number) => void (time = at) };
}

async function ok(socket: TestSocket, action: Parameters<TestSocket['act']>[0]) {
  const answer = await socket.act(action);
  expect(answer, JSON.stringify(action)).toMatchObject({ type: 'ack' });
  return answer;
}
const quizOf = (socket: TestSocket): QuizView | undefined => socket.view().state.quizzes?.[0];

const questions = [
  { text: 'Hauptstadt?', kind: 'single', options: ['Berlin', 'Bonn'], correct: [0], timeLimit: 10 },
  { text: 'Flüsse?', kind: 'multiple', options: ['Rhein', 'Harz'], correct: [0] },
];

describe('a quiz over the socket', () => {
  it('sends the server clock in the welcome', async () => {
    const clock = fakeClock(1_700_000_000_000);
    test = await startServerForTest({ now: clock.now });
    const alice = await openSocket(test.url, test.room, { participant: randomParticipant() });
    expect(await alice.next('welcome')).toMatchObject({ now: 1_700_000_000_000 });
    alice.close();
  });

  it('times answers by the server clock, keeps the answer until revealed, ranks by nickname', async () => {
    const T = 1_700_000_000_000;
    const clock = fakeClock(T - 60_000);
    test = await startServerForTest({ now: clock.now });
    const { room, hostKey } = test.createRoom();
    const ids = { alice: randomParticipant(), bob: randomParticipant(), carol: randomParticipant() };
    const host = await openSocket(test.url, room, { hostKey });
    const alice = await openSocket(test.url, room, { participant: ids.alice });
    const bob = await openSocket(test.url, room, { participant: ids.bob });
    const carol = await openSocket(test.url, room, { participant: ids.carol });
    const screen = await openSocket(test.url, room, { display: true, participant: randomParticipant() });
    const created = await ok(host, { type: 'quiz-create', title: 'Aufwärmen', questions });
    const quiz = (created as { result: { id: string } }).result.id;
    expect(quiz).toMatch(/^z[0-9a-f]{12}$/);
    await ok(alice, { type: 'nickname', nickname: 'Ada' });
    expect(await carol.act({ type: 'nickname', nickname: ' ada ' })).toMatchObject({
      type: 'error',
      code: 'taken',
    });

    clock.set(T);
    await ok(host, { type: 'quiz-start', quiz, question: 0 });
    await bob.until(() => quizOf(bob)?.questions[0]?.startedAt === T);
    expect(quizOf(bob)!.questions[0]).toMatchObject({ startedAt: T, endsAt: T + 10_000, responses: 0 });
    expect(quizOf(bob)!.questions).toHaveLength(1);

    clock.set(T + 2_000);
    await ok(alice, { type: 'quiz-answer', quiz, question: 0, choice: 0 });
    expect(await alice.act({ type: 'quiz-answer', quiz, question: 0, choice: 1 })).toMatchObject({
      code: 'closed',
    });
    clock.set(T + 4_000);
    await ok(bob, { type: 'quiz-answer', quiz, question: 0, choice: 1 });
    clock.set(T + 10_001);
    expect(await carol.act({ type: 'quiz-answer', quiz, question: 0, choice: 0 })).toMatchObject({
      type: 'error',
      code: 'closed',
    });
    await bob.until(() => quizOf(bob)!.questions[0]!.responses === 2);
    // Nothing of the answer has reached anyone but the host: no correct options, no counts, no points.
    for (const text of [...bob.raw, ...carol.raw, ...screen.raw, ...alice.raw]) {
      expect(text).not.toContain('"correct"');
      expect(text).not.toContain('"results"');
      expect(text).not.toContain('"points"');
    }
    expect(quizOf(host)!.questions[0]!.results).toMatchObject({ counts: [1, 1] });

    await ok(host, { type: 'quiz-reveal', quiz });
    const revealed = await screen.until(() => quizOf(screen)!.phase === 'revealed');
    expect(revealed.state.quizzes![0]!.questions[0]).toMatchObject({
      correct: [0],
      results: { counts: [1, 1], percentages: [50, 50], responses: 2, correctResponses: 1 },
    });
    // 500 + 500 × 8 s left of 10.
    const mine = await alice.until((view) => view.mine.quizzes?.[quiz]?.score === 900);
    expect(mine.mine.quizzes![quiz]).toMatchObject({
      rank: 1,
      players: 2,
      answers: { 0: { points: 900, correct: true } },
    });
    await bob.until((view) => view.mine.quizzes?.[quiz]?.answers[0]?.points === 0);
    expect(bob.view().mine.quizzes![quiz]).toMatchObject({ score: 0, rank: 2 });

    await ok(host, { type: 'quiz-leaderboard', quiz });
    await carol.until(() => quizOf(carol)!.leaderboard !== undefined);
    expect(quizOf(carol)!.leaderboard).toEqual([
      { rank: 1, player: 1, nickname: 'Ada', score: 900 },
      { rank: 2, player: 2, score: 0 },
    ]);
    for (const socket of [bob, carol, screen]) {
      const frames = socket.raw.join('\n');
      for (const id of Object.values(ids))
        if (socket !== bob || id !== ids.bob) expect(frames).not.toContain(id);
    }
    for (const socket of [host, alice, bob, carol, screen]) socket.close();
  });

  it('replays a played quiz after a restart exactly, each answer scored by its logged time', async () => {
    const dir = tempDirForTest('plenum-quiz-');
    const clock = fakeClock(1_700_000_000_000);
    const storage = () => new SqliteStorage(dir);
    test = await startServerForTest({ storage: storage(), now: clock.now });
    const { room, hostKey } = test.createRoom();
    const alice = randomParticipant();
    const host = await openSocket(test.url, room, { hostKey });
    const player = await openSocket(test.url, room, { participant: alice });
    const quiz = (
      (await ok(host, { type: 'quiz-create', title: 'Q', questions })) as { result: { id: string } }
    ).result.id;
    await ok(host, { type: 'quiz-start', quiz, question: 0 });
    clock.set(1_700_000_000_000 + 3_000);
    await ok(player, { type: 'quiz-answer', quiz, question: 0, choice: 0 });
    await ok(host, { type: 'quiz-leaderboard', quiz });
    const before = (await api(test.url, `/api/rooms/${room}/report`, { key: hostKey })).json.quizzes;
    host.close();
    player.close();
    await test.close();
    // Much later: the replay scores by the entries' times, not by the clock now.
    clock.set(1_700_000_000_000 + 3_600_000);
    test = await startServerForTest({ storage: storage(), now: clock.now });
    const after = (await api(test.url, `/api/rooms/${room}/report`, { key: hostKey })).json.quizzes;
    expect(after).toEqual(before);
    expect(after[0].leaderboard).toEqual([{ rank: 1, player: 1, score: 850 }]);
    const again = await openSocket(test.url, room, { participant: alice });
    expect(again.view().mine.quizzes![quiz]).toMatchObject({ score: 850, rank: 1 });
    again.close();
  });

  it('keeps a survey’s results from participants and screens until the host shows them', async () => {
    test = await startServerForTest();
    const { room, hostKey } = test.createRoom();
    const host = await openSocket(test.url, room, { hostKey });
    const alice = await openSocket(test.url, room, { participant: randomParticipant() });
    const screen = await openSocket(test.url, room, { display: true, participant: randomParticipant() });
    const secret = 'Geheime Antwort 7f3a';
    const created = await ok(host, {
      type: 'survey-create',
      title: 'Feedback',
      questions: [
        { text: 'Wie war es?', kind: 'rating' },
        { text: 'Was fehlte?', kind: 'open' },
      ],
    });
    const survey = (created as { result: { id: string } }).result.id;
    await ok(host, { type: 'survey-update', survey, status: 'open' });
    await ok(alice, { type: 'survey-answer', survey, answers: [4, secret] });
    await ok(host, { type: 'screen', screen: { show: 'survey', survey, question: 1 } });
    await screen.until((view) => view.state.screen.show === 'survey');
    await screen.until((view) => view.state.surveys?.[0]?.responses === 1);
    for (const text of [...screen.raw, (await api(test.url, `/api/rooms/${room}`)).text]) {
      expect(text).not.toContain('"results"');
      expect(text).not.toContain(secret);
    }
    await ok(host, { type: 'survey-update', survey, resultsVisible: true });
    const shown = await screen.until((view) => view.state.surveys?.[0]?.results !== undefined);
    expect(shown.state.surveys![0]!.results![1]).toMatchObject({ answers: [{ text: secret, count: 1 }] });
    for (const socket of [host, alice, screen]) socket.close();
  });
});
