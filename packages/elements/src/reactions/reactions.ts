import { html, type PropertyValues } from 'lit';
import { inlineStyle } from '../inline-style.js';
import { PlenumError } from '@plenum/client';
import { defaultEmojis } from '@plenum/protocol';
import { increases } from '../bursts.js';
import { emit } from '../events.js';
import { PlenumElement } from '../plenum-element.js';
import { styles } from './reactions.styles.js';

interface Floater {
  id: number;
  emoji: string;
  /** px from the bar's left edge */
  x: number;
  /** a little sideways sway, so a burst looks like a burst */
  drift: number;
  delay: number;
}

/** At most this many emojis float at once: a busy room stays light. */
const maxFloaters = 24;
const floatMs = 1600;
let nextFloater = 0;

/**
 * @tag plenum-reactions
 * @summary A bar of emoji buttons: everyone's reactions, live.
 * @fires plenum-react - The participant reacted. detail: { room, emoji }
 * @csspart base - The toolbar.
 * @csspart button - One emoji button.
 * @csspart count - The running total under an emoji.
 * @csspart input - The passcode field.
 * @cssprop --plenum-accent - Focus ring and highlights.
 */
export class PlenumReactions extends PlenumElement {
  static override styles = styles;
  static override shadowRootOptions = { ...PlenumElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    emojis: { type: String },
    focusIndex: { state: true },
    cooling: { state: true },
    floaters: { state: true },
  };

  /** Space-separated; default: the room's set. */
  declare emojis: string | undefined;
  declare private focusIndex: number;
  /** Emojis briefly disabled after the server said "slow down". */
  declare private cooling: ReadonlySet<string>;
  /** Everyone's reactions rising over the bar. */
  declare private floaters: readonly Floater[];
  #totals: Readonly<Record<string, number>> | undefined;
  #totalsFrom: unknown;

  constructor() {
    super();
    this.focusIndex = 0;
    this.cooling = new Set();
    this.floaters = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const totals = this.roomStores.state?.reactions;
    if (this.#totalsFrom !== this.roomLike) this.#totals = undefined;
    this.#totalsFrom = this.roomLike;
    if (!totals || totals === this.#totals) return;
    const bursts = increases(this.#totals, totals);
    this.#totals = totals;
    if (bursts.length && !matchMedia('(prefers-reduced-motion: reduce)').matches) this.#float(bursts);
  }

  /** Bursts come from increases of the totals, so they work with any room, real or fake. */
  #float(bursts: [string, number][]): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('button')];
    const emojis = this.#emojis;
    const added: Floater[] = [];
    for (const [emoji, count] of bursts) {
      const button = buttons[emojis.indexOf(emoji)];
      if (!button) continue;
      for (let i = 0; i < Math.min(count, 3); i++) {
        added.push({
          id: nextFloater++,
          emoji,
          x: button.offsetLeft + button.offsetWidth / 2,
          drift: Math.round((Math.random() - 0.5) * 40),
          delay: i * 120,
        });
      }
    }
    const room = maxFloaters - this.floaters.length;
    if (room <= 0 || !added.length) return;
    const kept = added.slice(0, room);
    this.floaters = [...this.floaters, ...kept];
    const ids = new Set(kept.map((f) => f.id));
    setTimeout(() => (this.floaters = this.floaters.filter((f) => !ids.has(f.id))), floatMs + 400);
  }

  get #emojis(): string[] {
    const own = this.emojis?.split(/\s+/).filter(Boolean);
    return own?.length ? own : (this.roomStores.state?.emojis ?? [...defaultEmojis]);
  }

  protected override render() {
    if (this.locked) return this.renderPasscode();
    const t = this.t;
    const emojis = this.#emojis;
    const totals = this.roomStores.state?.reactions ?? {};
    const focus = Math.min(this.focusIndex, emojis.length - 1);
    return html`${this.renderConnection()}
      <div part="base" role="toolbar" aria-label=${t.reactionsLabel} @keydown=${this.#onKeydown}>
        ${emojis.map((emoji, index) => {
          const count = totals[emoji] ?? 0;
          return html`<button
            part="button"
            type="button"
            tabindex=${index === focus ? 0 : -1}
            aria-label=${t.react(t.emoji[emoji] ?? emoji, count)}
            aria-disabled=${this.cooling.has(emoji)}
            @click=${() => this.#react(emoji)}
            @focus=${() => (this.focusIndex = index)}
          >
            <span class="emoji" aria-hidden="true">${emoji}</span>
            <span part="count" class="count" aria-hidden="true">${count}</span>
          </button>`;
        })}
        <div class="sky" aria-hidden="true">
          ${this.floaters.map(
            (f) =>
              html`<span
                class="floater"
                style=${inlineStyle({ left: `${f.x}px`, '--drift': `${f.drift}px`, 'animation-delay': `${f.delay}ms` })}
                >${f.emoji}</span
              >`,
          )}
        </div>
      </div>`;
  }

  #react(emoji: string): void {
    // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
    if (this.cooling.has(emoji)) return;
    emit(this, 'plenum-react', { room: this.roomName, emoji });
    this.roomLike?.react(emoji).catch((error: unknown) => {
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

declare global {
  interface HTMLElementTagNameMap {
    'plenum-reactions': PlenumReactions;
  }
}
