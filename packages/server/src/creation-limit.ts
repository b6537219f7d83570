/**
 * How many rooms one address may create per minute without the admin token. A sliding
 * window per address: exact, and it forgets an address a minute after its last creation,
 * so memory follows the creations of the last minute, not every address ever seen.
 */
const windowMs = 60_000;

export const defaultRoomCreationsPerMinute = 10;
export const defaultMaxRooms = 10_000;

export type CreationVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class CreationLimit {
  readonly #recent = new Map<string, number[]>();
  #sweptAt = 0;

  /** `perMinute` 0 lets everyone create without limit. */
  constructor(
    readonly perMinute: number,
    readonly now: () => number = Date.now,
  ) {}

  take(address: string): CreationVerdict {
    if (this.perMinute <= 0) return { ok: true };
    const now = this.now();
    this.#sweep(now);
    const times = (this.#recent.get(address) ?? []).filter((at) => at > now - windowMs);
    if (times.length >= this.perMinute) {
      this.#recent.set(address, times);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000)) };
    }
    times.push(now);
    this.#recent.set(address, times);
    return { ok: true };
  }

  /** Drops addresses that created nothing in the last minute (at most once a minute). */
  #sweep(now: number): void {
    if (now - this.#sweptAt < windowMs) return;
    this.#sweptAt = now;
    for (const [address, times] of this.#recent) {
      if (times.at(-1)! <= now - windowMs) this.#recent.delete(address);
    }
  }
}
