/**
 * The tick and its fan-out: at most once per tick, what changed goes to every member, one
 * serialisation per audience. A full auditorium is sent in slices, one per turn of the event
 * loop, so messages keep flowing meanwhile; the next tick waits until every slice is out, and
 * then goes at once (it is already a tick interval late). A member whose socket is not reading
 * is skipped and, once drained, sent a fresh welcome instead of what it missed.
 *
 * Answers (acks) ride with a tick that is on its way: a member's answers and its patch leave
 * in one socket write, since on loopback the write itself costs more than everything else a
 * vote does. On its way means: the tick that stored the answered actions (a burst's acks all
 * go with the tick that shows it), or, in a room that has had no tick for a tick interval, the
 * tick the answer brings forward to now. An answer never waits for a tick to come: in a busy
 * room, or while a tick goes out in slices, it leaves at once.
 */
import { timing, type ServerMessage } from '@plenum/protocol';
import { Frame } from './frames.js';
import type { Connection } from './party.js';
import { bufferLimitBytes } from './party-host.js';

/**
 * How long one turn of the event loop may spend writing a tick to a full room before it
 * yields to acks and incoming messages. A time, not a socket count: a big patch (a question
 * storm) costs several times more per socket than a small one (a poll tally).
 */
export const fanOutBudgetMs = 12;
/** Reading the clock costs too: it is looked at every this many sockets. */
const socketsPerClockRead = 32;
/**
 * How long a tick waits for what it stored to be durable, so its acks go with it. An fsync
 * takes a millisecond or so; a disk busy with others' fsyncs must not hold the room's patches.
 */
export const storeWaitMs = 20;

/** A member as the fan-out sees one. */
export interface Recipient {
  readonly participant: string;
  readonly host: boolean;
  /** Missed a patch (slow socket): gets a fresh welcome when it has drained. */
  stale: boolean;
}

/** What one tick sends. */
export interface Batch {
  /** The tick's patches, framed once: every member of an audience gets the same bytes. */
  patch?: { public: Frame; host: Frame };
  /** Participants whose own view changed: each gets a personal message. */
  personal?: ReadonlySet<string>;
  /** Something waits for a later tick (a reaction burst in its window, a held online count). */
  more?: boolean;
}

/** What the fan-out needs of its room. */
export interface FanOutRoom<Member extends Recipient, State = unknown> {
  connections(): Iterable<Connection<State>>;
  /** The member behind a connection; none before its hello. */
  member(connection: Connection<State>): Member | undefined;
  /** What changed since the last tick; called once per tick. */
  take(): Batch;
  /**
   * Stores what the room's log has waiting, now; if it had anything, a promise settled once
   * it is durable. The tick waits for it (at most `storeWaitMs`), so the answers of what it
   * shows go with it instead of after it.
   */
  store?(): Promise<unknown> | undefined;
  /** A fresh snapshot, for a member that missed patches. */
  welcome(member: Member): ServerMessage;
  personal(participant: string): ServerMessage;
}

export interface FanOutOptions {
  tickMs?: number;
  budgetMs?: number;
  /** Milliseconds, for the time slices (default `performance.now`). */
  clock?: () => number;
}

export class FanOut<Member extends Recipient, State = unknown> {
  #ticker: NodeJS.Timeout | undefined;
  /** When the pending timer fires (clock time), and when the last tick started. */
  #tickerAt = Infinity;
  #lastTickAt = -Infinity;
  /** Answers waiting to go, per connection, in the order they were given. */
  readonly #answers = new Map<Connection<State>, string[]>();
  /** A stopped fan-out (the room is stopping) sends answers at once. */
  #stopped = false;
  /** A tick still going out, and the turn that sends its next slice. */
  #delivery: Delivery<Member, State> | undefined;
  #nextTurn: NodeJS.Immediate | undefined;
  /** A tick that stored what was waiting goes once that is durable, or when this timer fires. */
  #storing: NodeJS.Timeout | undefined;
  /** The next tick came while one was still going out: it goes as soon as that one is done. */
  #due = false;
  /** Some member missed a patch and waits for a snapshot. */
  #resyncing = false;
  readonly #tickMs: number;
  readonly #budgetMs: number;
  readonly #clock: () => number;

  constructor(
    readonly room: FanOutRoom<Member, State>,
    options: FanOutOptions = {},
  ) {
    this.#tickMs = options.tickMs ?? timing.tickMs;
    this.#budgetMs = options.budgetMs ?? fanOutBudgetMs;
    this.#clock = options.clock ?? (() => performance.now());
  }

  /** Something changed: a tick goes within a tick interval. */
  schedule(): void {
    this.#tickWithin(this.#tickMs);
  }

  /** Sends an answer to this connection: with a tick on its way, else at once. */
  answer(connection: Connection<State>, message: ServerMessage): void {
    const text = JSON.stringify(message);
    // A change waits for a tick that the interval allows now: the answer brings it forward.
    const allowedNow =
      this.#ticker !== undefined &&
      this.#delivery === undefined &&
      this.#clock() >= this.#lastTickAt + this.#tickMs;
    if (this.#stopped || (this.#storing === undefined && !allowedNow)) return connection.send(text);
    const waiting = this.#answers.get(connection);
    if (waiting) waiting.push(text);
    else this.#answers.set(connection, [text]);
    if (allowedNow) this.#tickWithin(0);
  }

  /** A tick within `ms`, unless one is due sooner (a tick under way sends the next at its end). */
  #tickWithin(ms: number): void {
    const at = this.#clock() + ms;
    if (this.#ticker !== undefined && this.#tickerAt <= at) return;
    clearTimeout(this.#ticker);
    this.#tickerAt = at;
    this.#ticker = setTimeout(() => {
      this.#ticker = undefined;
      this.#tickerAt = Infinity;
      this.#storeThenTick();
    }, ms);
  }

