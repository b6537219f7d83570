/**
 * The host's network-share note: per poll, which participants voted from which network, so
 * the host learns when one network (a venue behind one NAT, or one machine with many
 * participant ids) accounts for an unusual share of the votes. Held in memory only: the
 * network keys are never stored, logged, shown or sent, only the resulting counts.
 */
import type { NetworkShare, PollRecord } from '@plenum/protocol';

/** A note needs more than this many voters from one network … */
export const noteVoters = 50;
/** … and more than this share of the poll's voters, in percent. */
export const notePercent = 20;

interface PollNetworks {
  voters: Map<string, Set<string>>;
  /** The most voters any one network has had (sets only grow, so this is their maximum). */
  top: number;
}

export class NetworkShares {
  readonly #polls = new Map<string, PollNetworks>();

  /** Counts a participant who voted from a network, and updates the poll's note. */
  count(poll: PollRecord, network: string, participant: string): void {
    let networks = this.#polls.get(poll.id);
    if (!networks) this.#polls.set(poll.id, (networks = { voters: new Map(), top: 0 }));
    let voters = networks.voters.get(network);
    if (!voters) networks.voters.set(network, (voters = new Set()));
    voters.add(participant);
    networks.top = Math.max(networks.top, voters.size);
    // A poll's options can be replaced, dropping its responses: never more than there are.
    poll.network = note(Math.min(networks.top, poll.responses.size), poll.responses.size);
  }

  /** A deleted poll needs no counts. */
  forget(poll: string): void {
    this.#polls.delete(poll);
  }
}

function note(voters: number, total: number): NetworkShare | undefined {
  const share = total > 0 ? (voters / total) * 100 : 0;
  return voters > noteVoters && share > notePercent ? { voters, share: Math.round(share) } : undefined;
}
