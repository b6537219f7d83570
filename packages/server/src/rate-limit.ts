/** A token bucket: `perSecond` tokens refill continuously, up to `burst`. */
export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    readonly now: () => number = Date.now,
  ) {
    this.#tokens = burst;
    this.#at = now();
  }

  take(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Gives back a token taken for something that then did not happen. */
  refund(): void {
    this.#tokens = Math.min(this.burst, this.#tokens + 1);
  }

  /** Refilled to the brim: forgetting this bucket and making a new one later changes nothing. */
  get full(): boolean {
    this.#refill();
    return this.#tokens >= this.burst;
  }

  /** How long until the next token, in ms (0 when one is there). */
  get waitMs(): number {
    this.#refill();
    return this.#tokens >= 1 ? 0 : Math.ceil(((1 - this.#tokens) / this.perSecond) * 1000);
  }

  #refill(): void {
    const now = this.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#at) / 1000) * this.perSecond);
    this.#at = now;
  }
}

/**
 * Entries by key (per address, per participant), dropped lazily once `idle` says they carry
 * nothing worth keeping. The table is swept whenever it has doubled since the last sweep, so
 * memory stays bounded by the keys in use at a cost of O(1) per new key.
 */
export class IdleTable<Entry> {
  readonly #entries = new Map<string, Entry>();
  #sweepAt = minSweep;

  constructor(
    readonly create: () => Entry,
    readonly idle: (entry: Entry) => boolean,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The entry for `key`, created when there is none. */
  get(key: string): Entry {
    let entry = this.#entries.get(key);
    if (entry) return entry;
    if (this.#entries.size >= this.#sweepAt) this.sweep();
    entry = this.create();
    this.#entries.set(key, entry);
    return entry;
  }

  /** Drops this key's entry now if it is idle. */
  release(key: string): void {
    const entry = this.#entries.get(key);
    if (entry && this.idle(entry)) this.#entries.delete(key);
  }

  sweep(): void {
    for (const [key, entry] of this.#entries) if (this.idle(entry)) this.#entries.delete(key);
    this.#sweepAt = Math.max(minSweep, this.#entries.size * 2);
  }
}

const minSweep = 1024;
