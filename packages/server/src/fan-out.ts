/**
 * The tick and its fan-out: at most once per tick, what changed goes to every member, one
 * serialisation per audience. A full auditorium is sent in slices, one per turn of the event
 * loop, so acks and messages keep flowing meanwhile; the next tick waits until every slice is
 * out, and then goes at once (it is already a tick interval late). A member whose socket is
 * not reading is skipped and, once drained, sent a fresh welcome instead of what it missed.
 */
import { timing, type ServerMessage } from '@plenum/protocol';
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

/** A member as the fan-out sees one. */
export interface Recipient {
  readonly participant: string;
  readonly host: boolean;
  /** Missed a patch (slow socket): gets a fresh welcome when it has drained. */
  stale: boolean;
}

/** What one tick sends. */
export interface Batch {
  /** The tick's patches, encoded once: every member of an audience gets the same bytes. */
  patch?: { public: Buffer; host: Buffer };
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
  /** A tick still going out, and the turn that sends its next slice. */
  #delivery: Delivery<Member, State> | undefined;
  #nextTurn: NodeJS.Immediate | undefined;
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
    this.#ticker ??= setTimeout(() => {
      this.#ticker = undefined;
      this.tick();
    }, this.#tickMs);
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
    if (!batch.patch && !batch.personal && !this.#resyncing) return;
    // Who is here now gets this tick; whoever joins meanwhile has it in their welcome.
    this.#delivery = new Delivery(this.room, [...this.room.connections()], batch);
    this.#turn(false);
  }

  /** Sends what is pending at once and stops ticking (the room is stopping). */
  stop(): void {
    clearTimeout(this.#ticker);
    this.#ticker = undefined;
    this.#finish();
    this.tick();
    this.#finish();
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
  /** Personal messages, serialised once per participant (they may have several tabs). */
  readonly #personal = new Map<string, string>();

  constructor(
    readonly room: FanOutRoom<Member, State>,
    readonly targets: Connection<State>[],
    readonly batch: Batch,
  ) {}

  /** Sends until every target has it (true) or the clock passed the deadline (false). */
  send(deadline: number, clock: () => number): boolean {
    const { targets } = this;
    while (this.#next < targets.length) {
      this.#deliver(targets[this.#next++]!);
      if (this.#next % socketsPerClockRead === 0 && deadline !== Infinity && clock() > deadline) break;
    }
    return this.#next >= targets.length;
  }

  #deliver(connection: Connection<State>): void {
    const member = this.room.member(connection);
    if (!member) return;
    if (connection.bufferedAmount > bufferLimitBytes) {
      member.stale = this.stale = true;
      return;
    }
    if (member.stale) {
      member.stale = false;
      return connection.send(JSON.stringify(this.room.welcome(member)));
    }
    const { patch, personal } = this.batch;
    if (patch) connection.send(member.host ? patch.host : patch.public);
    if (personal?.has(member.participant)) connection.send(this.#personalText(member.participant));
  }

  #personalText(participant: string): string {
    let text = this.#personal.get(participant);
    if (text === undefined)
      this.#personal.set(participant, (text = JSON.stringify(this.room.personal(participant))));
    return text;
  }
}
