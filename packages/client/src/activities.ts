/**
 * Quizzes, ranking polls, surveys and rehearsal resets: typed helpers over `send`.
 *
 * Apart from `RoomConnection` and `HostActions` on purpose: a page that embeds only the
 * three first widgets downloads none of this (plenum.js has a size budget); the quiz and
 * survey elements, loaded when their tag appears, bring what they use.
 */
import type { Action, ActionInput, ActionOf, PollStatus, SurveyAnswer } from '@plenum/protocol';

type Send = (action: ActionInput) => Promise<{ id?: string } | undefined>;
type Fields<T extends Action['type']> = Omit<ActionOf<T>, 'type' | 'id'>;
/** Anything that sends actions: a `RoomLike`, or a connection's `host`. */
export interface Sender {
  send: Send;
}

/** Answers a quiz question: an option index (single choice) or indices (multiple). */
export async function answerQuiz(
  room: Sender,
  quiz: string,
  question: number,
  choice: number | number[],
): Promise<void> {
  await room.send({ type: 'quiz-answer', quiz, question, choice });
}

/** Sets the participant's nickname on leaderboards; "" goes back to "Participant 17". */
export async function setNickname(room: Sender, nickname: string): Promise<void> {
  await room.send({ type: 'nickname', nickname });
}

/** Sends a survey's answers, one per question (null: left out); again while open to change them. */
export async function answerSurvey(room: Sender, survey: string, answers: SurveyAnswer[]): Promise<void> {
  await room.send({ type: 'survey-answer', survey, answers });
}

/** A ranking poll's vote: every option index once, the first place first. */
export async function rank(room: Sender, poll: string, order: number[]): Promise<void> {
  await room.send({ type: 'vote', poll, choice: order });
}

/** The host's side of quizzes, surveys and resets: `new ActivityHost(room.host)`. */
export class ActivityHost {
  constructor(private readonly host: Sender) {}

  /** Creates a draft quiz; resolves with its id. */
  async createQuiz(quiz: Fields<'quiz-create'>): Promise<string> {
    return (await this.host.send({ type: 'quiz-create', ...quiz }))?.id ?? '';
  }

  /** Title, questions, speed points (while a draft), status (open, close, reopen). */
  async updateQuiz(quiz: string, changes: Omit<Fields<'quiz-update'>, 'quiz'>): Promise<void> {
    await this.host.send({ type: 'quiz-update', quiz, ...changes });
  }

  async deleteQuiz(quiz: string): Promise<void> {
    await this.host.send({ type: 'quiz-delete', quiz });
  }

  /** Starts question `question` (0-based): the clock runs from the server's now. */
  async startQuestion(quiz: string, question: number): Promise<void> {
    await this.host.send({ type: 'quiz-start', quiz, question });
  }

  async revealAnswer(quiz: string): Promise<void> {
    await this.host.send({ type: 'quiz-reveal', quiz });
  }

  async showLeaderboard(quiz: string): Promise<void> {
    await this.host.send({ type: 'quiz-leaderboard', quiz });
  }

  /** Creates a draft survey; resolves with its id. */
  async createSurvey(survey: Fields<'survey-create'>): Promise<string> {
    return (await this.host.send({ type: 'survey-create', ...survey }))?.id ?? '';
  }

  async updateSurvey(
    survey: string,
    changes: { status?: PollStatus } & Omit<Fields<'survey-update'>, 'survey' | 'status'>,
  ): Promise<void> {
    await this.host.send({ type: 'survey-update', survey, ...changes });
  }

  async deleteSurvey(survey: string): Promise<void> {
    await this.host.send({ type: 'survey-delete', survey });
  }

  /** Rehearsal: removes the answers of a poll, quiz or survey (logged, and in the report). */
  async reset(kind: 'poll' | 'quiz' | 'survey', id: string): Promise<void> {
    const action =
      kind === 'poll'
        ? ({ type: 'poll-reset', poll: id } as const)
        : kind === 'quiz'
          ? ({ type: 'quiz-reset', quiz: id } as const)
          : ({ type: 'survey-reset', survey: id } as const);
    await this.host.send(action);
  }
}
