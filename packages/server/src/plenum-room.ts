/**
 * The Plenum room: one party per event room. It checks every message at the door, applies
 * actions through the room model, acknowledges them once they are durably stored, and sends
 * everyone coalesced patches at most once per tick.
 */
import {
  apply,
  createRoom,
  join,
  leave,
  limits,
  mineView,
  parseClientMessage,
  PROTOCOL_VERSION,
  questionView,
  report,
  roomView,
  timing,
  type Actor,
  type Personal,
  type Report,
  type Action,
  type ErrorCode,
  type Hello,
  type RoomRecord,
  type RoomView,
  type ServerMessage,
  type Welcome,
} from '@plenum/protocol';
import { closeCodes } from './host.js';
import { keyMatches } from './keys.js';
import type { Connection, Party, Room } from './party.js';
import { PatchBuilder } from './patches.js';
import { TokenBucket } from './rate-limit.js';
import type { LogEntry, RoomMeta, Storage } from './storage/storage.js';

interface Member {
  participant: string;
  host: boolean;
  /** Missed a patch (slow socket): gets a fresh snapshot when it has drained. */
  stale: boolean;
}
interface ConnectionState {
  member?: Member;
  door: TokenBucket;
}

/** A socket with more than this queued is skipped and resynced later. */
const slowClientBytes = 1 << 20;
/** Action ids remembered per participant, to apply a re-sent action once. */
const rememberedIds = 512;

export interface PlenumRoomOptions {
  storage: Storage;
  now?: () => number;
}

export class PlenumRoom implements Party {
  #record!: RoomRecord;
  #meta!: RoomMeta;
  #seq = 0;
  #ticker: NodeJS.Timeout | undefined;
  readonly #patch = new PatchBuilder();
  /** participant -> action id -> the answer once committed (or pending). */
  readonly #seen = new Map<string, Map<string, Promise<ServerMessage>>>();
  readonly #now: () => number;

  constructor(
    readonly room: Room,
    readonly options: PlenumRoomOptions,
  ) {
    this.#now = options.now ?? Date.now;
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
  report(): Report {
    return report(this.#record);
  }

  /**
   * Performs an action for the HTTP API: the same rules, log and broadcast as over the
   * socket, answered once the change is durably stored.
   */
  perform(action: Action, actor: Actor): Promise<ServerMessage> {
    return this.#act(action, actor);
  }

  onStart(): void {
    const meta = this.options.storage.getRoom(this.room.id);
    if (!meta) throw new Error(`Room ${this.room.id} does not exist.`);
    this.#meta = meta;
    this.#record = createRoom({
      id: meta.id,
      title: meta.title,
      moderation: meta.moderation,
      createdAt: meta.createdAt,
    });
    for (const entry of this.options.storage.load(this.room.id)) this.#replay(entry);
    // Connections open before a restart are gone; viewers and peaks stay as they were.
    this.#record.presence.connections.clear();
    this.#record.presence.online = 0;
  }

