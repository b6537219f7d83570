import { css, html, nothing, type PropertyValues } from 'lit';
import type { QuestionChanges } from '@plenum/client';
import {
  duplicateGroups,
  sortAnswered,
  sortQuestions,
  type QuestionOrder,
  type QuestionView,
  type RoomView,
} from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import type { HostRoom } from './host-room.js';
import { errorText, t } from './i18n.js';
import {
  actionForKey,
  actionsFor,
  bulkActionsFor,
  type Field,
  type QuestionAction,
} from './question-actions.js';
import { actionLabel, questionCard, questionCardStyles } from './question-card.js';

const views = ['review', 'live', 'answered', 'dismissed'] as const;
type View = (typeof views)[number];

/** Kept across tab switches (the panel is re-created), per room, for this page's life. */
const lastView = new Map<string, View>();

/** How each view is ordered: the review queue first come first served, the rest newest first. */
function ordered(questions: QuestionView[], view: View, order: QuestionOrder): QuestionView[] {
  if (view === 'live') return sortQuestions(questions, order);
  if (view === 'review') return [...questions].sort((a, b) => a.createdAt - b.createdAt);
  if (view === 'answered') return sortAnswered(questions);
  return [...questions].sort((a, b) => b.createdAt - a.createdAt);
}

const isTyping = (target: EventTarget | undefined) =>
  target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);

/**
 * @summary The host's question lists: the review queue, live, answered and dismissed, with
 * every moderation action and keyboard shortcuts on a focused question.
 *
 * While the host works in the list (pointer over it, or focus in it), its order is held
 * still: new questions wait behind a "n new questions — show" button and upvotes do not
 * reorder it, so nothing jumps under the cursor. When a question leaves the list (approved,
 * dismissed…), focus moves to the one that took its place.
 */
export class PlenumConsoleModeration extends ConsoleElement {
  static override properties = {
    connection: { attribute: false },
    state: { attribute: false },
    view: { state: true },
    order: { state: true },
    editing: { state: true },
    confirming: { state: true },
    help: { state: true },
    message: { state: true },
    selected: { state: true },
  };
  declare connection: HostRoom | undefined;
  declare state: RoomView | undefined;
  declare private view: View | undefined;
  declare private order: QuestionOrder;
  declare private editing: { id: string; field: Field } | undefined;
  declare private confirming: string | undefined;
  declare private help: boolean;
  declare private message: string;
  /** Questions picked for a bulk action (checkbox, Shift-click for a range, S on a focused one). */
  declare private selected: ReadonlySet<string>;
  /** Where the last click on a checkbox was, for Shift-click ranges. */
  #anchor: string | undefined;

  /** The order shown while the host is engaged with the list. */
  #frozen: string[] | undefined;
  #pointerInside = false;
  #focusInside = false;
  /** Show held questions on the next render even though the host is engaged. */
  #release = false;
  /** The question that had focus, and where it was, to restore focus when it leaves. */
  #focusId: string | undefined;
  #focusIndex = 0;
  #focusAfterRender: string | undefined;

