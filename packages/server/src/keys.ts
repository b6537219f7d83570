import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret: 32 random bytes, URL-safe. */
export function newKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Keys are random and long, so one SHA-256 is enough; no slow hash needed. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Compares in constant time, so the answer's timing tells nothing about the key. */
export function keyMatches(key: string, hash: string): boolean {
  const given = Buffer.from(hashKey(key), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * A passcode is stored like a key, salted with its room so one hash says nothing about
 * another room's code. Unlike keys, people choose passcodes: the per-address limits on sockets
 * are what keep anyone from trying them one after another.
 */
export function hashPasscode(room: string, passcode: string): string {
  return hashKey(`${room}\n${passcode.trim()}`);
}

export function passcodeMatches(room: string, passcode: string, hash: string): boolean {
  return keyMatches(`${room}\n${passcode.trim()}`, hash);
}
