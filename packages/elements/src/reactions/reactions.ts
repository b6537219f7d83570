import { html, LitElement, type PropertyValues } from 'lit';
import { connectRoom, PlenumError, type RoomConnection } from '@plenum/client';
import { atom } from 'nanostores';
import { defaultEmojis, type RoomView } from '@plenum/protocol';
import { emit } from '../events.js';
import { resolveLang, strings } from '../i18n.js';
import { resolveServer } from '../server-url.js';
import { StoreController } from '../store-controller.js';
import { styles } from './reactions.styles.js';

/**
 * @summary A bar of emoji buttons: everyone's reactions, live.
 * @fires plenum-react - The participant reacted. detail: { room, emoji }
 * @csspart base - The toolbar.
 * @csspart button - One emoji button.
 * @csspart count - The running total under an emoji.
 * @cssprop --plenum-accent - Focus ring and highlights.
 */
export class PlenumReactions extends LitElement {
  static override styles = styles;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    room: { type: String, reflect: true },
    server: { type: String },
    emojis: { type: String },
    lang: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    focusIndex: { state: true },
    cooling: { state: true },
  };

  declare room: string;
  declare server: string | undefined;
  /** Space-separated; default: the room's set. */
  declare emojis: string | undefined;
  declare theme: 'light' | 'dark' | 'auto';
  declare private focusIndex: number;
  /** Emojis briefly disabled after the server said "slow down". */
  declare private cooling: ReadonlySet<string>;

  #connection: RoomConnection | undefined;
  readonly #state = new StoreController<RoomView | undefined>(this, emptyStore);

  constructor() {
    super();
    this.room = '';
    this.theme = 'auto';
    this.focusIndex = 0;
    this.cooling = new Set();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('room') || changed.has('server')) && this.room) {
      this.#connection = connectRoom({ server: resolveServer(this.server), room: this.room });
      this.#state.set(this.#connection.$state);
    }
  }

  get #emojis(): string[] {
    const own = this.emojis?.split(/\s+/).filter(Boolean);
    return own?.length ? own : (this.#state.value?.emojis ?? [...defaultEmojis]);
  }

  protected override render() {
    const t = strings(resolveLang(this));
    const emojis = this.#emojis;
    const totals = this.#state.value?.reactions ?? {};
    const focus = Math.min(this.focusIndex, emojis.length - 1);
    return html`<div part="base" role="toolbar" aria-label=${t.reactionsLabel} @keydown=${this.#onKeydown}>
      ${emojis.map((emoji, index) => {
        const count = totals[emoji] ?? 0;
        return html`<button
          part="button"
          type="button"
          tabindex=${index === focus ? 0 : -1}
          aria-label=${t.react(t.emoji[emoji] ?? emoji, count)}
          ?disabled=${this.cooling.has(emoji)}
          @click=${() => this.#react(emoji)}
          @focus=${() => (this.focusIndex = index)}
        >
          <span class="emoji" aria-hidden="true">${emoji}</span>
          <span part="count" class="count" aria-hidden="true">${count}</span>
        </button>`;
      })}
    </div>`;
  }

  #react(emoji: string): void {
    emit(this, 'plenum-react', { room: this.room, emoji });
    this.#connection?.react(emoji).catch((error: unknown) => {
      if (error instanceof PlenumError && error.code === 'rate_limited') this.#coolDown(emoji);
    });
  }

  /** The rate limit is felt as a button that rests for a moment, not as an error. */
  #coolDown(emoji: string): void {
    this.cooling = new Set([...this.cooling, emoji]);
    setTimeout(() => {
      const next = new Set(this.cooling);
      next.delete(emoji);
      this.cooling = next;
    }, 1000);
  }

  #onKeydown(event: KeyboardEvent): void {
    const count = this.#emojis.length;
    const moves: Record<string, number> = {
      ArrowRight: this.focusIndex + 1,
      ArrowDown: this.focusIndex + 1,
      ArrowLeft: this.focusIndex - 1,
      ArrowUp: this.focusIndex - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.focusIndex = (next + count) % count;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelectorAll<HTMLButtonElement>('button')[this.focusIndex]?.focus();
    });
  }
}

/** What an element shows before it knows its room. */
const emptyStore = atom<RoomView | undefined>(undefined);

declare global {
  interface HTMLElementTagNameMap {
    'plenum-reactions': PlenumReactions;
  }
}
