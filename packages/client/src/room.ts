/**
 * One room connection: a reconnecting socket underneath, nanostores on top, and an outbox in between
 * so that an action made while offline is sent when the connection returns, exactly once.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';
import {
  applyMine,
  applyPage,
  applyPatch,
  listsOf,
  PROTOCOL_VERSION,
  questionOrders,
  questionPage,
  refusedBy,
  windowSize,
  type Action,
  type ActionInput,
  type Choice,
  type Cursor,
  type QuestionOrder,
  type QuestionStatus,
  type MineView,
  type RoomView,
  type ServerMessage,
} from '@plenum/protocol';
import { PlenumError } from './errors.js';
import { HostActions } from './host.js';
import { newActionId, participantId } from './ids.js';
import { overlay, type Guess } from './optimistic.js';
import { openRoomSocket, type RoomSocket } from './socket.js';

export type Status = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'closed';

export interface ConnectOptions {
  /** The Plenum server, e.g. `https://events.example.org`. */
  server: string;
  room: string;
  /** The room's host key: enables `room.host`. */
  hostKey?: string;
  /** In Node, pass `ws`'s WebSocket. */
  WebSocket?: unknown;
  /** The participant id; by default made once and kept in localStorage. */
  participant?: string;
  /** A screen, not a person (a projector): left out of the viewer numbers. */
  display?: boolean;
  /** The room's passcode, when it has one (the host key does without); see `usePasscode`. */
  passcode?: string;
}

export type { ActionInput };

/**
 * Why a passcoded room let nobody in: no code was given (`needed`) or the one given is not
 * the room's (`wrong`). Undefined while none is asked for.
 */
export type PasscodeState = 'needed' | 'wrong' | undefined;

/**
 * What an element needs from a room: stores to read and actions to call. `RoomConnection`
 * is the real one; Storybook and tests pass an in-memory fake.
 */
export interface RoomLike {
  readonly $state: ReadableAtom<RoomView | undefined>;
  readonly $mine: ReadableAtom<MineView>;
  readonly $status: ReadableAtom<Status>;
  readonly $error: ReadableAtom<PlenumError | undefined>;
  /** A room that can ask for a passcode says so here, and takes one with `usePasscode`. */
  readonly $passcode?: ReadableAtom<PasscodeState>;
  usePasscode?(code: string): void;
  /**
   * Sends any action (quiz answers, nicknames, survey answers: see activities.ts for typed
   * helpers); resolves with the ack's result, rejects with a PlenumError.
   */
  send(action: ActionInput): Promise<{ id?: string } | undefined>;
  /**
   * The server's clock as this client estimates it (ms since epoch), from the last welcome:
   * quiz countdowns run by it, never by the device's own clock.
   */
  serverNow(): number;
  ask(text: string, options?: { name?: string }): Promise<string>;
  upvote(question: string): Promise<void>;
  vote(poll: string, choice: Choice): Promise<void>;
  react(emoji: string): Promise<void>;
  editQuestion(question: string, text: string): Promise<void>;
  deleteQuestion(question: string): Promise<void>;
  /**
   * Loads the next page of one list (status) in one order into `$state`; resolves with
   * whether more follow. `$state.questionCounts` says how many each list has in all.
   */
  loadMore(status: QuestionStatus, sort: QuestionOrder): Promise<boolean>;
}

interface Pending {
  message: Action;
  guess?: Guess;
  resolve(result: { id?: string } | undefined): void;
  reject(error: PlenumError): void;
}

/** The host's timers (browser or Node); this package is built without DOM or Node types. */
const timers = globalThis as unknown as { setTimeout(run: () => void, ms: number): unknown };

export class RoomConnection implements RoomLike {
  readonly $state: ReadableAtom<RoomView | undefined>;
  readonly $mine: ReadableAtom<MineView>;
  readonly $status: ReadableAtom<Status>;
  /** Why the server refused the connection, when it did. */
  readonly $error: ReadableAtom<PlenumError | undefined>;
  /** Whether the room refused for want of its passcode (see `usePasscode`). */
  readonly $passcode: ReadableAtom<PasscodeState>;
  /** The host's actions, when the connection was made with the host key. */
  readonly host: HostActions | undefined;