  static override styles = [
    ...ConsoleElement.styles,
    questionCardStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        margin-bottom: 0.75rem;
      }
      [role='feed'] {
        display: grid;
        gap: 0.6rem;
      }
      kbd {
        font:
          0.8rem ui-monospace,
          monospace;
        border: 1px solid var(--line);
        border-radius: 0.25rem;
        padding: 0 0.3rem;
      }
      .new {
        margin-bottom: 0.6rem;
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 0.2rem 1rem 0.2rem 0;
      }
      select.auto {
        width: auto;
      }
    `,
  ];

  constructor() {
    super();
    this.selected = new Set();
    this.order = 'popular';
    this.help = false;
    this.message = '';
    this.view = undefined;
  }

  override willUpdate(changed: PropertyValues) {
    // The list the host last looked at in this room, else the review queue (pre-moderation,
    // or questions left waiting), else the live list.
    if (this.view === undefined && this.state) {
      const waiting = this.state.questions.some((question) => question.status === 'review');
      this.view =
        lastView.get(this.state.room) ?? (this.state.moderation === 'pre' || waiting ? 'review' : 'live');
    }
    if (changed.has('view')) {
      this.#frozen = undefined;
      if (this.state && this.view) lastView.set(this.state.room, this.view);
    }
  }

  override render() {
    const s = t();
    const state = this.state;
    if (!state || !this.view) return nothing;
    const counts = Object.fromEntries(views.map((view) => [view, 0])) as Record<View, number>;
    for (const question of state.questions) counts[question.status] += 1;
    const { shown, held } = this.#arrange(
      state.questions.filter((question) => question.status === this.view),
    );
    const viewNames: Record<View, string> = {
      review: s.viewReview(counts.review),
      live: s.liveTab(counts.live),
      answered: s.answeredTab(counts.answered),
      dismissed: s.viewDismissed(counts.dismissed),
    };
    return html`
      <div class="toolbar">
        <div class="row" role="group" aria-label=${s.views}>
          ${views.map(
            (view) =>
              html`<button
                type="button"
                aria-pressed=${String(this.view === view)}
                @click=${() => (this.view = view)}
              >
                ${viewNames[view]}
              </button>`,
          )}
        </div>
        <div class="row">
          ${
            this.view === 'live'
              ? html`<label class="visually-hidden" for="order">${s.sortLabel}</label>
                  <select id="order" class="auto" @change=${this.#setOrder}>
                    <option value="popular" ?selected=${this.order === 'popular'}>${s.popular}</option>
                    <option value="recent" ?selected=${this.order === 'recent'}>${s.recent}</option>
                  </select>`
              : nothing
          }
          <button
            type="button"
            aria-expanded=${String(this.help)}
            aria-controls="shortcuts"
            aria-keyshortcuts="?"
            @click=${() => (this.help = !this.help)}
          >
            ${s.shortcuts} <kbd aria-hidden="true">?</kbd>
          </button>
        </div>
      </div>
      <section id="shortcuts" class="panel" aria-label=${s.shortcuts} ?hidden=${!this.help}>
        <p>${s.shortcutsIntro}</p>
        <table>
          <tbody>
            ${s.keys.map(
              ([key, what]) =>
                html`<tr>
                  <th scope="row"><kbd>${key}</kbd></th>
                  <td>${what}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      ${this.#duplicates(state)} ${this.#bulkBar(shown)}
      <div role="status" class="new">
        ${
          held.length
            ? html`<button type="button" class="primary" @click=${() => this.#showHeld(held[0]!.id)}>
                ${s.showNewQuestions(held.length)}
              </button>`
            : nothing
        }
      </div>
      ${
        shown.length === 0 && held.length === 0
          ? html`<p class="muted">${s.empty[this.view]}</p>`
          : html`<div
              role="feed"
              aria-label=${viewNames[this.view]}
              aria-busy="false"
              @pointerenter=${() => this.#engage('pointer', true)}
              @pointerleave=${() => this.#engage('pointer', false)}
              @focusin=${this.#focusIn}
              @focusout=${this.#focusOut}
              @keydown=${this.#keydown}
            >
              ${shown.map((question, index) => this.#item(question, index, shown.length))}
            </div>`
      }
    `;
  }

  /** The questions to show now and the ones held back while the host is busy in the list. */
  #arrange(inView: QuestionView[]): { shown: QuestionView[]; held: QuestionView[] } {
    const sorted = ordered(inView, this.view!, this.order);
    let shown = sorted;
    let held: QuestionView[] = [];
    if (this.#frozen && (this.#pointerInside || this.#focusInside) && !this.#release) {
      const byId = new Map(inView.map((question) => [question.id, question]));
      const frozen = new Set(this.#frozen);
      shown = this.#frozen.flatMap((id) => byId.get(id) ?? []);
      held = sorted.filter((question) => !frozen.has(question.id));
    }
    this.#release = false;
    this.#frozen = shown.map((question) => question.id);
    return { shown, held };
  }

  #item(question: QuestionView, index: number, total: number) {
    const id = question.id;
    return questionCard(question, {
      index,
      total,
      picked: this.selected.has(id),
      open: this.editing?.id === id ? this.editing.field : this.confirming === id ? 'delete' : undefined,
      room: this.connection,
      state: this.state,
      run: (action) => this.#run(question, action),
      pick: (event) => this.#pick(id, event),
      save: (event, field) => void this.#saveEdit(event, id, field),
      remove: () => void this.#delete(id),
      close: () => this.#closeEditor(id),
    });
  }

  /** Runs one of the question's actions (a button or its key). */
  #run(question: QuestionView, action: QuestionAction) {
    if ('changes' in action) void this.#moderate(question.id, action.changes);
    else if ('field' in action) this.#edit(question.id, action.field);
    else if (action.name === 'delete') this.#askDelete(question.id);
  }

  override updated() {
    // Focus into an editor or confirmation the host just opened.
    if (this.editing) this.renderRoot.querySelector<HTMLElement>('.editor textarea, .editor input')?.focus();
    else if (this.confirming) this.renderRoot.querySelector<HTMLElement>('.editor .cancel')?.focus();
    if (this.#focusAfterRender) {
      this.#article(this.#focusAfterRender)?.focus();
      this.#focusAfterRender = undefined;
      return;
    }
    // The focused question left the list: focus the one that took its place.
    if (this.#focusId && !this.#article(this.#focusId) && this.#focusLost()) {
      const articles = [...this.renderRoot.querySelectorAll<HTMLElement>('article')];
      const next = articles[Math.min(this.#focusIndex, articles.length - 1)];
      if (next) next.focus();
      else this.#focusId = undefined;
    }
  }

  #focusLost(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || (this.shadowRoot?.activeElement ?? null) === null;
  }

  #article(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"]`);
  }

  #articleOf(event: Event): HTMLElement | undefined {
    for (const node of event.composedPath()) {
      if (node instanceof HTMLElement && node.tagName === 'ARTICLE') return node;
    }
    return undefined;
  }

  #engage(how: 'pointer' | 'focus', inside: boolean) {
    if (how === 'pointer') this.#pointerInside = inside;
    else this.#focusInside = inside;
    // Leaving the list lets the held questions in and the order settle.
    if (!this.#pointerInside && !this.#focusInside) this.requestUpdate();
  }

  #focusIn(event: FocusEvent) {
    this.#focusInside = true;
    const article = this.#articleOf(event);
    if (!article) return;
    this.#focusId = article.dataset.id;
    this.#focusIndex = [...this.renderRoot.querySelectorAll('article')].indexOf(article as HTMLElement);
  }

  #focusOut(event: FocusEvent) {
    const feed = event.currentTarget as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next && feed.contains(next)) return;
    // Focus left the list on purpose (not because its question was removed under it).
    if (next) this.#focusId = undefined;
    this.#engage('focus', false);
  }

  #showHeld(firstNew: string) {
    this.#release = true;
    this.#focusAfterRender = firstNew;
    this.requestUpdate();
  }

  #setOrder(event: Event) {
    this.order = (event.target as HTMLSelectElement).value as QuestionOrder;
    this.#frozen = undefined;
    this.#release = true;
  }

  async #moderate(id: string, changes: QuestionChanges) {
    this.message = '';
    try {
      await this.connection?.host?.moderate(id, changes);
    } catch (error) {
      this.message = errorText(error);
    }
  }

