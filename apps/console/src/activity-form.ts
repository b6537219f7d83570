import { css, html, nothing, type TemplateResult } from 'lit';
import { ActivityHost } from '@plenum/client';
import { limits, type RoomView } from '@plenum/protocol';
import type { HostRoom } from './host-room.js';
import { ConsoleElement } from './console-element.js';
import { ta } from './activity-strings.js';
import { errorText } from './i18n.js';

/**
 * What the host's quiz and survey editors share: the state of a draft being written, the
 * calls to the host, and the parts of the form and of the list that look alike. Each editor
 * keeps its own questions, ids and texts, and passes them in.
 */
export abstract class ActivityEditor<Draft> extends ConsoleElement {
  static override properties = {
    connection: { attribute: false },
    state: { attribute: false },
    editing: { state: true },
    draft: { state: true },
    message: { state: true },
    confirming: { state: true },
  };
  declare connection: HostRoom | undefined;
  declare state: RoomView | undefined;
  /** 'new', a draft activity's id, or nothing. */
  declare protected editing: string | undefined;
  declare protected draft: Draft;
  declare protected message: string;
  /** The activity whose deletion waits for a confirmation. */
  declare protected confirming: string | undefined;

  constructor(draft: Draft) {
    super();
    this.message = '';
    this.draft = draft;
  }

  protected get host(): ActivityHost | undefined {
    const host = this.connection?.host;
    return host && new ActivityHost(host);
  }

  /** Changes a copy of the draft, so that Lit sees a new value. */
  protected change(change: (draft: Draft) => void) {
    const draft = structuredClone(this.draft);
    change(draft);
    this.draft = draft;
  }

  /** Runs a host call; its error becomes the message. */
  protected async act(run: (host: ActivityHost) => Promise<void>) {
    const host = this.host;
    if (!host) return;
    this.message = '';
    try {
      await run(host);
    } catch (error) {
      this.message = errorText(error);
    }
  }

  /**
   * Sends the draft as a new activity or over the one being edited, then closes the form
   * and gives the focus to `focus` (the editor's "new" button).
   */
  protected async send(
    create: (host: ActivityHost) => Promise<unknown>,
    update: (host: ActivityHost, id: string) => Promise<unknown>,
    focus: string,
  ) {
    await this.act(async (host) => {
      if (this.editing === 'new') await create(host);
      else if (this.editing) await update(host, this.editing);
      this.editing = undefined;
      await this.focusAfterUpdate(focus);
    });
  }

