/**
 * The action ids a room has answered, per participant: a client re-sends an action it got no
 * answer for (after a reconnect, say), and the room applies it once and answers every copy
 * as it answered the first.
 */
import type { ServerMessage } from '@plenum/protocol';

/** Action ids remembered per participant; the oldest is forgotten first. */
export const rememberedIds = 512;

export class SeenActions {
  /**
   * participant -> action id -> the answer once committed (or pending). A replayed log's
   * answers are kept as they are, not each wrapped in a promise: a room of 100,000 actions
   * made as many promises at every restart.
   */
  readonly #answers = new Map<string, Map<string, ServerMessage | Promise<ServerMessage>>>();

  /** The answer given (or being given) to this action, if it was seen. */
  answer(participant: string, id: string): Promise<ServerMessage> | undefined {
    const answer = this.#answers.get(participant)?.get(id);
    return answer === undefined ? undefined : Promise.resolve(answer);
  }

  has(participant: string, id: string): boolean {
    return this.#answers.get(participant)?.has(id) ?? false;
  }

  remember(participant: string, id: string, answer: ServerMessage | Promise<ServerMessage>): void {
    let ids = this.#answers.get(participant);
    if (!ids) this.#answers.set(participant, (ids = new Map()));
    ids.set(id, answer);
    if (ids.size > rememberedIds) ids.delete(ids.keys().next().value!);
  }

  /** Forgets an action that was never stored, so that sending it again tries again. */
  forget(participant: string, id: string): void {
    this.#answers.get(participant)?.delete(id);
  }
}
