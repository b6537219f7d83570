import { css, html } from 'lit';
import { ConsoleElement } from './console-element.js';
import { t } from './i18n.js';

let counter = 0;

/**
 * @summary A read-only value (a link or a snippet) with a Copy button and a spoken result.
 */
export class PlenumConsoleCopyField extends ConsoleElement {
  static override properties = {
    label: { type: String },
    value: { type: String },
    multiline: { type: Boolean },
    message: { state: true },
  };
  declare label: string;
  declare value: string;
  declare multiline: boolean;
  declare private message: string;
  readonly #id = `copy-${++counter}`;

  static override styles = [
    ...ConsoleElement.styles,
    css`
      .copy {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
      }
      textarea {
        min-height: 7rem;
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
      }
    `,
  ];

  constructor() {
    super();
    this.label = '';
    this.value = '';
    this.multiline = false;
    this.message = '';
  }

  override render() {
    return html`<div class="field">
      <label for=${this.#id}>${this.label}</label>
      <div class="copy">
        ${
          this.multiline
            ? html`<textarea id=${this.#id} readonly .value=${this.value} @focus=${this.#select}></textarea>`
            : html`<input id=${this.#id} readonly .value=${this.value} @focus=${this.#select} />`
        }
        <button type="button" @click=${this.#copy}>${t().copy}</button>
      </div>
      <p class="hint" role="status">${this.message}</p>
    </div>`;
  }

  #select(event: Event) {
    (event.target as HTMLInputElement).select();
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.value);
      this.message = t().copied;
    } catch {
      this.message = t().copyFailed;
    }
  }
}
