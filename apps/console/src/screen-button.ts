import { css, html, nothing } from 'lit';
import type { HostRoom } from './host-room.js';
import type { RoomView, Screen } from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { errorText, t } from './i18n.js';

export const sameScreen = (a: Screen | undefined, b: Screen): boolean =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * @summary One button that puts something on the big screen. Pressed (and saying so) while
 * that is what the screen shows; a refusal is shown beside it.
 */
export class PlenumConsoleScreenButton extends ConsoleElement {
  static override properties = {
    connection: { attribute: false },
    state: { attribute: false },
    screen: { attribute: false },
    label: { type: String },
    message: { state: true },
  };
  declare connection: HostRoom | undefined;
  declare state: RoomView | undefined;
  /** What this button puts on screen. */
  declare screen: Screen | undefined;
  /** The button's text; by default "Show on screen" / "On screen". */
  declare label: string;
  declare private message: string;

  static override styles = [
    ...ConsoleElement.styles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  constructor() {
    super();
    this.label = '';
    this.message = '';
  }

  override render() {
    const s = t();
    if (!this.screen) return nothing;
    const showing = sameScreen(this.state?.screen, this.screen);
    return html`<button type="button" aria-pressed=${String(showing)} @click=${this.#show}>
        ${this.label || (showing ? s.screenShowing : s.screenShow)}
      </button>
      ${this.message ? html`<span class="error" role="alert">${this.message}</span>` : nothing}`;
  }

  async #show() {
    const host = this.connection?.host;
    if (!host || !this.screen) return;
    this.message = '';
    try {
      await host.showOnScreen(this.screen);
    } catch (error) {
      this.message = errorText(error);
    }
  }
}
