/**
 * The demo room: created on the first start and seeded with an open poll and a question,
 * so a newcomer sees a live event at once. Its host key is kept beside the data (mode 600)
 * for the console link, since a stored hash cannot be shown again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Action } from '@plenum/protocol';
import { createRoomRecord } from './rooms.js';
import type { Storage } from './storage/storage.js';

export const demoRoom = 'demo';

const seed: Action[] = [
  {
    type: 'poll-create',
    id: 'seed-1',
    title: 'Wie erledigen Sie Behördengänge heute am liebsten?',
    kind: 'single',
    options: ['Online, von zu Hause', 'Vor Ort im Bürgeramt', 'Telefonisch', 'Je nach Anliegen'],
  },
  { type: 'poll-update', id: 'seed-2', poll: 'p1', status: 'open' },
  { type: 'ask', id: 'seed-3', text: 'Wann kann ich meinen Personalausweis vollständig online beantragen?' },
];

/** Creates and seeds the demo room when missing; returns its host key if known. */
export async function ensureDemoRoom(storage: Storage, dataDir: string): Promise<string | undefined> {
  const keyFile = join(dataDir, 'demo-host-key');
  if (!storage.getRoom(demoRoom)) {
    const { meta, hostKey } = createRoomRecord(storage, {
      room: demoRoom,
      title: 'Digitalisierung der Verwaltung — im Dialog mit dem CIO',
    });
    writeFileSync(keyFile, hostKey, { mode: 0o600 });
    await Promise.all(
      seed.map((action) =>
        storage.append(meta.id, { at: meta.createdAt, participant: 'plenum-demo-host', host: true, action }),
      ),
    );
  }
  return existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : undefined;
}
