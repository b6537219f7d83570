const storageKey = 'plenum:participant';

// Web Crypto is global in browsers and Node; the client compiles without the DOM library,
// so it names just the parts it uses (Web Storage too, which only browsers have).
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** 128 random bits, URL-safe. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

let counter = 0;
const session = randomId().slice(0, 8);

/** Unique per action: a session prefix and a counter, short on the wire. */
export function newActionId(): string {
  return `${session}-${(++counter).toString(36)}`;
}

let fallback: string | undefined;

/** This browser's participant id: made once, kept in localStorage (or for this page if storage is blocked). */
export function participantId(): string {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    const stored = storage?.getItem(storageKey);
    if (stored && stored.length >= 16) return stored;
    const id = randomId();
    storage?.setItem(storageKey, id);
    if (storage) return id;
  } catch {
    // Storage can be disabled by privacy settings: fall back to an id for this page's life.
  }
  return (fallback ??= randomId());
}