  readonly #state = atom<RoomView | undefined>(undefined);
  readonly #mine = atom<MineView>({ questions: [], upvoted: [], votes: {} });
  readonly #status = atom<Status>('closed');
  readonly #error = atom<PlenumError | undefined>(undefined);
  readonly #passcodeState = atom<PasscodeState>(undefined);
  #passcode: string | undefined;
  /** The server's truth; the stores show it with the pending guesses laid over. */
  #truth: RoomView | undefined;
  #truthMine: MineView = { questions: [], upvoted: [], votes: {} };
  readonly #outbox = new Map<string, Pending>();
  /** Acknowledged guesses whose change the server has not shown yet. */
  readonly #settling = new Set<Guess>();
  #socket: RoomSocket | undefined;
  #seq = 0;
  /** Server clock minus ours, measured at each welcome; when our hello went out. */
  #offset = 0;
  #helloAt = 0;
  #joined = false;
  /** Per list and order: where the next page goes on, or null once the server has no more. */
  readonly #cursors = new Map<string, Cursor | null>();
  /** Pages asked for and not answered yet, by request id. */
  readonly #pages = new Map<
    string,
    { key: string; resolve(more: boolean): void; reject(error: PlenumError): void }
  >();
  #users = 0;

  constructor(readonly options: ConnectOptions) {
    this.$state = this.#state;
    this.$mine = this.#mine;
    this.$status = this.#status;
    this.$error = this.#error;
    this.$passcode = this.#passcodeState;
    this.#passcode = options.passcode?.trim() || undefined;
    this.host = options.hostKey === undefined ? undefined : new HostActions((action) => this.send(action));
    // The socket opens with the first subscriber and closes after the last one leaves.
    onMount(this.#state, () => {
      this.retain();
      return () => this.release();
    });
  }

  /** Sends an action; resolves on the server's ack, rejects with a PlenumError. */
  send(action: ActionInput, guess?: Guess): Promise<{ id?: string } | undefined> {
    const message = { ...action, id: newActionId() } as Action;
    this.retain();
    return new Promise<{ id?: string } | undefined>((resolve, reject) => {
      this.#outbox.set(message.id, { message, guess, resolve, reject });
      if (guess) this.#render();
      if (this.#joined) this.#socket?.send(JSON.stringify(message));
    }).finally(() => this.release());
  }

  serverNow(): number {
    return Date.now() + this.#offset;
  }

  /** Asks a question; resolves with its id. */
  async ask(text: string, options: { name?: string } = {}): Promise<string> {
    const result = await this.send({ type: 'ask', text, ...(options.name && { name: options.name }) });
    return result?.id ?? '';
  }

  /** Toggles this participant's upvote; the count moves at once and moves back if refused. */
  async upvote(question: string): Promise<void> {
    const upvoted = !this.#mine.get().upvoted.includes(question);
    await this.send({ type: 'upvote', question }, { kind: 'upvote', question, upvoted, counted: false });
  }

  /** `choice` by poll kind: an option index, indices, a text, or 1–5. */
  async vote(poll: string, choice: Choice): Promise<void> {
    await this.send({ type: 'vote', poll, choice }, { kind: 'vote', poll, choice, counted: false });
  }

  async react(emoji: string): Promise<void> {
    await this.send({ type: 'react', emoji });
  }

  async editQuestion(question: string, text: string): Promise<void> {
    await this.send({ type: 'edit', question, text });
  }

  async deleteQuestion(question: string): Promise<void> {
    await this.send({ type: 'delete', question });
  }

  async loadMore(status: QuestionStatus, sort: QuestionOrder): Promise<boolean> {
    const key = `${status}/${sort}`;
    const cursor = this.#cursors.get(key);
    if (cursor === null) return false;
    if (!this.#joined) throw new PlenumError('not_joined', 'Not connected; try again in a moment.');
    const id = newActionId();
    this.retain();
    try {
      return await new Promise<boolean>((resolve, reject) => {
        this.#pages.set(id, { key, resolve, reject });
        this.#socket?.send(
          JSON.stringify({ type: 'more', id, status, sort, ...(cursor && { after: cursor }) }),
        );
      });
    } finally {
      this.#pages.delete(id);
      this.release();
    }
  }

  /** Where each list's pages go on: the end of its window in each order (window.ts). */
  #startCursors(state: RoomView, host: boolean): void {
    this.#cursors.clear();
    if (!state.questionCounts) return;
    for (const status of listsOf(host)) {
      for (const sort of questionOrders) {
        const size = windowSize(status, host);
        const window = questionPage(state.questions, status, sort, size);
        const last = window.questions.at(-1);
        const complete = (state.questionCounts[status] ?? 0) <= window.questions.length;
        this.#cursors.set(`${status}/${sort}`, complete || !last ? null : cursorOf(last));
      }
    }
  }

  /** The passcode this connection sends in its hello. */
  get passcode(): string | undefined {
    return this.#passcode;
  }

  /**
   * Sets or replaces the passcode; after a `passcode` refusal the connection tries again
   * with it at once (a joined connection keeps its socket and sends it on its next hello).
   */
  usePasscode(code: string): void {
    const next = code.trim() || undefined;
    // Each widget on the page may hand over the same code: one attempt answers them all.
    const same = next === this.#passcode && !this.#passcodeState.get();
    this.#passcode = next;
    if (same || this.#joined || this.#users === 0) return;
    this.#error.set(undefined);
    this.#passcodeState.set(undefined);
    this.#socket?.close();
    this.#open();
  }

  /** Lets go of this handle; the socket closes when nothing else on the page uses the room. */
  close(): void {
    this.release();
  }

  retain(): void {
    if (this.#users++ === 0) this.#open();
  }

  release(): void {
    if (--this.#users > 0) return;
    this.#users = 0;
    this.#socket?.close();
    this.#socket = undefined;
    this.#joined = false;
    this.#status.set('closed');
  }

  #open(): void {
    this.#status.set('connecting');
    const socket = openRoomSocket({
      server: this.options.server,
      room: this.options.room,
      WebSocket: this.options.WebSocket,
      shouldReconnectOnClose: (event) => !(event.code in refusedBy),
    });
    socket.addEventListener('open', () => {
      this.#helloAt = Date.now();
      socket.send(
        JSON.stringify({
          type: 'hello',
          v: PROTOCOL_VERSION,
          participant: this.options.participant ?? participantId(),
          ...(this.options.hostKey !== undefined && { hostKey: this.options.hostKey }),
          ...(this.options.display && { display: true }),
          ...(this.#passcode && { passcode: this.#passcode }),
        }),
      );
    });
    socket.addEventListener('message', (event) => this.#receive(String(event.data)));
    socket.addEventListener('close', (event) => {
      if (this.#socket !== socket) return;
      this.#joined = false;
      // A page asked on a closed socket never comes; the welcome after the reconnect starts afresh.
      const lost = new PlenumError('not_joined', 'The connection dropped; try again.');
      for (const page of this.#pages.values()) page.reject(lost);
      const refusal = refusedBy[event.code];
      if (refusal) {
        this.#status.set('closed');
        // A passcode refusal is not retried: the code must change first (usePasscode).
        if (refusal === 'passcode') this.#passcodeState.set(this.#passcode ? 'wrong' : 'needed');
        const error = new PlenumError(refusal, event.reason || 'The server refused the connection.');
        this.#error.set(error);
        for (const pending of this.#outbox.values()) pending.reject(error);
        this.#outbox.clear();
        this.#render();
      } else {
        this.#status.set(navigatorOffline() ? 'offline' : 'reconnecting');
      }
    });
    this.#socket = socket;
  }

  #receive(raw: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case 'welcome': {
        // The welcome answering a hello left the server about half a round trip ago (a
        // server may also send one unasked, to a client that fell behind: no round trip then).
        const at = Date.now();
        if (this.#helloAt && typeof message.now === 'number')
          this.#offset = message.now + (at - this.#helloAt) / 2 - at;
        this.#helloAt = 0;
        this.#seq = message.seq;
        this.#truth = message.state;
        this.#truthMine = message.mine;
        this.#startCursors(message.state, message.host);
        // A snapshot holds everything acknowledged so far.
        this.#settling.clear();
        this.#joined = true;
        this.#error.set(undefined);
        this.#passcodeState.set(undefined);
        this.#render();
        this.#status.set('open');
        // Everything not yet acknowledged goes again, with the same ids: applied at most once.
        for (const pending of this.#outbox.values()) this.#socket?.send(JSON.stringify(pending.message));
        return;
      }
      case 'patch':
        if (!this.#truth) return;
        if (message.seq !== this.#seq + 1) return this.#resync();
        this.#seq = message.seq;
        this.#truth = applyPatch(this.#truth, message);
        for (const guess of this.#settling) if (guess.visibleAt! <= message.seq) guess.counted = true;
        return this.#render();
      case 'mine':
        if (this.#truth) this.#truth = applyPatch(this.#truth, message);
        this.#truthMine = applyMine(this.#truthMine, message);
        // Sent after its tick's patch: what was acknowledged before is in the truth now.
        for (const guess of this.#settling)
          if (guess.counted || guess.visibleAt === undefined) this.#settling.delete(guess);
        return this.#render();
      case 'page': {
        const waiting = this.#pages.get(message.id);
        if (!waiting || !this.#truth) return;
        this.#truth = applyPage(this.#truth, message);
        const last = message.questions.at(-1);
        this.#cursors.set(waiting.key, message.more && last ? cursorOf(last) : null);
        this.#render();
        waiting.resolve(message.more);
        return;
      }
      case 'ack': {
        const pending = this.#outbox.get(message.id);
        if (!pending) return;
        this.#outbox.delete(message.id);
        if (pending.guess && message.seq !== undefined) {
          pending.guess.visibleAt = message.seq;
          pending.guess.counted = message.seq <= this.#seq;
          this.#settling.add(pending.guess);
        }
        this.#render();
        pending.resolve(message.result);
        return;
      }
      case 'error': {
        const error = new PlenumError(message.code, message.message);
        const page = message.id === undefined ? undefined : this.#pages.get(message.id);
        if (page) return page.reject(error);
        const pending = message.id === undefined ? undefined : this.#outbox.get(message.id);
        if (pending && message.code === 'unavailable') {
          // The server cannot store it now (cluster mode, its Redis away): keep it, try again soon.
          timers.setTimeout(() => this.#retry(pending), 1000 + Math.random() * 2000);
          return;
        }
        if (pending) {
          this.#outbox.delete(message.id!);
          this.#render(); // a refused guess disappears: the view rolls back
          pending.reject(error);
        } else if (message.code === 'unauthorized' || message.code === 'version') {
          this.#error.set(error);
        }
        return;
      }
    }
  }

  /** Sends a kept action again, unless it was answered or the welcome after a reconnect re-sent it. */
  #retry(pending: Pending): void {
    if (this.#outbox.get(pending.message.id) === pending && this.#joined)
      this.#socket?.send(JSON.stringify(pending.message));
  }

  /** Publishes the truth with every guess still open laid over it. */
  #render(): void {
    const guesses: Guess[] = [...this.#settling];
    for (const pending of this.#outbox.values()) if (pending.guess) guesses.push(pending.guess);
    const { state, mine } = overlay(this.#truth, this.#truthMine, guesses);
    this.#state.set(state);
    this.#mine.set(mine);
  }

  /** A patch went missing: reconnect for a fresh snapshot rather than show a wrong view. */
  #resync(): void {
    this.#joined = false;
    this.#socket?.reconnect();
  }
}

const cursorOf = (question: Cursor): Cursor => ({
  id: question.id,
  upvotes: question.upvotes,
  createdAt: question.createdAt,
});

// Browsers only; the client compiles without the DOM library, so it names what it reads.
declare const navigator: { onLine: boolean } | undefined;

function navigatorOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
