/**
 * The PartyKit room a competent developer writes in fifteen lines: count each vote, and
 * broadcast the tally on a 50 ms timer when it changed. It stores nothing and acknowledges
 * nothing. The welcome speaks just enough of Plenum's shape for the bench's clients.
 */
import type * as Party from 'partykit/server';
import { pollWelcome } from '../lib/poll-welcome.js';

export default class TallyTicking implements Party.Server {
  counts = [0, 0, 0, 0];
  changed = false;
  constructor(readonly room: Party.Room) {
    setInterval(() => {
      if (!this.changed) return;
      this.changed = false;
      this.room.broadcast(JSON.stringify({ type: 'tally', counts: this.counts }));
    }, 50);
  }
  onMessage(raw: string, sender: Party.Connection) {
    const message = JSON.parse(raw);
    if (message.type === 'hello')
      return sender.send(JSON.stringify(pollWelcome({ room: 'partykit', counts: this.counts, online: 0 })));
    if (message.type !== 'vote' || !(message.choice in this.counts)) return;
    this.counts[message.choice]!++;
    this.changed = true;
  }
}
