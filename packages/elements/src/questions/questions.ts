import { html, nothing, type PropertyValues } from 'lit';
import { PlenumError } from '@plenum/client';
import { limits, participantLists, type QuestionOrder, type QuestionView } from '@plenum/protocol';
import { Announcer } from '../announcer.js';
import { emit } from '../events.js';
import { errorText, successText } from '../feedback.js';
import { PlenumElement } from '../plenum-element.js';
import { styles } from './questions.styles.js';

type Tab = 'live' | 'answered';
type Feedback = { sent: 'live' | 'review' } | { error: unknown } | undefined;

/**
 * @tag plenum-questions
 * @summary Live Q&A: ask, upvote, and follow what the host answers.
 * @fires plenum-ask - The participant sent a question. detail: { room, text, name? }
 * @fires plenum-upvote - The participant toggled an upvote. detail: { room, question }
 * @csspart base - The wrapper.
 * @csspart header - Tabs and sort order.
 * @csspart form - The ask form.
 * @csspart input - The question and name fields.
 * @csspart count - Characters left; upvote counts.
 * @csspart button - Every button.
 * @csspart list - The list of questions.
 * @csspart item - One question.
 * @csspart label - A status badge on a question.
 * @cssprop --plenum-accent - Primary buttons, focus ring, highlighted question.
 * @cssprop --plenum-muted - Secondary text.
 */
export class PlenumQuestions extends PlenumElement {
  static override styles = styles;

  static override properties = {
    sort: { type: String, reflect: true },
    askName: { type: Boolean, attribute: 'ask-name' },
    tab: { state: true },
    draft: { state: true },
    name: { state: true },
    sending: { state: true },
    feedback: { state: true },
    editing: { state: true },
    confirming: { state: true },
    itemError: { state: true },
    loadingMore: { state: true },
    moreError: { state: true },
  };

  /** `popular` (most upvoted first) or `recent`. */
  declare sort: QuestionOrder;
  /** Offer an optional name field. */
  declare askName: boolean;
  declare private tab: Tab;
  declare private draft: string;
  declare private name: string;
  declare private sending: boolean;
  declare private feedback: Feedback;
  /** The own question being edited, and its text. */
  declare private editing: { id: string; text: string } | undefined;
  declare private confirming: string | undefined;
  declare private itemError: { id: string; error: unknown } | undefined;
  /** A page of older questions is on its way; or why the last one failed. */
  declare private loadingMore: boolean;
  declare private moreError: unknown;

  /** Announces questions others add; `announcer.interval` sets the pace. */
  readonly announcer = new Announcer(this);
  #seen: Set<string> | undefined;

  constructor() {
    super();
    this.sort = 'popular';
    this.askName = false;
    this.tab = 'live';
    this.draft = '';
    this.name = '';
    this.sending = false;
    this.loadingMore = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const questions = this.roomStores.state?.questions;
    if (!questions) return;
    const fresh = questions.filter(
      (q) => q.status === 'live' && !this.#seen?.has(q.id) && !this.roomStores.mine.questions.includes(q.id),
    );
    if (this.#seen && fresh.length) this.announcer.announce(this.t.newQuestions(fresh.length));
    this.#seen = new Set(questions.map((q) => q.id));
  }

  protected override render() {
    if (this.locked) return this.renderPasscode();
    const t = this.t;
    const state = this.roomStores.state;
    const { live, answered } = participantLists(
      state?.questions ?? [],
      this.sort === 'recent' ? 'recent' : 'popular',
    );
    const shown = this.tab === 'live' ? live : answered;
    // The room may hold more than this client has loaded: the counts tell.
    const counts = state?.questionCounts;
    const hidden = counts ? (counts[this.tab] ?? 0) - shown.filter((q) => q.status === this.tab).length : 0;
    return html`<section part="base" aria-label=${t.questions}>
      ${this.renderConnection()} ${state ? this.#renderForm() : nothing}
      <div part="header" class="header">
        <div role="tablist" aria-label=${t.questions} @keydown=${this.#onTabKey}>
          ${this.#renderTab('live', t.liveTab(counts?.live ?? live.length))}
          ${this.#renderTab('answered', t.answeredTab(counts?.answered ?? answered.length))}
        </div>
        <div role="group" aria-label=${t.sortLabel} class="sort">
          ${(['popular', 'recent'] as const).map(
            (order) =>
              html`<button
                part="button"
                type="button"
                aria-pressed=${this.sort === order}
                @click=${() => (this.sort = order)}
              >
                ${t[order]}
              </button>`,
          )}
        </div>
      </div>
      <div role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}" aria-busy=${!state}>
        ${
          !state
            ? html`<p class="note">${t.loadingQuestions}</p>`
            : shown.length === 0
              ? html`<p class="note">${this.tab === 'live' ? t.noQuestions : t.noAnswered}</p>`
              : html`<ul part="list">
                  ${shown.map((q) => this.#renderQuestion(q))}
                </ul>`
        }
        ${state && hidden > 0 ? this.#renderMore(hidden) : nothing}
      </div>
      ${this.announcer.render()}
    </section>`;
  }

  #renderMore(hidden: number) {
    const t = this.t;
    return html`<div class="actions more">
      <button
        part="button"
        type="button"
        id="more"
        aria-disabled=${this.loadingMore}
        aria-describedby="more-count"
        @click=${this.#loadMore}
      >
        ${this.loadingMore ? t.loadingMore : t.showMore}
      </button>
      <span id="more-count" class="note">${t.notShown(hidden)}</span>
      ${this.moreError !== undefined ? errorText(t, this.moreError) : nothing}
    </div>`;
  }

  async #loadMore(): Promise<void> {
    if (this.loadingMore || !this.roomLike) return;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      await this.roomLike.loadMore(this.tab, this.sort === 'recent' ? 'recent' : 'popular');
    } catch (error) {
      this.moreError = error;
    } finally {
      this.loadingMore = false;
    }
  }

