/**
 * The Plenum room: one party per event room. What it does itself is a connection's life:
 * the hello (protocol version, host key, passcode, a screen's `display`), the member that
 * makes, and the close. The rest it routes: every message is charged to its allowances
 * (allowances.ts), a re-sent action is answered as the first time (seen-actions.ts), an
 * action is applied through the room model and kept by the room's journal (journal.ts), and
 * what changed goes to everyone at most once per tick (fan-out.ts, patches.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  apply,
  closeCodes,
  defaultCaps,
  listsOf,
  parseClientMessage,
  PROTOCOL_VERSION,
  report,
  reviewReaders,
  roomView,
  type Action,
  type Actor,
  type ApplyResult,
  type Changes,
  type ErrorCode,
  type Hello,
  type More,
  type Report,
  type ReportDefaults,
  type RoomCaps,
  type RoomRecord,
  type RoomView,
  type ServerMessage,
} from '@plenum/protocol';
import { Allowances, defaultQuestionsPerMinute } from './allowances.js';
import { error, send } from './answers.js';
import { networkOf } from './client-address.js';
import { FanOut, type Batch } from './fan-out.js';
import { Frame } from './frames.js';
import type { ActionEntry, JournalContext, JournalOwner, RoomJournal } from './journal.js';
import { keyMatches, passcodeMatches } from './keys.js';
import { LocalJournal } from './local-journal.js';
import { pageOf, personalUpdate, welcomeFor } from './member-views.js';
import { NetworkShares } from './network-share.js';
import type { Connection, ConnectionContext, Party, Room } from './party.js';
import { PatchBuilder } from './patches.js';
import type { TokenBucket } from './rate-limit.js';
import { answerRoomRequest, type RoomApiOptions } from './room-api.js';
import { SeenActions } from './seen-actions.js';
import type { RoomMeta } from './storage/storage.js';

interface Member {
  participant: string;
  host: boolean;
  /** Part of the audience: not the host's console, not a projector (a `display` hello). */
  audience: boolean;
  /** A screen (a `display` hello): it shows the room and cannot act. */
  display: boolean;
  /** Missed a patch (slow socket): gets a fresh snapshot when it has drained (fan-out.ts). */
  stale: boolean;
}
interface ConnectionState {
  member?: Member;
  /** This connection's own allowance of messages. */
  messages: TokenBucket;
  /** The client's network (see client-address.ts), for the host's network-share note. */
  network: string;
  /** Closes a socket that never says hello. */
  helloTimer?: NodeJS.Timeout;
}

/** A socket that has not said hello by then is closed. */
export const defaultHelloTimeoutMs = 10_000;

export interface PlenumRoomOptions extends RoomApiOptions {
  now?: () => number;
  helloTimeoutMs?: number;
  questionsPerMinute?: number;
  /** How much a room may hold; unset caps keep their defaults. */
  caps?: Partial<RoomCaps>;
  /** Where the room's log is (default: a `LocalJournal` on `storage`; `ClusterJournal` in cluster mode). */
  journal?: (context: JournalContext) => RoomJournal;
}

/** Why a hello is turned away: the error it is answered with, then the socket's close. */
interface Refusal {
  code: ErrorCode;
  message: string;
  close: number;
  reason: string;
}

const refusals = {
  version: {
    code: 'version',
    message: `This server speaks protocol version ${PROTOCOL_VERSION}.`,
    close: closeCodes.version,
    reason: 'Unsupported protocol version',
  },
  hostKey: {
    code: 'unauthorized',
    message: 'The host key does not match this room.',
    close: closeCodes.unauthorized,
    reason: 'Wrong host key',
  },
  wrongPasscode: {
    code: 'passcode',
    message: 'The passcode is wrong.',
    close: closeCodes.passcode,
    reason: 'Wrong passcode',
  },
  passcodeNeeded: {
    code: 'passcode',
    message: 'This room needs a passcode.',
    close: closeCodes.passcode,
    reason: 'Passcode needed',
  },
  reconnecting: {
    code: 'rate_limited',
    message: 'Reconnecting too often; wait a moment.',
    close: closeCodes.rateLimited,
    reason: 'Reconnecting too often',
  },
} as const satisfies Record<string, Refusal>;

