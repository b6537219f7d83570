import { describe, expect, it } from 'vitest';
import { ActivityHost, answerQuiz, setNickname } from '@plenum/client';
import { FakeRoom, emptyRoom } from './src/fake-room.js';

describe('the fake room', () => {
  it('runs a quiz with the real model: the host’s actions, the participant’s and others’', async () => {
    const room = new FakeRoom({ state: emptyRoom() });
    const { id: quiz } = room.hostAct({
      type: 'quiz-create',
      title: 'Aufwärmen',
      questions: [{ text: 'Hauptstadt?', kind: 'single', options: ['Berlin', 'Bonn'], correct: [0] }],
    })!;
    room.hostAct({ type: 'quiz-start', quiz: quiz!, question: 0 });
    await setNickname(room, 'Ada');
    await answerQuiz(room, quiz!, 0, 0);
    room.othersAct({ type: 'quiz-answer', quiz: quiz!, question: 0, choice: 1 }, 3);
    expect(room.$state.get()!.quizzes![0]!.questions[0]).toMatchObject({ responses: 4 });
    expect(room.$state.get()!.quizzes![0]!.questions[0]).not.toHaveProperty('results');
    room.hostAct({ type: 'quiz-leaderboard', quiz: quiz! });
    expect(room.$state.get()!.quizzes![0]!.leaderboard![0]).toMatchObject({ rank: 1, nickname: 'Ada' });
    expect(room.$mine.get().quizzes![quiz!]).toMatchObject({ rank: 1, players: 4 });
    await expect(answerQuiz(room, quiz!, 0, 1)).rejects.toMatchObject({ code: 'closed' });
  });

  it('names what a host room creates as the server would', async () => {
    const room = new FakeRoom({ state: emptyRoom(), host: true });
    const survey = await new ActivityHost(room.host!).createSurvey({
      title: 'Feedback',
      questions: [{ text: 'Wie war es?', kind: 'rating' }],
    });
    expect(survey).toMatch(/^s\d+$/);
    expect(room.$state.get()!.surveys![0]).toMatchObject({ id: survey, status: 'draft' });
  });
});