  #edit(id: string, field: Field) {
    this.confirming = undefined;
    this.editing = { id, field };
  }

  #askDelete(id: string) {
    this.editing = undefined;
    this.confirming = id;
  }

  #closeEditor(id: string) {
    this.editing = undefined;
    this.confirming = undefined;
    this.#focusAfterRender = id;
  }

  async #saveEdit(event: SubmitEvent, id: string, field: Field) {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('value') ?? '').trim();
    this.#closeEditor(id);
    await this.#moderate(id, { [field]: value });
  }

  async #delete(id: string) {
    this.confirming = undefined;
    this.message = '';
    try {
      await this.connection?.host?.deleteQuestion(id);
    } catch (error) {
      this.message = errorText(error);
    }
  }

  /** Picks or unpicks a question; Shift-click picks the range from the last one clicked. */
  #pick(id: string, event?: MouseEvent) {
    const next = new Set(this.selected);
    const on = !next.has(id);
    if (event?.shiftKey && this.#anchor && this.#anchor !== id && this.#frozen) {
      const [from, to] = [this.#frozen.indexOf(this.#anchor), this.#frozen.indexOf(id)];
      if (from >= 0 && to >= 0) {
        for (const each of this.#frozen.slice(Math.min(from, to), Math.max(from, to) + 1)) {
          if (on) next.add(each);
          else next.delete(each);
        }
      }
    }
    if (on) next.add(id);
    else next.delete(id);
    this.#anchor = id;
    this.selected = next;
  }

  /** The bulk bar: what applies to the picked questions in this list, all at once. */
  #bulkBar(shown: QuestionView[]) {
    const s = t();
    const picked = shown.filter((question) => this.selected.has(question.id));
    const view = this.view!;
    const all = html`<button
      type="button"
      class="select-all"
      @click=${() =>
        (this.selected = picked.length === shown.length ? new Set() : new Set(shown.map((q) => q.id)))}
    >
      ${picked.length === shown.length ? s.selectNone : s.selectAll}
    </button>`;
    if (shown.length === 0) return nothing;
    return html`<div class="row bulk" role="group" aria-label=${s.bulkLabel}>
      <span role="status">${s.selectedCount(picked.length)}</span>
      ${all}
      ${
        picked.length
          ? bulkActionsFor(view).map(
              (action) =>
                html`<button
                  type="button"
                  class="bulk-${action.name}"
                  @click=${() => this.#bulk(picked, action.changes)}
                >
                  ${actionLabel(action)}
                </button>`,
            )
          : nothing
      }
    </div>`;
  }

  async #bulk(questions: QuestionView[], changes: QuestionChanges) {
    this.message = '';
    const host = this.connection?.host;
    if (!host) return;
    const outcomes = await Promise.allSettled(
      questions.map((question) => host.moderate(question.id, changes)),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) this.message = errorText(failed.reason);
    this.selected = new Set();
  }

  /** Identical and near-identical questions (see duplicateGroups), each group merged in one action. */
  #duplicates(state: RoomView) {
    const s = t();
    const groups = duplicateGroups(state.questions);
    if (!groups.length) return nothing;
    return html`<section class="panel duplicates" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">${s.duplicatesTitle(groups.length)}</h2>
      <ul class="plain">
        ${groups.map(([keep, ...others]) => {
          return html`<li class="row" data-duplicates=${keep!.id}>
            <span>${s.duplicateGroup(keep!.text, others.length)}</span>
            <button
              type="button"
              class="merge"
              @click=${() =>
                this.#merge(
                  keep!.id,
                  others.map((q) => q.id),
                )}
            >
              ${s.mergeInto(others.length + 1)}
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  async #merge(question: string, duplicates: string[]) {
    this.message = '';
    try {
      await this.connection?.host?.mergeQuestions(question, duplicates);
    } catch (error) {
      this.message = errorText(error);
    }
  }

  /** Shortcuts on a focused question (never while typing, never with a modifier). */
  #keydown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.composedPath()[0])) return;
    const article = this.#articleOf(event);
    const question = article && this.state?.questions.find((item) => item.id === article.dataset.id);
    if (!article || !question) return;
    const id = question.id;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const move = (step: number) => {
      const articles = [...this.renderRoot.querySelectorAll<HTMLElement>('article')];
      articles[articles.indexOf(article) + step]?.focus();
    };
    const actions: Record<string, (() => void) | undefined> = {
      s: () => this.#pick(id),
      '?': () => (this.help = !this.help),
      j: () => move(1),
      ArrowDown: () => move(1),
      PageDown: () => move(1),
      k: () => move(-1),
      ArrowUp: () => move(-1),
      PageUp: () => move(-1),
    };
    const own = actionForKey(actionsFor(question), event.key);
    const action = own ? () => this.#run(question, own) : actions[key];
    if (!action) return;
    event.preventDefault();
    action();
  }
}
