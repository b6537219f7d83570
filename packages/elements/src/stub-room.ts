import { atom } from 'nanostores';
import { PlenumError, type RoomLike, type Status } from '@plenum/client';
import type { ActionInput, Choice, MineView, RoomView } from '@plenum/protocol';
import { emptyRoom } from './fake-room.js';

/**
 * A room whose state a test sets outright and whose server clock it turns by hand: for the
 * quiz's countdown (which must run by `serverNow`, never by the device's clock) and for
 * widgets whose actions a test answers itself. Every action sent is kept in `sent`;
 * `answer` decides what the "server" does with it (default: accept).
 */
export class StubRoom implements RoomLike {
  readonly $state = atom<RoomView | undefined>(undefined);
  readonly $mine = atom<MineView>({ questions: [], upvoted: [], votes: {} });
  readonly $status = atom<Status>('open');
  readonly $error = atom<PlenumError | undefined>(undefined);
  readonly sent: ActionInput[] = [];
  /** The server's clock as the client estimates it. */
  now = 0;
  /** What the server does with an action: resolve to accept, throw a PlenumError to refuse. */
  answer: (action: ActionInput) => Promise<void> | void = () => {};

  constructor(state: Partial<RoomView> = {}, mine: Partial<MineView> = {}) {
    this.$state.set(emptyRoom({ room: 'dsn', ...state }));
    this.$mine.set({ questions: [], upvoted: [], votes: {}, ...mine });
  }

  update(state: Partial<RoomView>, mine: Partial<MineView> = {}): void {
    this.$state.set({ ...this.$state.get()!, ...state });
    this.$mine.set({ ...this.$mine.get(), ...mine });
  }

  serverNow(): number {
    return this.now;
  }

  async send(action: ActionInput): Promise<{ id?: string } | undefined> {
    this.sent.push(action);
    await this.answer(action);
    return undefined;
  }

  /** Refuses the next action with `code`. */
  fail(code: string): void {
    const answer = this.answer;
    this.answer = () => {
      this.answer = answer;
      throw new PlenumError(code as never, code);
    };
  }

  #unused = (): Promise<never> => Promise.reject(new PlenumError('invalid', 'not in this stub'));
  ask = this.#unused;
  upvote = this.#unused;
  async vote(poll: string, choice: Choice): Promise<void> {
    await this.send({ type: 'vote', poll, choice });
  }
  react = this.#unused;
  editQuestion = this.#unused;
  deleteQuestion = this.#unused;
  loadMore = this.#unused;
}