export class PlenumRoom implements Party<ConnectionState> {
  #meta!: RoomMeta;
  #seq = 0;
  readonly #fanOut = new FanOut<Member, ConnectionState>({
    connections: () => this.room.getConnections(),
    member: (connection) => connection.state?.member,
    take: () => this.#take(),
    store: () => this.#journal.storeNow(),
    welcome: (member) => welcomeFor(this.#record, this.#seq, member, this.#now()),
    personal: (participant) => personalUpdate(this.#record, participant),
  });
  readonly #patch = new PatchBuilder();
  readonly #seen = new SeenActions();
  readonly #now: () => number;
  readonly #allowances: Allowances;
  readonly #networks = new NetworkShares();
  readonly #journal: RoomJournal;

  constructor(
    readonly room: Room<ConnectionState>,
    readonly options: PlenumRoomOptions,
  ) {
    this.#now = options.now ?? Date.now;
    this.#allowances = new Allowances(this.#now, options.questionsPerMinute ?? defaultQuestionsPerMinute);
    const context: JournalContext = {
      room: room.id,
      storage: options.storage,
      now: this.#now,
      caps: { ...defaultCaps, ...options.caps },
      seen: this.#seen,
    };
    this.#journal = (options.journal ?? ((context) => new LocalJournal(context)))(context);
  }

