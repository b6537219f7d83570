/**
 * @summary Open answers as a word cloud: the more mentions, the bigger the word.
 *
 * Decoration only: the element hides itself from assistive technology, so whoever shows
 * it must also offer the answers as a list (the poll widget and the present view do). It
 * uses no library and is loaded on demand (see `loadWordCloud`), so plenum.js carries none
 * of it. Words are laid out as centred, wrapping lines, the most mentioned in the middle:
 * it fits any width and never overlaps.
 *
 * @cssprop --plenum-text - Colour of the words.
 * @cssprop --plenum-accent - Colour of the most mentioned words.
 * @cssprop --plenum-font - Font family.
 */
export interface CloudWord {
  text: string;
  count: number;
}

/** At most this many words: beyond it, a cloud is noise. */
const maxWords = 50;
/** Font sizes in em, from the least to the most mentioned. */
const [smallest, largest] = [1, 3.2];

/**
 * The words in cloud order with their sizes: the most mentioned first in the middle, the
 * others alternating to either side; a square-root scale, so one runaway answer does not
 * shrink all others to nothing. Equal counts keep their given order (deterministic).
 */
export function cloudLayout(words: readonly CloudWord[]): { text: string; size: number; top: boolean }[] {
  const chosen = [...words].sort((a, b) => b.count - a.count).slice(0, maxWords);
  const high = Math.sqrt(chosen[0]?.count ?? 1);
  const low = Math.sqrt(chosen.at(-1)?.count ?? 1);
  const sized = chosen.map((word) => {
    const share = high === low ? 1 : (Math.sqrt(word.count) - low) / (high - low);
    return {
      text: word.text,
      size: Math.round((smallest + share * (largest - smallest)) * 100) / 100,
      top: word.count === chosen[0]!.count,
    };
  });
  const ordered: typeof sized = [];
  sized.forEach((word, i) => (i % 2 ? ordered.unshift(word) : ordered.push(word)));
  return ordered;
}

const styles = `
:host { display: block; font-family: var(--plenum-font, inherit); }
ul { list-style: none; margin: 0; padding: 0.25em 0; display: flex; flex-wrap: wrap;
  justify-content: center; align-items: baseline; gap: 0.1em 0.6em; line-height: 1.15; }
li { color: var(--plenum-text, CanvasText); overflow-wrap: anywhere; max-width: 100%; }
.top { color: var(--plenum-accent, LinkText); font-weight: 700; }
`;

export class PlenumWordCloud extends HTMLElement {
  #words: readonly CloudWord[] = [];
  readonly #list = document.createElement('ul');

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = styles;
    this.#list.part.add('cloud');
    root.append(style, this.#list);
  }

  /** The answers to show, e.g. an open poll's `results.answers`. */
  get words(): readonly CloudWord[] {
    return this.#words;
  }
  set words(words: readonly CloudWord[]) {
    this.#words = words;
    this.#render();
  }

  connectedCallback(): void {
    this.setAttribute('aria-hidden', 'true');
  }

  #render(): void {
    const items = cloudLayout(this.#words).map((word) => {
      const item = document.createElement('li');
      item.textContent = word.text;
      item.style.fontSize = `${word.size}em`;
      if (word.top) item.className = 'top';
      return item;
    });
    this.#list.replaceChildren(...items);
  }
}

if (!customElements.get('plenum-word-cloud')) customElements.define('plenum-word-cloud', PlenumWordCloud);

declare global {
  interface HTMLElementTagNameMap {
    'plenum-word-cloud': PlenumWordCloud;
  }
}
