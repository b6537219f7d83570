import { css, html } from 'lit';
import { ConsoleElement } from './console-element.js';
import { taOf } from './activity-strings.js';
import type { Lang } from './i18n.js';

/**
 * @summary The seconds a quiz question has left, by the server's clock (`now`, e.g. a
 * connection's `serverNow`), as a number that ticks; "Time is up." at the end. A timer
 * (`role="timer"`): assistive technology reads it when asked, it does not chatter.
 */
export class PlenumConsoleCountdown extends ConsoleElement {
  static override properties = {
    endsAt: { type: Number },
    lang: { type: String },
    now: { attribute: false },
  };
  /** When answering ends, by the server's clock (ms). */
  declare endsAt: number;
  declare lang: Lang;
  /** The server's clock as this client estimates it. */
  declare now: () => number;
  #timer: ReturnType<typeof setInterval> | undefined;

  static override styles = [
    ...ConsoleElement.styles,
    css`
      :host {
        display: inline-block;
      }
      .seconds {
        font-size: 2em;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  constructor() {
    super();
    this.endsAt = 0;
    this.lang = 'en';
    this.now = () => Date.now();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => this.requestUpdate(), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  get secondsLeft(): number {
    return Math.max(0, Math.ceil((this.endsAt - this.now()) / 1000));
  }

  override render() {
    const s = taOf(this.lang);
    const left = this.secondsLeft;
    return html`<p role="timer" aria-live="off" class="countdown">
      ${left > 0 ? html`<span class="seconds">${left}</span> <span>${s.secondsLeft(left)}</span>` : s.timeUp}
    </p>`;
  }
}
