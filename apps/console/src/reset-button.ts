import { html, nothing } from 'lit';
import { ActivityHost } from '@plenum/client';
import type { HostRoom } from './host-room.js';
import { ConsoleElement } from './console-element.js';
import { ta } from './activity-strings.js';
import { errorText } from './i18n.js';

/**
 * @summary "Reset answers…" for a poll, quiz or survey, after a rehearsal: asks first (what
 * goes, and that the report will say so), then removes every answer. Focus moves into the
 * question and back to the button, so a keyboard user never loses their place.
 */
export class PlenumConsoleResetButton extends ConsoleElement {
  static override properties = {
    connection: { attribute: false },
    kind: { type: String },
    item: { type: String },
    label: { type: String },
    count: { type: Number },
    asking: { state: true },
    message: { state: true },
    done: { state: true },
  };
  declare connection: HostRoom | undefined;
  /** What is reset: a poll, a quiz or a survey. */
  declare kind: 'poll' | 'quiz' | 'survey';
  /** Its id. */
  declare item: string;
  /** Its title, as the confirmation names it. */
  declare label: string;
  /** How many answers it holds now. */
  declare count: number;
  declare private asking: boolean;
  declare private message: string;
  declare private done: boolean;

  constructor() {
    super();
    this.kind = 'poll';
    this.item = '';
    this.label = '';
    this.count = 0;
    this.asking = false;
    this.message = '';
    this.done = false;
  }

  override render() {
    const s = ta();
    if (!this.asking)
      return html`<button type="button" class="reset" @click=${this.#ask}>${s.reset}</button>
        <span role="status">${this.done ? s.resetDone(this.label) : nothing}</span>`;
    return html`<div class="row" role="group" aria-labelledby="reset-question">
      <span id="reset-question" tabindex="-1">${s.resetConfirm(this.label, s.answers(this.count))}</span>
      <button type="button" class="danger confirm" @click=${this.#reset}>${s.resetDo}</button>
      <button type="button" class="cancel" @click=${this.#cancel}>${s.cancel}</button>
      ${this.message ? html`<span class="error" role="alert">${this.message}</span>` : nothing}
    </div>`;
  }

  async #ask() {
    this.asking = true;
    this.done = false;
    this.message = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.cancel')?.focus();
  }

  async #cancel() {
    this.asking = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.reset')?.focus();
  }

  async #reset() {
    const host = this.connection?.host;
    if (!host) return;
    try {
      await new ActivityHost(host).reset(this.kind, this.item);
      this.done = true;
      await this.#cancel();
    } catch (error) {
      this.message = errorText(error);
    }
  }
}
