/**
 * One room connection: partysocket underneath, nanostores on top, and an outbox in between
 * so that an action made while offline is sent when the connection returns, exactly once.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';
import { PartySocket } from 'partysocket';
import {
  applyMine,
  applyPatch,
  PROTOCOL_VERSION,
  type Action,
  type Choice,
  type MineView,
  type RoomView,
  type ServerMessage,
} from '@plenum/protocol';
import { PlenumError } from './errors.js';
import { newActionId, participantId } from './ids.js';

export const statuses = ['connecting', 'open', 'reconnecting', 'offline', 'closed'] as const;
export type Status = (typeof statuses)[number];

export interface ConnectOptions {
  /** The Plenum server, e.g. `https://events.example.org`. */
  server: string;
  room: string;
  hostKey?: string;
  /** In Node, pass `ws`'s WebSocket. */
  WebSocket?: unknown;
  /** The participant id; by default made once and kept in localStorage. */
  participant?: string;
}

/** Distributes `Omit` over a union, so each action keeps its own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type ActionInput = WithoutId<Action>;

interface Pending {
  message: Action;
  resolve(result: { id?: string } | undefined): void;
  reject(error: PlenumError): void;
}

/** Close codes after which retrying cannot help (see the server's host). */
const finalCloseCodes = new Set([4400, 4403, 4404]);

/**
 * What an element needs from a room: stores to read and actions to call. `RoomConnection`
 * is the real one; Storybook and tests pass an in-memory fake.
 */
export interface RoomLike {
  readonly $state: ReadableAtom<RoomView | undefined>;
  readonly $mine: ReadableAtom<MineView>;
  readonly $status: ReadableAtom<Status>;
  readonly $error: ReadableAtom<PlenumError | undefined>;
  ask(text: string, options?: { name?: string }): Promise<string>;
  upvote(question: string): Promise<void>;
  vote(poll: string, choice: Choice): Promise<void>;
  react(emoji: string): Promise<void>;
  editQuestion(question: string, text: string): Promise<void>;
  deleteQuestion(question: string): Promise<void>;
}

export class RoomConnection implements RoomLike {
  readonly $state: ReadableAtom<RoomView | undefined>;
  readonly $mine: ReadableAtom<MineView>;
  readonly $status: ReadableAtom<Status>;
  /** Why the server refused the connection, when it did. */
  readonly $error: ReadableAtom<PlenumError | undefined>;

  readonly #state = atom<RoomView | undefined>(undefined);
  readonly #mine = atom<MineView>({ questions: [], upvoted: [], votes: {} });
  readonly #status = atom<Status>('closed');
  readonly #error = atom<PlenumError | undefined>(undefined);
  readonly #outbox = new Map<string, Pending>();
  #socket: PartySocket | undefined;
  #seq = 0;
  #joined = false;
  #users = 0;

  constructor(readonly options: ConnectOptions) {
    this.$state = this.#state;
    this.$mine = this.#mine;
    this.$status = this.#status;
    this.$error = this.#error;
    // The socket opens with the first subscriber and closes after the last one leaves.
    onMount(this.#state, () => {
      this.retain();
      return () => this.release();
    });
  }

  /** Sends an action; resolves on the server's ack, rejects with a PlenumError. */
  send(action: ActionInput): Promise<{ id?: string } | undefined> {
    const message = { ...action, id: newActionId() } as Action;
    return new Promise((resolve, reject) => {
      this.#outbox.set(message.id, { message, resolve, reject });
      this.retain();
      if (this.#joined) this.#socket?.send(JSON.stringify(message));
    }).finally(() => this.release()) as Promise<{ id?: string } | undefined>;
  }

  /** Asks a question; resolves with its id. */
  async ask(text: string, options: { name?: string } = {}): Promise<string> {
    const result = await this.send({ type: 'ask', text, ...(options.name && { name: options.name }) });
    return result?.id ?? '';
  }

  async upvote(question: string): Promise<void> {
    await this.send({ type: 'upvote', question });
  }

  /** `choice` by poll kind: an option index, indices, a text, or 1–5. */
  async vote(poll: string, choice: Choice): Promise<void> {
    await this.send({ type: 'vote', poll, choice });
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
    const url = new URL(this.options.server);
    this.#status.set('connecting');
    const socket = new PartySocket({
      host: url.host,
      protocol: url.protocol === 'https:' ? 'wss' : 'ws',
      party: 'main',
      room: this.options.room,
      WebSocket: this.options.WebSocket,
      // Jitter, so a restarted server is not hit by every client in the same millisecond.
      minReconnectionDelay: 500 + Math.random() * 2500,
      maxReconnectionDelay: 15_000,
      shouldReconnectOnClose: (event) => !finalCloseCodes.has(event.code),
    });
    socket.addEventListener('open', () => {
      socket.send(
        JSON.stringify({
          type: 'hello',
          v: PROTOCOL_VERSION,
          participant: this.options.participant ?? participantId(),
          ...(this.options.hostKey !== undefined && { hostKey: this.options.hostKey }),
        }),
      );
    });
    socket.addEventListener('message', (event: MessageEvent) => this.#receive(String(event.data)));
    socket.addEventListener('close', (event: CloseEvent) => {
      this.#joined = false;
      if (this.#socket !== socket) return;
      if (finalCloseCodes.has(event.code)) {
        this.#status.set('closed');
        this.#error.set(
          new PlenumError(closeReason(event.code), event.reason || 'The server refused the connection.'),
        );
        for (const pending of this.#outbox.values()) pending.reject(this.#error.get()!);
        this.#outbox.clear();
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
      case 'welcome':
        this.#seq = message.seq;
        this.#state.set(message.state);
        this.#mine.set(message.mine);
        this.#joined = true;
        this.#status.set('open');
        this.#error.set(undefined);
        // Everything not yet acknowledged goes again, with the same ids: applied at most once.
        for (const pending of this.#outbox.values()) this.#socket?.send(JSON.stringify(pending.message));
        return;
      case 'patch': {
        const state = this.#state.get();
        if (!state) return;
        if (message.seq !== this.#seq + 1) return this.#resync();
        this.#seq = message.seq;
        this.#state.set(applyPatch(state, message));
        return;
      }
      case 'mine': {
        const state = this.#state.get();
        if (state) this.#state.set(applyPatch(state, message));
        this.#mine.set(applyMine(this.#mine.get(), message));
        return;
      }
      case 'ack': {
        const pending = this.#outbox.get(message.id);
        this.#outbox.delete(message.id);
        pending?.resolve(message.result);
        return;
      }
      case 'error': {
        const error = new PlenumError(message.code, message.message);
        const pending = message.id === undefined ? undefined : this.#outbox.get(message.id);
        if (pending) {
          this.#outbox.delete(message.id!);
          pending.reject(error);
        } else if (message.code === 'unauthorized' || message.code === 'version') {
          this.#error.set(error);
        }
        return;
      }
    }
  }

  /** A patch went missing: reconnect for a fresh snapshot rather than show a wrong view. */
  #resync(): void {
    this.#joined = false;
    this.#socket?.reconnect();
  }
}

function closeReason(code: number) {
  return code === 4404 ? 'unknown_room' : code === 4403 ? 'unauthorized' : 'version';
}

function navigatorOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