  #replay(entry: LogEntry): void {
    if ('action' in entry) {
      apply(this.#record, entry.action, { participant: entry.participant, host: entry.host }, entry.at);
      this.#remember(
        entry.participant,
        entry.action.id,
        Promise.resolve({ type: 'ack', id: entry.action.id }),
      );
    }
  }

  onConnect(connection: Connection): void {
    connection.state = {
      door: new TokenBucket(limits.actionsPerSecond, limits.actionsBurst, this.#now),
    } satisfies ConnectionState;
  }

  onMessage(raw: string, connection: Connection): void {
    const state = connection.state as ConnectionState;
    if (!state.door.take()) {
      return send(connection, error('rate_limited', 'Too many messages; slow down.', idOf(raw)));
    }
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) return send(connection, error(parsed.code, parsed.message, parsed.id));
    const message = parsed.message;
    if (message.type === 'hello') return this.#hello(message, connection, state);
    if (!state.member) {
      return send(connection, error('not_joined', 'Say hello before acting.', message.id));
    }
    void this.#act(message, state.member).then((answer) => send(connection, answer));
  }

  onClose(connection: Connection): void {
    const member = (connection.state as ConnectionState | undefined)?.member;
    if (!member) return;
    const at = this.#now();
    leave(this.#record, member.participant, at);
    this.#logPresence({ at, participant: member.participant, presence: 'leave' });
    this.#patch.online(this.online);
    this.#schedule();
  }

  onStop(): void {
    clearTimeout(this.#ticker);
    this.#ticker = undefined;
    this.#tick();
    this.options.storage.flush();
  }

  #hello(hello: Hello, connection: Connection, state: ConnectionState): void {
    if (hello.v !== PROTOCOL_VERSION) {
      send(connection, error('version', `This server speaks protocol version ${PROTOCOL_VERSION}.`));
      return connection.close(closeCodes.version, 'Unsupported protocol version');
    }
    let host = false;
    if (hello.hostKey !== undefined) {
      if (!keyMatches(hello.hostKey, this.#meta.hostKeyHash)) {
        send(connection, error('unauthorized', 'The host key does not match this room.'));
        return connection.close(closeCodes.forbidden, 'Wrong host key');
      }
      host = true;
    }
    state.member = { participant: hello.participant, host, stale: false };
    const at = this.#now();
    join(this.#record, hello.participant, at);
    this.#logPresence({ at, participant: hello.participant, presence: 'join' });
    send(connection, this.#welcome(state.member));
    this.#patch.online(this.online);
    this.#schedule();
  }

  /** Presence feeds the report only; a lost entry (e.g. at shutdown) must not fail anything. */
  #logPresence(entry: Extract<LogEntry, { presence: string }>): void {
    this.options.storage.append(this.room.id, entry).catch(() => undefined);
  }

  #welcome(member: Member): Welcome {
    return {
      type: 'welcome',
      v: PROTOCOL_VERSION,
      seq: this.#seq,
      host: member.host,
      state: roomView(this.#record, this.online, { host: member.host, participant: member.participant }),
      mine: mineView(this.#record, member.participant),
    };
  }

  /** Applies an action once, and answers after the change is durably stored. */
  #act(action: Action, actor: Actor): Promise<ServerMessage> {
    const seen = this.#seen.get(actor.participant)?.get(action.id);
    if (seen) return seen;
    const at = this.#now();
    const outcome = apply(this.#record, action, { participant: actor.participant, host: actor.host }, at);
    if (!outcome.ok) return Promise.resolve(error(outcome.code, outcome.message, action.id));
    this.#patch.add(outcome.changes, actor.participant);
    // The author of a question still in review sees it change although the public does not.
    for (const id of outcome.changes.questions ?? []) {
      const question = this.#record.questions.get(id);
      if (question?.status === 'review') this.#patch.mine.add(question.author);
    }
    this.#schedule();
    const entry: LogEntry = { at, participant: actor.participant, host: actor.host, action };
    // Changes go out with the next tick's patch; the ack names it so clients can settle optimistic views.
    const seq = hasChanges(outcome.changes) ? this.#seq + 1 : undefined;
    const answer = this.options.storage.append(this.room.id, entry).then(
      (): ServerMessage => ({
        type: 'ack',
        id: action.id,
        ...(outcome.result && { result: outcome.result }),
        ...(seq !== undefined && { seq }),
      }),
      (): ServerMessage => error('internal', 'Could not store the action; please try again.', action.id),
    );
    this.#remember(actor.participant, action.id, answer);
    return answer;
  }

  #remember(participant: string, id: string, answer: Promise<ServerMessage>): void {
    let ids = this.#seen.get(participant);
    if (!ids) this.#seen.set(participant, (ids = new Map()));
    ids.set(id, answer);
    if (ids.size > rememberedIds) ids.delete(ids.keys().next().value!);
  }

  /** Members connected now. */
  get online(): number {
    let count = 0;
    for (const connection of this.room.getConnections()) {
      if ((connection.state as ConnectionState | undefined)?.member) count++;
    }
    return count;
  }

  #schedule(): void {
    this.#ticker ??= setTimeout(() => {
      this.#ticker = undefined;
      this.#tick();
    }, timing.tickMs);
  }

  /** Sends what changed since the last tick: one serialisation per audience, every member. */
  #tick(): void {
    const patches = this.#patch.take(this.#record, this.#seq + 1, this.#now());
    if (this.#patch.pending) this.#schedule();
    const personal = this.#patch.mine.size > 0 ? new Set(this.#patch.mine) : undefined;
    this.#patch.mine.clear();
    if (!patches && !personal) return;
    if (patches) this.#seq = patches.public.seq;
    const wire = patches && { public: JSON.stringify(patches.public), host: JSON.stringify(patches.host) };
    const personalWire = new Map<string, string>();
    for (const connection of this.room.getConnections()) {
      const member = (connection.state as ConnectionState | undefined)?.member;
      if (!member) continue;
      if (connection.bufferedAmount > slowClientBytes) {
        member.stale = true;
        continue;
      }
      if (member.stale) {
        member.stale = false;
        send(connection, this.#welcome(member));
        continue;
      }
      if (wire) connection.send(member.host ? wire.host : wire.public);
      if (personal?.has(member.participant)) {
        let text = personalWire.get(member.participant);
        if (text === undefined)
          personalWire.set(member.participant, (text = JSON.stringify(this.#personal(member.participant))));
        connection.send(text);
      }
    }
  }

  /** What only this participant sees: their flags and their own questions still in review. */
  #personal(participant: string): Personal {
    const questions = [];
    for (const question of this.#record.questions.values()) {
      if (question.author === participant && question.status === 'review')
        questions.push(questionView(question));
    }
    return {
      type: 'mine',
      mine: mineView(this.#record, participant),
      ...(questions.length && { questions }),
    };
  }
}

const hasChanges = (changes: object) => Object.keys(changes).length > 0;

function send(connection: Connection, message: ServerMessage): void {
  connection.send(JSON.stringify(message));
}

function error(code: ErrorCode, message: string, id?: string): ServerMessage {
  return { type: 'error', code, message, ...(id !== undefined && { id }) };
}

/** The id of a message the door refused unread, so the client can match the error. */
function idOf(raw: string): string | undefined {
  const match = /"id"\s*:\s*"([^"]{1,64})"/.exec(raw);
  return match?.[1];
}
