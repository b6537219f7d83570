/**
 * How much a room lets each client do: messages per connection, actions per participant
 * (shared by all their tabs and kept across reconnects) and, apart from those, questions per
 * participant at a person's pace.
 */
import { limits } from '@plenum/protocol';
import { IdleTable, TokenBucket } from './rate-limit.js';

/** Questions per participant per minute (a person's pace, not a script's); 0 lifts it. */
export const defaultQuestionsPerMinute = 10;

/**
 * A participant's allowance is kept this long after their last socket closed, so
 * reconnecting buys no fresh burst; after that it has refilled anyway and is forgotten.
 */
export const allowanceKeepMs = 10 * 60 * 1000;

/** What a participant may still do, across all their sockets and reconnects. */
interface Allowance {
  actions: TokenBucket;
  /** Absent when questions have no allowance of their own. */
  questions?: TokenBucket;
  /** Sockets of this participant that said hello and are still open. */
  open: number;
  leftAt: number;
}

/** An action let through, or why not; `refund` gives back a question that was then not asked. */
export type Charge = { ok: true; refund(): void } | { ok: false; message: string };

const allowed: Charge = { ok: true, refund: () => undefined };

export class Allowances {
  readonly #participants: IdleTable<Allowance>;

  constructor(
    readonly now: () => number,
    readonly questionsPerMinute = defaultQuestionsPerMinute,
  ) {
    this.#participants = new IdleTable(
      () => ({
        actions: new TokenBucket(limits.actionsPerSecond, limits.actionsBurst, now),
        ...(questionsPerMinute > 0 && {
          questions: new TokenBucket(questionsPerMinute / 60, questionsPerMinute, now),
        }),
        open: 0,
        leftAt: now(),
      }),
      (allowance) => allowance.open === 0 && now() - allowance.leftAt >= allowanceKeepMs,
    );
  }

  /** One connection's messages, whatever they are (hellos and malformed ones too). */
  forConnection(): TokenBucket {
    return new TokenBucket(limits.actionsPerSecond, limits.actionsBurst, this.now);
  }

  /** A new socket is charged like an action: reconnecting buys no fresh allowance. */
  connect(participant: string): boolean {
    const allowance = this.#participants.get(participant);
    if (!allowance.actions.take()) return false;
    allowance.open += 1;
    return true;
  }

  /** A socket that `connect` let in has closed. */
  disconnect(participant: string): void {
    const allowance = this.#participants.get(participant);
    allowance.open -= 1;
    allowance.leftAt = this.now();
  }

  /**
   * Charges one action to its participant (tabs share one allowance: opening more
   * connections buys no more actions); a new question also costs one of the questions.
   */
  charge(participant: string, newQuestion: boolean): Charge {
    const allowance = this.#participants.get(participant);
    if (!allowance.actions.take()) return { ok: false, message: 'Too many actions; slow down.' };
    const questions = newQuestion ? allowance.questions : undefined;
    if (!questions) return allowed;
    if (!questions.take()) {
      const wait = Math.ceil(questions.waitMs / 1000);
      return {
        ok: false,
        message: `You can ask ${questions.burst} questions a minute; please wait ${wait} s.`,
      };
    }
    return { ok: true, refund: () => questions.refund() };
  }
}
