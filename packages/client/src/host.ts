/** The host's actions, available on a connection made with the room's host key. */
import type {
  Action,
  ActionInput,
  ActionOf,
  PollKind,
  PollStatus,
  QuestionStatus,
  Screen,
} from '@plenum/protocol';

type Send = (action: ActionInput) => Promise<{ id?: string } | undefined>;
type Fields<T extends Action['type']> = Omit<ActionOf<T>, 'type' | 'id'>;

export interface QuestionChanges {
  status?: QuestionStatus;
  highlighted?: boolean;
  pinned?: boolean;
  label?: string;
  reply?: string;
  text?: string;
}

export class HostActions {
  /** `send` is public so the quiz and survey actions (activities.ts) can share it. */
  constructor(readonly send: Send) {}

  /** Approve, dismiss, answer, reopen, highlight, pin, label, reply or edit a question. */
  async moderate(question: string, changes: QuestionChanges): Promise<void> {
    await this.send({ type: 'moderate', question, ...changes });
  }

  /** Merges duplicates into `question`: upvotes add up, each asker keeps it as theirs. */
  async mergeQuestions(question: string, duplicates: string[]): Promise<void> {
    await this.send({ type: 'merge', question, duplicates });
  }

  async deleteQuestion(question: string): Promise<void> {
    await this.send({ type: 'delete', question });
  }

  /** Creates a draft poll; resolves with its id. */
  async createPoll(poll: {
    title: string;
    kind: PollKind;
    options?: string[];
    maxChoices?: number;
    resultsVisible?: boolean;
  }): Promise<string> {
    return (await this.send({ type: 'poll-create', ...poll }))?.id ?? '';
  }

  async updatePoll(
    poll: string,
    changes: { status?: PollStatus } & Partial<Omit<Fields<'poll-update'>, 'poll' | 'status'>>,
  ): Promise<void> {
    await this.send({ type: 'poll-update', poll, ...changes });
  }

  async deletePoll(poll: string): Promise<void> {
    await this.send({ type: 'poll-delete', poll });
  }

  /** Puts a poll, a question, the top questions, the join screen or a blank screen on the big screen. */
  async showOnScreen(screen: Screen): Promise<void> {
    await this.send({ type: 'screen', screen });
  }

  /** Title, moderation mode, and the recording the report links into (null forgets it). */
  async updateRoom(changes: Fields<'room-update'>): Promise<void> {
    await this.send({ type: 'room-update', ...changes });
  }
}
