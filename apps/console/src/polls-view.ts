import { css, html, nothing } from 'lit';
import type { HostRoom } from './host-room.js';
import type { OpenResults, PollView, RoomView } from '@plenum/protocol';
import { ta } from './activity-strings.js';
import { ConsoleElement } from './console-element.js';
import { errorText, t } from './i18n.js';
import type { PollDraft } from './poll-form.js';
import { renderResults, resultStyles } from './results.js';

/**
 * @summary The host's polls as a run of show: numbered in the host's order, moved by
 * buttons (announced) or by drag, every host device seeing the same order. Create any
 * kind, edit drafts, open, end voting, show or hide the results, duplicate as a draft
 * template, delete; hide, approve and merge open answers; results update live.
 */
export class PlenumConsolePolls extends ConsoleElement {
  static override properties = {
    connection: { attribute: false },
    state: { attribute: false },
    editing: { state: true },
    confirming: { state: true },
    message: { state: true },
    announcement: { state: true },
    dragging: { state: true },
  };
  declare connection: HostRoom | undefined;
  declare state: RoomView | undefined;
  /** 'new', a draft's id, or nothing. */
  declare private editing: string | undefined;
  declare private confirming: string | undefined;
  declare private message: string;
  /** Said politely after a move, so a keyboard user hears where the poll went. */
  declare private announcement: string;
  declare private dragging: string | undefined;

  static override styles = [
    ...ConsoleElement.styles,
    resultStyles,
    css`
      .polls {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
      }
      .poll h3 {
        margin-bottom: 0.25rem;
      }
      .poll .row {
        margin-top: 0.5rem;
      }
      .current {
        border: 3px solid var(--accent);
      }
      .number {
        font-variant-numeric: tabular-nums;
        color: var(--muted);
        margin-right: 0.4em;
      }
      .poll[draggable='true'] {
        cursor: grab;
      }
      .dragging {
        opacity: 0.5;
      }
      .answer-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        align-items: center;
      }
    `,
  ];

  constructor() {
    super();
    this.message = '';
    this.announcement = '';
  }

