/**
 * Every visible and accessible string, one catalogue per language. Pages override strings
 * with `setStrings('de', { … })`.
 */
const en = {
  reactionsLabel: 'Reactions',
  react: (name: string, count: number) => `${name}, ${count} so far`,
  emoji: {
    '👍': 'Thumbs up',
    '👏': 'Applause',
    '❤️': 'Love',
    '😂': 'Laughing',
    '🎉': 'Celebrate',
    '🤔': 'Thinking',
  } as Record<string, string>,
  status: {
    connecting: 'Connecting…',
    open: 'Connected',
    reconnecting: 'Connection lost. Reconnecting…',
    offline: 'You are offline. We will reconnect when you are back.',
    closed: 'Not connected.',
  },
  errors: {
    unknown_room: 'This room does not exist (any more).',
    rate_limited: 'Slow down a little.',
    fallback: 'Something went wrong. Please try again.',
  } as Record<string, string>,
};

export type Strings = typeof en;
export type Lang = 'de' | 'en';

const de: Strings = {
  reactionsLabel: 'Reaktionen',
  react: (name, count) => `${name}, bisher ${count}`,
  emoji: {
    '👍': 'Daumen hoch',
    '👏': 'Applaus',
    '❤️': 'Herz',
    '😂': 'Lachen',
    '🎉': 'Feiern',
    '🤔': 'Nachdenken',
  },
  status: {
    connecting: 'Verbinde…',
    open: 'Verbunden',
    reconnecting: 'Verbindung unterbrochen. Verbinde neu…',
    offline: 'Sie sind offline. Wir verbinden neu, sobald Sie wieder online sind.',
    closed: 'Nicht verbunden.',
  },
  errors: {
    unknown_room: 'Diesen Raum gibt es nicht (mehr).',
    rate_limited: 'Bitte etwas langsamer.',
    fallback: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
  },
};

const catalogues: Record<Lang, Strings> = { en, de };

export function setStrings(lang: Lang, overrides: Partial<Strings>): void {
  catalogues[lang] = { ...catalogues[lang], ...overrides };
}

/** `lang` attribute, then the nearest `lang` in the page (across shadow roots), then the browser. */
export function resolveLang(element: Element): Lang {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return pick(node.getAttribute('lang')!);
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return pick(navigator.language);
}

function pick(tag: string): Lang {
  return tag.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function strings(lang: Lang): Strings {
  return catalogues[lang];
}
