/**
 * Coalesces changes between ticks: however many actions arrive, each client receives at
 * most one patch per tick, built from the entities' state at that moment.
 */
import { timing, type Changes, type Patch, type RoomRecord } from '@plenum/protocol';

export class PatchBuilder {
  /** Reactions since the last burst went out, per emoji. */
  #burst = new Map<string, number>();
  #burstStarted = 0;
  #online: number | undefined;

  add(changes: Changes): void {
    for (const [emoji, count] of Object.entries(changes.reactions ?? {})) {
      this.#burst.set(emoji, (this.#burst.get(emoji) ?? 0) + count);
    }
  }

  online(count: number): void {
    this.#online = count;
  }

  /** Something waits for a later tick (a burst whose window is not over). */
  get pending(): boolean {
    return this.#burst.size > 0;
  }

  /** The patch for this tick, or nothing when nothing changed. */
  take(record: RoomRecord, seq: number, now = Date.now()): Patch | undefined {
    const patch: Patch = { type: 'patch', seq };
    let changed = false;
    // Reactions travel as bursts per window, with the new totals: never one per click.
    if (this.#burst.size > 0 && now - this.#burstStarted >= timing.burstMs) {
      patch.burst = Object.fromEntries(this.#burst);
      patch.reactions = {};
      for (const emoji of this.#burst.keys()) patch.reactions[emoji] = record.reactions[emoji] ?? 0;
      this.#burst.clear();
      this.#burstStarted = now;
      changed = true;
    }
    if (this.#online !== undefined) {
      patch.online = this.#online;
      this.#online = undefined;
      changed = true;
    }
    return changed ? patch : undefined;
  }
}
