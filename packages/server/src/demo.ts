/**
 * The demo room (`plenum serve --demo`): created when missing and seeded with an open poll
 * and a question, so a newcomer sees a live event at once. The seed is the host's, under a
 * participant id no hello can claim, so nobody can edit or delete the seeded question.
 */
import { randomBytes } from 'node:crypto';
import type { Action } from '@plenum/protocol';
import { createRoomRecord } from './rooms.js';
import type { LogEntry, Storage } from './storage/storage.js';

export const demoRoom = 'demo';

/** Hellos need 16 characters or more: this author is nobody's. */
const seedAuthor = 'host';

function seed(at: number): LogEntry[] {
  const poll = `p${randomBytes(6).toString('hex')}`;
  const actions: [Action, string?][] = [
    [
      {
        type: 'poll-create',
        id: 'seed-1',
        title: 'Wie erledigen Sie Behördengänge heute am liebsten?',
        kind: 'single',
        options: ['Online, von zu Hause', 'Vor Ort im Bürgeramt', 'Telefonisch', 'Je nach Anliegen'],
      },
      poll,
    ],
    [{ type: 'poll-update', id: 'seed-2', poll, status: 'open' }],
    [
      {
        type: 'ask',
        id: 'seed-3',
        text: 'Wann kann ich meinen Personalausweis vollständig online beantragen?',
      },
      `q${randomBytes(6).toString('hex')}`,
    ],
  ];
  return actions.map(([action, newId]) => ({
    at,
    participant: seedAuthor,
    host: true,
    action,
    ...(newId !== undefined && { newId }),
  }));
}

/**
 * Creates and seeds the demo room when missing; returns its host key when it did (the only
 * time it is known: like every host key, only its hash is kept).
 */
export async function ensureDemoRoom(storage: Storage): Promise<string | undefined> {
  if (storage.getRoom(demoRoom)) return undefined;
  // The demo takes its own id back after it expired.
  const { meta, hostKey } = createRoomRecord(storage, {
    room: demoRoom,
    title: 'Digitalisierung der Verwaltung — im Dialog mit dem CIO',
    reclaim: true,
  });
  await Promise.all(seed(meta.createdAt).map((entry) => storage.append(meta.id, entry)));
  return hostKey;
}
