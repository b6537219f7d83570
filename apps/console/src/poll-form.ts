import { css, html, nothing } from 'lit';
import { activityLimits, limits, pollKinds, type PollKind, type PollView } from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { ta } from './activity-strings.js';
import { t } from './i18n.js';

export interface PollDraft {
  title: string;
  kind: PollKind;
  options?: string[];
  maxChoices?: number;
  /** Open it right away. */
  open: boolean;
}

const hasOptions = (kind: PollKind) => kind === 'single' || kind === 'multiple' || kind === 'ranking';
/** A ranking has at most 10 options: more are hard to put in order. */
const maxOptions = (kind: PollKind) =>
  kind === 'ranking' ? activityLimits.rankingOptions : limits.pollOptions;

/**
 * @summary Creates a poll of any kind, or edits a draft (its kind stays).
 * @fires plenum-console-poll-save - detail: PollDraft
 * @fires plenum-console-poll-cancel - detail: {}
 */
export class PlenumConsolePollForm extends ConsoleElement {
  static override properties = {
    poll: { attribute: false },
    kind: { state: true },
    options: { state: true },
  };
  declare poll: PollView | undefined;
  declare private kind: PollKind;
  declare private options: string[];

  static override styles = [
    ...ConsoleElement.styles,
    css`
      .option {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 0.4rem;
      }
      .narrow {
        max-width: 10rem;
      }
    `,
  ];

  constructor() {
    super();
    this.poll = undefined;
    this.kind = 'single';
    this.options = ['', ''];
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('poll') && this.poll) {
      this.kind = this.poll.kind;
      this.options = this.poll.options.length ? [...this.poll.options] : ['', ''];
    }
  }

  override firstUpdated() {
    this.renderRoot.querySelector<HTMLInputElement>('#poll-title')?.focus();
  }

  override render() {
    const s = t();
    const editing = this.poll !== undefined;
    return html`<form class="panel" @submit=${this.#submit} aria-labelledby="form-title">
      <h2 id="form-title">${editing ? s.pollEdit : s.pollNew}</h2>
      <div class="field">
        <label for="poll-title">${s.pollTitle}</label>
        <input
          id="poll-title"
          name="title"
          required
          maxlength=${limits.pollTitle}
          autocomplete="off"
          .value=${this.poll?.title ?? ''}
        />
      </div>
      <div class="field">
        <label for="poll-kind">${s.pollKind}</label>
        <select id="poll-kind" name="kind" ?disabled=${editing} @change=${this.#setKind}>
          ${pollKinds.map(
            (kind) =>
              html`<option value=${kind} ?selected=${this.kind === kind}>
                ${s.kinds[kind] ?? ta().rankingKind}
              </option>`,
          )}
        </select>
      </div>
      ${
        hasOptions(this.kind)
          ? html`<fieldset>
              <legend>${s.options}</legend>
              ${this.kind === 'ranking' ? html`<p class="muted" id="ranking-hint">${ta().rankingHint}</p>` : nothing}
              ${this.options.map(
                (option, i) =>
                  html`<div class="option">
                    <input
                      aria-label=${s.option(i + 1)}
                      name="option"
                      required
                      maxlength=${limits.pollOption}
                      autocomplete="off"
                      .value=${option}
                      @input=${(event: Event) => this.#setOption(i, (event.target as HTMLInputElement).value)}
                    />
                    <button
                      type="button"
                      aria-label=${s.removeOption(i + 1)}
                      ?disabled=${this.options.length <= 2}
                      @click=${() => this.#removeOption(i)}
                    >
                      ✕
                    </button>
                  </div>`,
              )}
              <button
                type="button"
                ?disabled=${this.options.length >= maxOptions(this.kind)}
                @click=${this.#addOption}
              >
                ${s.addOption}
              </button>
            </fieldset>`
          : nothing
      }
      ${
        this.kind === 'multiple'
          ? html`<div class="field">
              <label for="max-choices">${s.maxChoices}</label>
              <input
                id="max-choices"
                class="narrow"
                name="maxChoices"
                type="number"
                min="1"
                max=${this.options.length}
                .value=${this.poll?.maxChoices === undefined ? '' : String(this.poll.maxChoices)}
              />
            </div>`
          : nothing
      }
      <div class="row">
        <button type="submit" name="open" value="no">${s.createDraft}</button>
        <button type="submit" class="primary" name="open" value="yes">${s.createOpen}</button>
        <button type="button" @click=${this.#cancel}>${s.cancel}</button>
      </div>
    </form>`;
  }

  #setKind(event: Event) {
    this.kind = (event.target as HTMLSelectElement).value as PollKind;
  }

  #setOption(index: number, value: string) {
    // Kept in state so adding or removing a row does not lose what was typed.
    this.options = this.options.map((option, i) => (i === index ? value : option));
  }

  async #addOption() {
    this.options = [...this.options, ''];
    await this.updateComplete;
    const inputs = this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="option"]');
    inputs[inputs.length - 1]?.focus();
  }

  async #removeOption(index: number) {
    this.options = this.options.filter((_, i) => i !== index);
    await this.updateComplete;
    const inputs = this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="option"]');
    inputs[Math.min(index, inputs.length - 1)]?.focus();
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const max = Number(data.get('maxChoices') || 0);
    const detail: PollDraft = {
      title: String(data.get('title') ?? '').trim(),
      kind: this.kind,
      open: (event.submitter as HTMLButtonElement | null)?.value === 'yes',
      ...(hasOptions(this.kind) && { options: this.options.map((option) => option.trim()) }),
      ...(this.kind === 'multiple' && max > 0 && { maxChoices: max }),
    };
    this.dispatchEvent(
      new CustomEvent('plenum-console-poll-save', { detail, bubbles: true, composed: true }),
    );
  }

  #cancel() {
    this.dispatchEvent(
      new CustomEvent('plenum-console-poll-cancel', { detail: {}, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plenum-console-poll-save': CustomEvent<PollDraft>;
    'plenum-console-poll-cancel': CustomEvent<Record<string, never>>;
  }
}
