import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { randomParticipant, startTestServer, type TestServer } from '@plenum/server/testing';
import { ActivityHost, answerQuiz, answerSurvey, rank, setNickname } from './activities.js';
import { connectRoom } from './connect.js';
import { PlenumError } from './errors.js';
import type { RoomConnection } from './room.js';
import { until } from './testing.js';

let test: TestServer | undefined;
const opened: RoomConnection[] = [];
afterEach(async () => {
  opened.splice(0).forEach((room) => room.release());
  await test?.close();
  test = undefined;
});

function join(server: TestServer, hostKey?: string) {
  const room = connectRoom({
    server: server.url,
    room: server.room,
    participant: randomParticipant(),
    WebSocket,
    ...(hostKey !== undefined && { hostKey }),
  });
  room.retain();
  opened.push(room);
  return room;
}

describe('quizzes, rankings and surveys through the client', () => {
  it('runs by the server’s clock, whatever the device’s says', async () => {
    // A server an hour ahead of this machine.
    const ahead = 3_600_000;
    test = await startTestServer({ now: () => Date.now() + ahead });
    const alice = join(test);
    await until(alice.$status, (s) => s === 'open');
    expect(Math.abs(alice.serverNow() - Date.now() - ahead)).toBeLessThan(1_000);

    const host = join(test, test.hostKey);
    await until(host.$status, (s) => s === 'open');
    const activities = new ActivityHost(host.host!);
    const quiz = await activities.createQuiz({
      title: 'Aufwärmen',
      questions: [{ text: 'Hauptstadt?', kind: 'single', options: ['Berlin', 'Bonn'], correct: [0] }],
    });
    await setNickname(alice, 'Ada');
    await activities.startQuestion(quiz, 0);
    const state = await until(alice.$state, (s) => s?.quizzes?.[0]?.phase === 'question');
    const question = state!.quizzes![0]!.questions[0]!;
    // The countdown a widget shows: about the whole 20 s, not 20 s minus an hour.
    const left = question.endsAt! - alice.serverNow();
    expect(left).toBeGreaterThan(18_000);
    expect(left).toBeLessThanOrEqual(20_000);

    await answerQuiz(alice, quiz, 0, 0);
    await expect(answerQuiz(alice, quiz, 0, 1)).rejects.toMatchObject({ code: 'closed' });
    await activities.showLeaderboard(quiz);
    const board = await until(alice.$state, (s) => s?.quizzes?.[0]?.leaderboard !== undefined);
    expect(board!.quizzes![0]!.leaderboard).toMatchObject([{ rank: 1, player: 1, nickname: 'Ada' }]);
    const mine = await until(alice.$mine, (m) => m.quizzes?.[quiz]?.answers[0]?.points !== undefined);
    expect(mine.quizzes![quiz]).toMatchObject({ rank: 1, players: 1 });
    expect(mine.player).toEqual({ number: 1, nickname: 'Ada' });
  });

  it('sends rankings and survey answers, and resets them for a rehearsal', async () => {
    test = await startTestServer();
    const host = join(test, test.hostKey);
    const bob = join(test);
    await until(bob.$status, (s) => s === 'open');
    const activities = new ActivityHost(host.host!);
    const poll = await host.host!.createPoll({
      title: 'Was zuerst?',
      kind: 'ranking',
      options: ['A', 'B', 'C'],
    });
    await host.host!.updatePoll(poll, { status: 'open' });
    await until(bob.$state, (s) => s?.polls.some((p) => p.id === poll && p.status === 'open') ?? false);
    await rank(bob, poll, [2, 0, 1]);
    await expect(rank(bob, poll, [2, 0])).rejects.toBeInstanceOf(PlenumError);
    const ranked = await until(bob.$state, (s) => s?.polls[0]?.results?.responses === 1);
    expect(ranked!.polls[0]!.results).toMatchObject({ kind: 'ranking', order: [2, 0, 1], points: [1, 0, 2] });

    const survey = await activities.createSurvey({
      title: 'Feedback',
      questions: [
        { text: 'Wie war es?', kind: 'rating' },
        { text: 'Was fehlte?', kind: 'open' },
      ],
    });
    await activities.updateSurvey(survey, { status: 'open' });
    await until(bob.$state, (s) => s?.surveys?.[0]?.status === 'open');
    await answerSurvey(bob, survey, [4, null]);
    await answerSurvey(bob, survey, [5, 'Kaffee']);
    await until(bob.$mine, (m) => m.surveys?.[survey]?.[1] === 'Kaffee');
    await until(host.$state, (s) => s?.surveys?.[0]?.results?.[0]?.responses === 1);
    expect(host.$state.get()!.surveys![0]!.results![0]).toMatchObject({ kind: 'rating', average: 5 });

    await activities.reset('survey', survey);
    await activities.reset('poll', poll);
    await until(bob.$mine, (m) => m.surveys?.[survey] === undefined && m.votes[poll] === undefined);
    await until(bob.$state, (s) => s?.polls[0]?.responses === 0 && s.surveys?.[0]?.responses === 0);
  });
});