  override render() {
    const s = t();
    const polls = ordered(this.state?.polls ?? []);
    const editingPoll = polls.find((poll) => poll.id === this.editing);
    return html`
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      ${
        this.editing === 'new' || editingPoll
          ? html`<plenum-console-poll-form
              .poll=${editingPoll}
              @plenum-console-poll-save=${this.#save}
              @plenum-console-poll-cancel=${this.#cancel}
            ></plenum-console-poll-form>`
          : html`<p>
              <button type="button" class="primary" id="new-poll" @click=${() => (this.editing = 'new')}>
                ${s.pollNew}
              </button>
            </p>`
      }
      <h2>${s.polls}</h2>
      ${
        polls.length === 0
          ? html`<p class="muted">${s.noPolls}</p>`
          : html`<ol class="plain polls" aria-label=${s.polls}>
              ${polls.map((poll, index) => this.#poll(poll, index, polls.length))}
            </ol>`
      }
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  #poll(poll: PollView, index: number, count: number) {
    const s = t();
    const current = this.state?.currentPoll === poll.id;
    const id = poll.id;
    const number = index + 1;
    return html`<li
      class="panel poll ${current ? 'current' : ''} ${this.dragging === id ? 'dragging' : ''}"
      data-poll=${id}
      draggable="true"
      @dragstart=${(event: DragEvent) => this.#dragStart(event, id)}
      @dragend=${() => (this.dragging = undefined)}
      @dragover=${(event: DragEvent) => this.dragging && event.preventDefault()}
      @drop=${(event: DragEvent) => this.#drop(event, index)}
    >
      <h3 id="poll-${id}">
        <!-- The list itself tells assistive technology the number; the title stays the name. -->
        <span class="number" aria-hidden="true">${number}.</span>${poll.title}
      </h3>
      <p class="row">
        <span class="badge">${s.kinds[poll.kind] ?? ta().rankingKind}</span>
        <span class="badge">${s.pollStatus[poll.status]}</span>
        ${current ? html`<span class="badge">${s.current}</span>` : nothing}
        ${poll.kind === 'multiple' && poll.maxChoices ? html`<span class="muted">≤ ${poll.maxChoices}</span>` : nothing}
      </p>
      ${
        poll.status === 'draft' && poll.options.length
          ? html`<ul>
              ${poll.options.map((option) => html`<li>${option}</li>`)}
            </ul>`
          : renderResults(poll.options, poll.results)
      }
      ${poll.network ? html`<p class="note" role="note">${s.networkShare(poll.network.share, poll.network.voters)}</p>` : nothing}
      ${poll.results?.kind === 'open' ? this.#answerActions(poll, poll.results) : nothing}
      <div class="row" role="group" aria-labelledby="poll-${id}">
        ${
          poll.status === 'draft'
            ? html`<button type="button" @click=${() => (this.editing = id)}>${s.edit}</button>`
            : nothing
        }
        ${
          poll.status === 'open'
            ? html`<button type="button" @click=${() => this.#update(id, { status: 'closed' })}>
                ${s.closePoll}
              </button>`
            : html`<button type="button" class="primary" @click=${() => this.#update(id, { status: 'open' })}>
                ${poll.status === 'draft' ? s.open : s.actions.reopen}
              </button>`
        }
        <button
          type="button"
          aria-pressed=${String(poll.resultsVisible)}
          @click=${() => this.#update(id, { resultsVisible: !poll.resultsVisible })}
        >
          ${poll.resultsVisible ? s.resultsShown : s.resultsHiddenToggle}
        </button>
        ${
          poll.status === 'draft'
            ? nothing
            : html`<plenum-console-screen-button
                .connection=${this.connection}
                .state=${this.state}
                .screen=${{ show: 'poll', poll: id }}
              ></plenum-console-screen-button>`
        }
        ${
          poll.status === 'draft'
            ? nothing
            : html`<plenum-console-reset-button
                .connection=${this.connection}
                kind="poll"
                item=${id}
                label=${poll.title}
                count=${poll.responses}
              ></plenum-console-reset-button>`
        }
        <button type="button" @click=${() => this.#duplicate(poll)}>${s.duplicate}</button>
        <button
          type="button"
          class="move-up"
          aria-label=${s.moveUp(poll.title)}
          ?disabled=${index === 0}
          @click=${() => this.#move(poll, index - 1, count)}
        >
          ↑
        </button>
        <button
          type="button"
          class="move-down"
          aria-label=${s.moveDown(poll.title)}
          ?disabled=${index === count - 1}
          @click=${() => this.#move(poll, index + 1, count)}
        >
          ↓
        </button>
        <button type="button" class="danger" @click=${() => (this.confirming = id)}>${s.remove}</button>
      </div>
      ${
        this.confirming === id
          ? html`<div class="row" role="group" aria-labelledby="confirm-${id}">
              <span id="confirm-${id}">${s.deletePollConfirm}</span>
              <button type="button" class="danger" @click=${() => this.#delete(id)}>${s.remove}</button>
              <button type="button" class="cancel" @click=${() => (this.confirming = undefined)}>
                ${s.cancel}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  /** Hide, approve and merge open answers: the host decides what the hall reads. */
  #answerActions(poll: PollView, results: OpenResults) {
    const s = t();
    if (!results.answers.length) return nothing;
    const selected = this.#merging.get(poll.id) ?? new Set<string>();
    return html`<details class="answers-moderation">
      <summary>${s.moderateAnswers}</summary>
      <ul class="plain">
        ${results.answers.map(
          (answer) =>
            html`<li class="answer-actions" data-answer=${answer.text}>
              <input
                type="checkbox"
                id="merge-${poll.id}-${answerIndex(results, answer.text)}"
                .checked=${selected.has(answer.text)}
                @change=${(event: Event) => this.#pickAnswer(poll.id, answer.text, event)}
              />
              <label for="merge-${poll.id}-${answerIndex(results, answer.text)}"
                >${answer.text} ·
                ${s.mentions(answer.count)}${
                  answer.status ? html` <span class="badge">${s.answerStatus[answer.status]}</span>` : nothing
                }</label
              >
              ${
                answer.status === 'hidden'
                  ? html`<button
                      type="button"
                      @click=${() => this.#update(poll.id, { showAnswer: answer.text })}
                    >
                      ${s.showAnswer}
                    </button>`
                  : html`${
                        answer.status === 'pending'
                          ? html`<button
                              type="button"
                              @click=${() => this.#update(poll.id, { showAnswer: answer.text })}
                            >
                              ${s.actions.approve}
                            </button>`
                          : nothing
                      }
                      <button
                        type="button"
                        @click=${() => this.#update(poll.id, { hideAnswer: answer.text })}
                      >
                        ${s.hideAnswer}
                      </button>`
              }
            </li>`,
        )}
      </ul>
      <p class="row">
        <button
          type="button"
          ?disabled=${selected.size < 2}
          @click=${() => this.#mergeAnswers(poll.id, results)}
        >
          ${s.mergeAnswers(selected.size)}
        </button>
      </p>
    </details>`;
  }

  /** Answers picked for a merge, per poll. */
  #merging = new Map<string, Set<string>>();

  #pickAnswer(poll: string, text: string, event: Event) {
    const selected = this.#merging.get(poll) ?? new Set<string>();
    if ((event.target as HTMLInputElement).checked) selected.add(text);
    else selected.delete(text);
    this.#merging.set(poll, selected);
    this.requestUpdate();
  }

  /** Merges into the most mentioned of the picked answers, keeping its wording. */
  async #mergeAnswers(poll: string, results: OpenResults) {
    const picked = results.answers.filter((answer) => this.#merging.get(poll)?.has(answer.text));
    const [into, ...rest] = picked;
    if (!into || rest.length === 0) return;
    const ok = await this.#update(poll, {
      mergeAnswers: { answers: rest.map((answer) => answer.text), into: into.text },
    });
    if (ok) this.#merging.delete(poll);
    this.requestUpdate();
  }

  async #move(poll: PollView, position: number, count: number) {
    if (position < 0 || position >= count) return;
    const up = position < (poll.position ?? 1) - 1;
    const ok = await this.#update(poll.id, { position });
    if (!ok) return;
    this.announcement = t().moved(poll.title, position + 1, count);
    await this.updateComplete;
    // Focus follows the poll, so pressing again moves it on; at an end, the other button.
    const item = this.renderRoot.querySelector(`[data-poll="${poll.id}"]`);
    const same = item?.querySelector<HTMLButtonElement>(up ? '.move-up' : '.move-down');
    (same && !same.disabled
      ? same
      : item?.querySelector<HTMLButtonElement>(up ? '.move-down' : '.move-up')
    )?.focus();
  }

  #dragStart(event: DragEvent, id: string) {
    this.dragging = id;
    event.dataTransfer?.setData('text/plain', id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  #drop(event: DragEvent, index: number) {
    event.preventDefault();
    const id = this.dragging;
    this.dragging = undefined;
    const polls = ordered(this.state?.polls ?? []);
    const poll = polls.find((item) => item.id === id);
    if (poll && polls.indexOf(poll) !== index) void this.#move(poll, index, polls.length);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('confirming') && this.confirming)
      this.renderRoot.querySelector<HTMLElement>(`[data-poll="${this.confirming}"] .cancel`)?.focus();
  }

  async #run(action: () => Promise<unknown>): Promise<boolean> {
    this.message = '';
    try {
      await action();
      return true;
    } catch (error) {
      this.message = errorText(error);
      return false;
    }
  }

  #update(id: string, changes: Parameters<NonNullable<HostRoom['host']>['updatePoll']>[1]) {
    return this.#run(() => this.connection!.host!.updatePoll(id, changes));
  }

  async #save(event: CustomEvent<PollDraft>) {
    const { open, ...draft } = event.detail;
    const host = this.connection?.host;
    if (!host) return;
    const editing = this.editing;
    const ok = await this.#run(async () => {
      let id = editing;
      if (editing === 'new' || editing === undefined) id = await host.createPoll(draft);
      else
        await host.updatePoll(editing, {
          title: draft.title,
          ...(draft.options && { options: draft.options }),
          // An emptied maximum field lifts the maximum (null), rather than keeping the old one.
          ...(draft.kind === 'multiple' && { maxChoices: draft.maxChoices ?? null }),
        });
      if (open && id) await host.updatePoll(id, { status: 'open' });
    });
    if (ok) this.#cancel();
  }

  async #cancel() {
    this.editing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#new-poll')?.focus();
  }

  /** A draft copy at the end of the run of show: a template for the next round. */
  #duplicate(poll: PollView) {
    return this.#run(() =>
      this.connection!.host!.createPoll({
        title: poll.title,
        kind: poll.kind,
        ...(poll.options.length && { options: [...poll.options] }),
        ...(poll.maxChoices !== undefined && { maxChoices: poll.maxChoices }),
      }),
    );
  }

  async #delete(id: string) {
    this.confirming = undefined;
    await this.#run(() => this.connection!.host!.deletePoll(id));
  }
}

/** The host's run of show: by the server's numbers (creation order where none yet). */
function ordered(polls: readonly PollView[]): PollView[] {
  return [...polls].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.createdAt - b.createdAt);
}

/** A stable index for an answer's form ids (texts may hold any character). */
const answerIndex = (results: OpenResults, text: string) =>
  results.answers.findIndex((answer) => answer.text === text);
