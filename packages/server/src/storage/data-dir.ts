import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The database file in the data directory, made private first: the folder is created 0700
 * and the file 0600 (SQLite gives its -wal and -shm files the database's mode), so no other
 * account on the machine reads the questions, names and host key hashes of the rooms.
 */
export function privateDatabaseFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'plenum.db');
  closeSync(openSync(file, 'a', 0o600));
  // Files left by an older version (or a wider umask) are narrowed too.
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
  return file;
}