  /** Moves the focus once the next render is done. */
  protected async focusAfterUpdate(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** The styles both editors' forms use. */
export const formStyles = css`
  fieldset {
    border: 1px solid var(--line);
    border-radius: 0.4rem;
    margin: 0 0 1rem;
    padding: 0.75rem;
  }
  .narrow {
    max-width: 8rem;
  }
`;

const value = (e: Event) => (e.target as HTMLInputElement).value;

const renderMessage = (message: string) =>
  message ? html`<p class="error" role="alert">${message}</p>` : nothing;

/** The activity's title. */
export const renderTitleField = (id: string, title: string, onInput: (title: string) => void) =>
  html`<p>
    <label for=${id}>${ta().title}</label>
    <input
      id=${id}
      type="text"
      maxlength=${limits.pollTitle}
      .value=${title}
      @input=${(e: InputEvent) => onInput(value(e))}
    />
  </p>`;

/** A checkbox with its label after it. */
export const renderCheckField = (
  id: string,
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
) =>
  html`<p>
    <input
      id=${id}
      type="checkbox"
      .checked=${checked}
      @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${label}</label>
  </p>`;

/** The rows under the questions: add a question; save or cancel. */
export const renderFormEnd = (questions: number, most: number, onAdd: () => void, onCancel: () => void) => {
  const s = ta();
  return html`<p class="row">
      <button type="button" class="add-question" ?disabled=${questions >= most} @click=${onAdd}>
        ${s.addQuestion}
      </button>
    </p>
    <p class="row">
      <button type="submit" class="primary">${s.save}</button>
      <button type="button" @click=${onCancel}>${s.cancel}</button>
    </p>`;
};

/** A question's text; `id` is the question's prefix (`q0`). */
export const renderQuestionText = (
  id: string,
  maxlength: number,
  text: string,
  onInput: (text: string) => void,
) =>
  html`<p>
    <label for="${id}-text">${ta().questionText}</label>
    <input
      id="${id}-text"
      type="text"
      maxlength=${maxlength}
      .value=${text}
      @input=${(e: InputEvent) => onInput(value(e))}
    />
  </p>`;

/** A question's kind: its label and select. */
export const renderKindSelect = <Kind extends string>(
  id: string,
  kinds: readonly Kind[],
  labels: Record<Kind, string>,
  current: Kind,
  onChange: (kind: Kind) => void,
) =>
  html`<label for="${id}-kind">${ta().kind}</label>
    <select id="${id}-kind" @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as Kind)}>
      ${kinds.map((kind) => html`<option value=${kind} ?selected=${current === kind}>${labels[kind]}</option>`)}
    </select>`;

/** One option: what stands before it (the quiz's right-answer mark), its text and its remove button. */
export const renderOption = (
  option: string,
  oi: number,
  options: number,
  onInput: (text: string) => void,
  onRemove: () => void,
  before: TemplateResult | typeof nothing = nothing,
) => {
  const s = ta();
  return html`<div class="option">
    ${before}
    <input
      type="text"
      aria-label=${s.option(oi + 1)}
      maxlength=${limits.pollOption}
      .value=${option}
      @input=${(e: InputEvent) => onInput(value(e))}
    />
    <button type="button" aria-label=${s.removeOption(oi + 1)} ?disabled=${options <= 2} @click=${onRemove}>
      ✕
    </button>
  </div>`;
};

export const renderAddOption = (options: number, onAdd: () => void) =>
  html`<button type="button" class="add-option" ?disabled=${options >= limits.pollOptions} @click=${onAdd}>
    ${ta().addOption}
  </button>`;

export const renderRemoveQuestion = (qi: number, questions: number, onRemove: () => void) =>
  html`<button type="button" class="danger" ?disabled=${questions <= 1} @click=${onRemove}>
    ${ta().removeQuestion(qi + 1)}
  </button>`;

/** The row that asks before an activity is deleted, while it is the one `confirming`. */
export const renderDeleteConfirm = (
  id: string,
  title: string,
  confirming: string | undefined,
  onDelete: () => void,
  onCancel: () => void,
) => {
  const s = ta();
  return confirming === id
    ? html`<div class="row" role="group" aria-labelledby="confirm-${id}">
        <span id="confirm-${id}">${s.deleteConfirm(title)}</span>
        <button type="button" class="danger" @click=${onDelete}>${s.delete}</button>
        <button type="button" @click=${onCancel}>${s.cancel}</button>
      </div>`
    : nothing;
};

/**
 * An editor's page: its message, the form (while one is being written) or the button that
 * opens a new one, then the list of its activities.
 */
export const renderActivityPage = (page: {
  message: string;
  form: TemplateResult | undefined;
  newId: string;
  newLabel: string;
  onNew: () => void;
  listId: string;
  listClass: string;
  heading: string;
  empty: string;
  items: TemplateResult[];
}) => html`
  ${renderMessage(page.message)}
  ${
    page.form ??
    html`<p>
      <button type="button" class="primary" id=${page.newId} @click=${page.onNew}>${page.newLabel}</button>
    </p>`
  }
  <h2 id=${page.listId}>${page.heading}</h2>
  ${
    page.items.length
      ? html`<ol class="plain ${page.listClass}" aria-labelledby=${page.listId}>
          ${page.items}
        </ol>`
      : html`<p class="muted">${page.empty}</p>`
  }
`;