  get #record(): RoomRecord {
    return this.#journal.record;
  }

  get record(): RoomRecord {
    return this.#record;
  }

  /** What anyone may see of the room (the HTTP API's `GET /api/rooms/:room`). */
  publicView(): RoomView {
    return roomView(this.#record, this.online);
  }

  /** Everything the host sees. */
  hostView(): RoomView {
    return roomView(this.#record, this.online, { host: true });
  }

  /** The event in numbers, for the host's report. */
  report(defaults?: ReportDefaults): Report {
    return report(this.#record, defaults);
  }

  /**
   * Performs an action for the HTTP API: the same rules, log and broadcast as over the
   * socket, answered once the change is durably stored.
   */
  perform(action: Action, actor: Actor): Promise<ServerMessage> {
    return this.#act(action, actor);
  }

  /** The room's metadata changed in storage (its passcode): new hellos are checked against it. */
  useMeta(meta: RoomMeta): void {
    this.#meta = meta;
  }

  onStart(): void | Promise<void> {
    const meta = this.options.storage.getRoom(this.room.id);
    if (!meta) throw new Error(`Room ${this.room.id} does not exist.`);
    this.#meta = meta;
    const owner: JournalOwner = {
      apply: (entry, network) => this.#apply(entry, network),
      presenceChanged: (at) => this.#presenceChanged(at),
      resyncAll: () => this.#fanOut.resyncAll(),
    };
    return this.#journal.open(meta, owner);
  }

  /** The online count goes out with the next tick (at most once a second). */
  #presenceChanged(at: number): void {
    this.#patch.online(this.online, at);
    this.#fanOut.schedule();
  }

  onConnect(connection: Connection<ConnectionState>, context: ConnectionContext): void {
    const helloTimer = setTimeout(
      () => connection.close(closeCodes.helloTimeout, 'No hello in time'),
      this.options.helloTimeoutMs ?? defaultHelloTimeoutMs,
    );
    helloTimer.unref();
    connection.state = {
      messages: this.#allowances.forConnection(),
      network: networkOf(context.address),
      helloTimer,
    } satisfies ConnectionState;
  }

  onMessage(raw: string, connection: Connection<ConnectionState>): void {
    // Set in onConnect, which the host calls first.
    const state = connection.state!;
    if (!state.messages.take()) {
      return send(connection, error('rate_limited', 'Too many messages; slow down.', idOf(raw)));
    }
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) return send(connection, error(parsed.code, parsed.message, parsed.id));
    const message = parsed.message;
    if (message.type === 'hello') return this.#hello(message, connection, state);
    if (!state.member) {
      return send(connection, error('not_joined', 'Say hello before acting.', message.id));
    }
    // Paging reads, it does not act: a screen may page too.
    if (message.type === 'more') return this.#more(message, connection, state.member);
    const member = state.member;
    if (member.display) {
      return send(connection, error('forbidden', 'A screen shows the room; it cannot act.', message.id));
    }
    // A re-sent question costs nothing: it is answered as the first time.
    const newQuestion =
      message.type === 'ask' && !member.host && !this.#seen.has(member.participant, message.id);
    const charge = this.#allowances.charge(member.participant, newQuestion);
    if (!charge.ok) return send(connection, error('rate_limited', charge.message, message.id));
    void this.#act(message, member, state.network).then((answer) => {
      if (answer.type !== 'error') return this.#fanOut.answer(connection, answer);
      // A question refused (too long, empty) was not asked: it leaves the allowance as it was.
      charge.refund();
      send(connection, answer);
    });
  }

  onClose(connection: Connection<ConnectionState>): void {
    const state = connection.state;
    clearTimeout(state?.helloTimer);
    const member = state?.member;
    if (!member) return;
    this.#allowances.disconnect(member.participant);
    if (member.audience) this.#journal.presence(member.participant, 'leave');
  }

  /** The room's HTTP API (room-api.ts): the same rules, log and broadcast as over the socket. */
  onRequest(request: IncomingMessage, response: ServerResponse, path: readonly string[]): Promise<void> {
    return answerRoomRequest(this, request, response, path, this.options);
  }

  onStop(): void | Promise<void> {
    this.#fanOut.stop();
    return this.#journal.close();
  }

  #hello(hello: Hello, connection: Connection<ConnectionState>, state: ConnectionState): void {
    // One connection is one member: a second hello would count it twice, or swap who it is.
    if (state.member) return send(connection, error('invalid', 'This connection has already said hello.'));
    const refusal = this.#admit(hello);
    if (refusal) {
      send(connection, error(refusal.code, refusal.message));
      return connection.close(refusal.close, refusal.reason);
    }
    clearTimeout(state.helloTimer);
    // Not kept: ten thousand idle members would each hold a spent timer.
    state.helloTimer = undefined;
    const host = hello.hostKey !== undefined;
    // The report counts people: the host's console and a projector screen are not viewers.
    const display = hello.display === true;
    const audience = !host && !display;
    state.member = { participant: hello.participant, host, audience, display, stale: false };
    send(connection, welcomeFor(this.#record, this.#seq, state.member, this.#now()));
    if (audience) this.#journal.presence(hello.participant, 'join');
  }

  /** Lets a hello in (its socket counts against the participant's allowance), or says why not. */
  #admit(hello: Hello): Refusal | undefined {
    if (hello.v !== PROTOCOL_VERSION) return refusals.version;
    if (hello.hostKey !== undefined) {
      if (!keyMatches(hello.hostKey, this.#meta.hostKeyHash)) return refusals.hostKey;
    } else if (!this.#passcodeHolds(hello.passcode ?? '')) {
      return hello.passcode ? refusals.wrongPasscode : refusals.passcodeNeeded;
    }
    return this.#allowances.connect(hello.participant) ? undefined : refusals.reconnecting;
  }

  /** Nothing of a passcoded room (no welcome) before the code; the host's key does without. */
  #passcodeHolds(given: string): boolean {
    const passcode = this.#meta.passcodeHash;
    return passcode === undefined || passcodeMatches(this.#meta.id, given, passcode);
  }

  /** One page of a list, for a client paging past its welcome's window. */
  #more(more: More, connection: Connection<ConnectionState>, member: Member): void {
    if (!listsOf(member.host).includes(more.status)) {
      return send(connection, error('forbidden', 'Only the host sees that list.', more.id));
    }
    send(connection, pageOf(this.#record, more));
  }

  /** Applies an action once, and answers after the change is durably stored. */
  #act(action: Action, actor: Actor, network?: string): Promise<ServerMessage> {
    return this.#seen.answer(actor.participant, action.id) ?? this.#journal.act(action, actor, network);
  }

  /** Applies one action, logged now or folded from the log: the same effects either way. */
  #apply(entry: ActionEntry, network?: string): ServerMessage {
    const { action } = entry;
    const actor = { participant: entry.participant, host: entry.host };
    let outcome: ApplyResult;
    try {
      outcome = apply(this.#record, action, actor, entry.at, entry.newId);
    } catch (failure) {
      // A bug in a rule must answer this action, not take the room down.
      console.error(`plenum: room ${this.room.id} failed on "${action.type}"`, failure);
      return error('internal', 'The server could not do that.', action.id);
    }
    if (!outcome.ok) return error(outcome.code, outcome.message, action.id);
    this.#changed(action, actor, outcome, network);
    // Changes go out with the next tick's patch; the ack names it so clients can settle optimistic views.
    const seq = inNextPatch(outcome.changes) ? this.#seq + 1 : undefined;
    return {
      type: 'ack',
      id: action.id,
      ...(outcome.result && { result: outcome.result }),
      ...(seq !== undefined && { seq }),
    };
  }

  /** What an applied action sets going: network shares, the next patch, personal updates. */
  #changed(
    action: Action,
    actor: Actor,
    outcome: Extract<ApplyResult, { ok: true }>,
    network?: string,
  ): void {
    if (action.type === 'vote' && network !== undefined) {
      this.#networks.count(this.#record.polls.get(action.poll)!, network, actor.participant);
    }
    if (action.type === 'poll-delete' || action.type === 'poll-reset') this.#networks.forget(action.poll);
    this.#patch.add(outcome.changes, actor.participant, action.type === 'upvote');
    for (const participant of outcome.changes.personal ?? []) this.#patch.mine.add(participant);
    // The author of a question still in review sees it change although the public does not.
    for (const id of outcome.changes.questions ?? []) {
      const question = this.#record.questions.get(id);
      for (const reader of question ? reviewReaders(question) : []) this.#patch.mine.add(reader);
    }
    this.#fanOut.schedule();
  }

  /** Members connected now (kept by the model as they join and leave: no count per call). */
  get online(): number {
    return this.#record.presence.online;
  }

  /** What changed since the last tick, for the fan-out, encoded once for each audience. */
  #take(): Batch {
    const patches = this.#patch.take(this.#record, this.#seq + 1, this.#now());
    const personal = this.#patch.mine.size > 0 ? new Set(this.#patch.mine) : undefined;
    this.#patch.mine.clear();
    if (patches) this.#seq = patches.public.seq;
    return {
      more: this.#patch.pending,
      ...(personal && { personal }),
      ...(patches && {
        patch: {
          public: Frame.text(JSON.stringify(patches.public)),
          host: Frame.text(JSON.stringify(patches.host)),
        },
      }),
    };
  }
}

/**
 * Whether the next tick's patch carries these changes. Reactions wait for their burst window,
 * which may be a later tick, and `mine` travels in a personal message: neither names a patch.
 */
const inNextPatch = (changes: Changes) =>
  Object.keys(changes).some((key) => key !== 'reactions' && key !== 'mine' && key !== 'personal');

/** The id of a message refused unread (over its allowance), so the client can match the error. */
function idOf(raw: string): string | undefined {
  const match = /"id"\s*:\s*"([^"]{1,64})"/.exec(raw);
  return match?.[1];
}
