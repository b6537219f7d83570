/**
 * A PartyKit room as one writes it first: count each vote and broadcast the tally at once.
 * It stores nothing and acknowledges nothing. The welcome speaks just enough of Plenum's
 * shape for the bench's clients; the room itself is the 10 lines below it.
 */
import type * as Party from 'partykit/server';
import { pollWelcome } from '../lib/poll-welcome.js';

export default class TallyEveryVote implements Party.Server {
  counts = [0, 0, 0, 0];
  constructor(readonly room: Party.Room) {}
  onMessage(raw: string, sender: Party.Connection) {
    const message = JSON.parse(raw);
    if (message.type === 'hello')
      return sender.send(JSON.stringify(pollWelcome({ room: 'partykit', counts: this.counts, online: 0 })));
    if (message.type !== 'vote' || !(message.choice in this.counts)) return;
    this.counts[message.choice]!++;
    this.room.broadcast(JSON.stringify({ type: 'tally', counts: this.counts }));
  }
}
