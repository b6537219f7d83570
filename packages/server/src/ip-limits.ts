/**
 * Per-IP limits on new sockets: how many sockets one network may open per second, and how many
 * it may hold at once. Generous enough for a venue's Wi-Fi behind one NAT; a script on one
 * machine gets a few hundred sockets, not thousands.
 */
import type { IncomingMessage } from 'node:http';
import { clientAddress, networkOf } from './client-address.js';
import { IdleTable, TokenBucket } from './rate-limit.js';

export interface IpLimitOptions {
  /** New sockets per network per second (refill); 0 lifts the limit. */
  ratePerSecond: number;
  /** New sockets a network may open at once before the rate applies. */
  burst: number;
  /** Sockets one network may hold open at once; 0 lifts the limit. */
  sockets: number;
  /** Take the client's address from X-Forwarded-For, as set by your own proxy. */
  trustProxy: boolean;
  now?: () => number;
}

export const defaultIpLimits = { ratePerSecond: 20, burst: 100, sockets: 500 } as const;

export type Admission =
  { ok: true; address: string; release(): void } | { ok: false; retryAfterS: number; reason: string };

interface NetworkEntry {
  bucket: TokenBucket;
  open: number;
}

export class IpLimits {
  readonly #networks: IdleTable<NetworkEntry>;

  constructor(readonly options: IpLimitOptions) {
    const { ratePerSecond, burst, now = Date.now } = options;
    this.#networks = new IdleTable(
      () => ({ bucket: new TokenBucket(ratePerSecond, Math.max(1, burst), now), open: 0 }),
      // A full bucket and no socket open: a new entry later would start the same.
      (entry) => entry.open === 0 && entry.bucket.full,
    );
  }

  /** Networks remembered now (bounded: idle ones are dropped). */
  get size(): number {
    return this.#networks.size;
  }

  /** Admits one more socket from this request, or says how long to wait. */
  admit(request: IncomingMessage): Admission {
    const address = clientAddress(request, this.options.trustProxy);
    const { ratePerSecond, sockets } = this.options;
    if (ratePerSecond <= 0 && sockets <= 0) return { ok: true, address, release: () => undefined };
    const network = networkOf(address);
    const entry = this.#networks.get(network);
    if (sockets > 0 && entry.open >= sockets) {
      return { ok: false, retryAfterS: 10, reason: `More than ${sockets} sockets from one network.` };
    }
    if (ratePerSecond > 0 && !entry.bucket.take()) {
      return {
        ok: false,
        retryAfterS: Math.max(1, Math.ceil(entry.bucket.waitMs / 1000)),
        reason: `More than ${ratePerSecond} new sockets per second from one network.`,
      };
    }
    entry.open += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      entry.open -= 1;
      this.#networks.release(network);
    };
    return { ok: true, address, release };
  }
}