  #storeThenTick(): void {
    if (this.#storing) return;
    const stored = this.#delivery ? undefined : this.room.store?.();
    if (!stored) return this.tick();
    const go = () => {
      if (this.#storing !== bound) return;
      clearTimeout(bound);
      this.#storing = undefined;
      this.tick();
    };
    const bound = setTimeout(go, storeWaitMs);
    this.#storing = bound;
    // A turn later: the answers, given from the same promise's callbacks, are all in by then.
    const next = () => void setImmediate(go);
    stored.then(next, next);
  }

  /** Everyone connected missed something (the room started over from a snapshot). */
  resyncAll(): void {
    for (const connection of this.room.connections()) {
      const member = this.room.member(connection);
      if (member) member.stale = this.#resyncing = true;
    }
    this.schedule();
  }

  /** Sends what changed since the last tick (its first slice now, the rest in later turns). */
  tick(): void {
    if (this.#delivery) return void (this.#due = true);
    const batch = this.room.take();
    if (batch.more) this.schedule();
    if (!batch.patch && !batch.personal && !this.#resyncing && this.#answers.size === 0) return;
    this.#lastTickAt = this.#clock();
    // Who is here now gets this tick; whoever joins meanwhile has it in their welcome.
    const targets = [...this.room.connections()];
    this.#delivery = new Delivery(this.room, targets, batch, this.#answers);
    this.#turn(false);
  }

  /** Sends what is pending at once and stops ticking (the room is stopping). */
  stop(): void {
    clearTimeout(this.#storing);
    this.#storing = undefined;
    this.#finish();
    this.tick();
    this.#finish();
    this.#stopped = true;
    // A burst still in its window would schedule another tick: a stopped room has no one to send it to.
    clearTimeout(this.#ticker);
    this.#ticker = undefined;
  }

  /** One slice of the delivery under way (with `all`, the whole rest of it). */
  #turn(all: boolean): void {
    const delivery = this.#delivery!;
    const deadline = all ? Infinity : this.#clock() + this.#budgetMs;
    if (!delivery.send(deadline, this.#clock)) {
      this.#nextTurn = setImmediate(() => this.#turn(false));
      return;
    }
    this.#delivery = this.#nextTurn = undefined;
    const due = this.#due;
    this.#due = false;
    // A skipped client catches up as soon as it has drained, even if the room went quiet.
    this.#resyncing = delivery.stale;
    // A stopping room (all at once) sends its last tick itself.
    if (due && !all) return this.tick();
    if (due || delivery.stale) this.schedule();
  }

  #finish(): void {
    if (!this.#delivery) return;
    clearImmediate(this.#nextTurn);
    this.#turn(true);
  }
}

/** One tick on its way to the connections that were there when it started. */
class Delivery<Member extends Recipient, State> {
  #next = 0;
  /** Someone was skipped: their socket was not reading. */
  stale = false;
  /** Personal messages, framed once per participant (they may have several tabs). */
  readonly #personal = new Map<string, Frame>();

  constructor(
    readonly room: FanOutRoom<Member, State>,
    readonly targets: Connection<State>[],
    readonly batch: Batch,
    /** The fan-out's answers waiting: each target takes its own along. */
    readonly answers: Map<Connection<State>, string[]>,
  ) {}

  /** Sends until every target has it (true) or the clock passed the deadline (false). */
  send(deadline: number, clock: () => number): boolean {
    const { targets } = this;
    while (this.#next < targets.length) {
      this.#deliver(targets[this.#next++]!);
      if (this.#next % socketsPerClockRead === 0 && deadline !== Infinity && clock() > deadline) break;
    }
    if (this.#next < targets.length) return false;
    // Not taken by a target: closed since (the send does nothing), or joined after this tick
    // started. Answered alone.
    for (const [connection, answers] of this.answers) connection.send(...answers);
    this.answers.clear();
    return true;
  }

  #deliver(connection: Connection<State>): void {
    const answers = this.answers.get(connection);
    if (answers) this.answers.delete(connection);
    const member = this.room.member(connection);
    // A socket that is not reading misses the patch; an answer still goes (and may close it).
    if (!member || connection.bufferedAmount > bufferLimitBytes) {
      if (member) member.stale = this.stale = true;
      if (answers) connection.send(...answers);
      return;
    }
    // One write: the member's answers first, then what the room shows now.
    const parts: (string | Frame)[] = answers ?? [];
    if (member.stale) {
      member.stale = false;
      parts.push(JSON.stringify(this.room.welcome(member)));
    } else {
      const { patch, personal } = this.batch;
      if (patch) parts.push(member.host ? patch.host : patch.public);
      if (personal?.has(member.participant)) parts.push(this.#personalFrame(member.participant));
    }
    if (parts.length > 0) connection.send(...parts);
  }

  #personalFrame(participant: string): Frame {
    let frame = this.#personal.get(participant);
    if (frame === undefined)
      this.#personal.set(participant, (frame = Frame.text(JSON.stringify(this.room.personal(participant)))));
    return frame;
  }
}
