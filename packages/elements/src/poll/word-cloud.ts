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
import { cloudLayout, type CloudWord } from './cloud-layout.js';

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