  #renderTab(tab: Tab, label: string) {
    const selected = this.tab === tab;
    return html`<button
      part="button"
      type="button"
      role="tab"
      id="tab-${tab}"
      aria-selected=${selected}
      aria-controls="panel"
      tabindex=${selected ? 0 : -1}
      @click=${() => (this.tab = tab)}
    >
      ${label}
    </button>`;
  }

  #renderForm() {
    const t = this.t;
    const left = limits.questionText - this.draft.length;
    const feedback = this.feedback;
    const error = feedback && 'error' in feedback ? feedback.error : undefined;
    return html`<form part="form" class="ask" @submit=${this.#ask}>
      <label for="ask">${t.askLabel}</label>
      <textarea
        part="input"
        id="ask"
        rows="2"
        maxlength=${limits.questionText}
        aria-describedby="ask-count"
        aria-invalid=${error !== undefined}
        aria-errormessage=${error !== undefined ? 'ask-error' : nothing}
        .value=${this.draft}
        @input=${(e: InputEvent) => (this.draft = (e.target as HTMLTextAreaElement).value)}
        @keydown=${this.#submitOnCtrlEnter}
      ></textarea>
      <p part="count" id="ask-count" class="note count">${t.charsLeft(left)}</p>
      ${
        this.askName
          ? html`<label for="name">${t.nameLabel}</label>
              <input
                part="input"
                id="name"
                type="text"
                autocomplete="nickname"
                maxlength=${limits.displayName}
                .value=${this.name}
                @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)}
              />`
          : nothing
      }
      <div class="actions">
        <button part="button" class="primary" type="submit" aria-disabled=${this.sending}>
          ${this.sending ? t.sending : t.send}
        </button>
      </div>
      ${successText(feedback && 'sent' in feedback ? (feedback.sent === 'live' ? t.sentLive : t.sentReview) : undefined)}
      ${errorText(t, error, 'ask-error')}
    </form>`;
  }

  #renderQuestion(q: QuestionView) {
    const t = this.t;
    const mine = this.roomStores.mine;
    // Theirs to edit; or asked by them too, merged by the host into this one.
    const authored = mine.questions.includes(q.id);
    const own = authored || (mine.merged?.includes(q.id) ?? false);
    const upvoted = mine.upvoted.includes(q.id);
    const editing = this.editing?.id === q.id;
    const badges = [
      q.highlighted && t.highlighted,
      q.pinned && t.pinned,
      q.status === 'answered' && t.answered,
      q.status === 'review' && t.review,
      own && t.yours,
      q.label,
    ].filter((badge): badge is string => Boolean(badge));
    return html`<li
      part="item"
      class=${[q.highlighted && 'highlighted', own && 'own', q.status === 'review' && 'review'].filter(Boolean).join(' ')}
    >
      <div class="body">
        ${
          badges.length
            ? html`<p class="badges">
                ${badges.map((b) => html`<span part="label" class="badge">${b}</span> `)}
              </p>`
            : nothing
        }
        ${editing ? this.#renderEdit() : html`<p class="text">${q.text}</p>`}
        <p class="note">${q.name || t.anonymous}${q.edited ? ` · ${t.edited}` : ''}</p>
        ${
          q.reply
            ? html`<div class="reply">
                <p class="note">${t.reply}</p>
                <p class="text">${q.reply}</p>
              </div>`
            : nothing
        }
        ${authored && q.status !== 'answered' && !editing ? this.#renderOwnActions(q) : nothing}
        ${this.itemError?.id === q.id ? errorText(t, this.itemError.error) : nothing}
      </div>
      ${
        // Nobody upvotes their own question (the server refuses it with own_question).
        q.status === 'live' && !own
          ? html`<button
              part="button"
              class="upvote"
              type="button"
              aria-pressed=${upvoted}
              aria-label=${t.upvote(q.upvotes)}
              @click=${() => this.#upvote(q.id)}
            >
              <span aria-hidden="true">▲</span>
              <span part="count" aria-hidden="true">${q.upvotes}</span>
            </button>`
          : html`<p part="count" class="note votes">${t.votes(q.upvotes)}</p>`
      }
    </li>`;
  }

  #renderOwnActions(q: QuestionView) {
    const t = this.t;
    if (this.confirming === q.id) {
      return html`<div class="actions" role="group" aria-label=${t.confirmRemove}>
        <span>${t.confirmRemove}</span>
        <button part="button" type="button" id="confirm" @click=${() => this.#remove(q.id)}>
          ${t.remove}
        </button>
        <button part="button" type="button" @click=${() => this.#close(q.id)}>${t.cancel}</button>
      </div>`;
    }
    return html`<div class="actions">
      <button
        part="button"
        type="button"
        id="edit-${q.id}"
        aria-label=${t.editLabel}
        @click=${() => this.#startEdit(q)}
      >
        ${t.edit}
      </button>
      <button part="button" type="button" @click=${() => this.#confirm(q.id)}>${t.remove}</button>
    </div>`;
  }

  #renderEdit() {
    const t = this.t;
    const editing = this.editing!;
    return html`<form part="form" class="edit" @submit=${this.#saveEdit}>
      <label for="edit" class="visually-hidden">${t.editLabel}</label>
      <textarea
        part="input"
        id="edit"
        rows="2"
        maxlength=${limits.questionText}
        .value=${editing.text}
        @input=${(e: InputEvent) => (this.editing = { ...editing, text: (e.target as HTMLTextAreaElement).value })}
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#close(editing.id)}
      ></textarea>
      <div class="actions">
        <button part="button" class="primary" type="submit">${t.save}</button>
        <button part="button" type="button" @click=${() => this.#close(editing.id)}>${t.cancel}</button>
      </div>
    </form>`;
  }

  #onTabKey(event: KeyboardEvent): void {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const tab: Tab =
      event.key === 'Home'
        ? 'live'
        : event.key === 'End'
          ? 'answered'
          : this.tab === 'live'
            ? 'answered'
            : 'live';
    this.tab = tab;
    this.#focusAfter(`#tab-${tab}`);
  }

  #submitOnCtrlEnter(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  async #ask(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.sending || !this.roomLike) return;
    const text = this.draft.trim();
    const name = this.askName ? this.name.trim() : '';
    if (!text) {
      this.feedback = { error: new PlenumError('empty', 'Nothing to send.') };
      return;
    }
    emit(this, 'plenum-ask', { room: this.roomName, text, ...(name && { name }) });
    this.sending = true;
    this.feedback = undefined;
    try {
      const id = await this.roomLike.ask(text, name ? { name } : {});
      const status = this.roomStores.state?.questions.find((q) => q.id === id)?.status;
      const review = status ? status === 'review' : this.roomStores.state?.moderation === 'pre';
      this.feedback = { sent: review ? 'review' : 'live' };
      this.draft = '';
    } catch (error) {
      this.feedback = { error };
    } finally {
      this.sending = false;
    }
  }

  async #upvote(id: string): Promise<void> {
    emit(this, 'plenum-upvote', { room: this.roomName, question: id });
    await this.#run(id, () => this.roomLike?.upvote(id));
  }

  #startEdit(q: QuestionView): void {
    this.confirming = undefined;
    this.editing = { id: q.id, text: q.text };
    this.#focusAfter('#edit');
  }

  async #saveEdit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    if (!editing) return;
    const ok = await this.#run(editing.id, () =>
      this.roomLike?.editQuestion(editing.id, editing.text.trim()),
    );
    if (ok) this.#close(editing.id);
  }

  async #remove(id: string): Promise<void> {
    this.confirming = undefined;
    await this.#run(id, () => this.roomLike?.deleteQuestion(id));
  }

  /** Runs a question action; a refusal shows under that question. */
  async #run(id: string, action: () => Promise<void> | undefined): Promise<boolean> {
    this.itemError = undefined;
    try {
      await action();
      return true;
    } catch (error) {
      this.itemError = { id, error };
      return false;
    }
  }

  #confirm(id: string): void {
    this.confirming = id;
    this.#focusAfter('#confirm');
  }

  /** Closes an inline step; focus goes back to the question's Edit button. */
  #close(id: string): void {
    this.editing = undefined;
    this.confirming = undefined;
    this.#focusAfter(`#edit-${id}`);
  }

  #focusAfter(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plenum-questions': PlenumQuestions;
  }
}
