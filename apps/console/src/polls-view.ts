import { css, html, nothing } from 'lit';
import type { RoomConnection } from '@plenum/client';
import type { PollView, RoomView } from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { errorText, t } from './i18n.js';
import type { PollDraft } from './poll-form.js';
import { renderResults, resultStyles } from './results.js';

/**
 * @summary The host's polls: create any kind, edit drafts, open, close, show or hide the
 * results, duplicate, delete; results update live.
 */
export class PlenumPolls extends ConsoleElement {
  static override properties = {
    connection: { attribute: false },
    state: { attribute: false },
    editing: { state: true },
    confirming: { state: true },
    message: { state: true },
  };
  declare connection: RoomConnection | undefined;
  declare state: RoomView | undefined;
  /** 'new', a draft's id, or nothing. */
  declare private editing: string | undefined;
  declare private confirming: string | undefined;
  declare private message: string;

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
    `,
  ];

  constructor() {
    super();
    this.message = '';
  }

  override render() {
    const s = t();
    const polls = [...(this.state?.polls ?? [])].sort((a, b) => b.createdAt - a.createdAt);
    const editingPoll = polls.find((poll) => poll.id === this.editing);
    return html`
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      ${
        this.editing === 'new' || editingPoll
          ? html`<plenum-poll-form
              .poll=${editingPoll}
              @plenum-poll-save=${this.#save}
              @plenum-poll-cancel=${this.#cancel}
            ></plenum-poll-form>`
          : html`<p>
              <button type="button" class="primary" id="new-poll" @click=${() => (this.editing = 'new')}>
                ${s.pollNew}
              </button>
            </p>`
      }
      <h2>${s.pollList}</h2>
      ${
        polls.length === 0
          ? html`<p class="muted">${s.noPolls}</p>`
          : html`<ul class="plain polls">
              ${polls.map((poll) => this.#poll(poll))}
            </ul>`
      }
    `;
  }

  #poll(poll: PollView) {
    const s = t();
    const current = this.state?.currentPoll === poll.id;
    const id = poll.id;
    return html`<li class="panel poll ${current ? 'current' : ''}" data-poll=${id}>
      <h3 id="poll-${id}">${poll.title}</h3>
      <p class="row">
        <span class="badge">${s.kinds[poll.kind]}</span>
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
                ${poll.status === 'draft' ? s.openPoll : s.reopenPoll}
              </button>`
        }
        <button
          type="button"
          aria-pressed=${String(poll.resultsVisible)}
          @click=${() => this.#update(id, { resultsVisible: !poll.resultsVisible })}
        >
          ${s.showResults}
        </button>
        ${
          poll.status === 'draft'
            ? nothing
            : html`<plenum-screen-button
                .connection=${this.connection}
                .state=${this.state}
                .screen=${{ show: 'poll', poll: id }}
              ></plenum-screen-button>`
        }
        <button type="button" @click=${() => this.#duplicate(poll)}>${s.duplicate}</button>
        <button type="button" class="danger" @click=${() => (this.confirming = id)}>${s.delete}</button>
      </div>
      ${
        this.confirming === id
          ? html`<div class="row" role="group" aria-labelledby="confirm-${id}">
              <span id="confirm-${id}">${s.deletePollConfirm}</span>
              <button type="button" class="danger" @click=${() => this.#delete(id)}>${s.delete}</button>
              <button type="button" class="cancel" @click=${() => (this.confirming = undefined)}>
                ${s.cancel}
              </button>
            </div>`
          : nothing
      }
    </li>`;
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
      this.message = errorText((error as { code?: string }).code);
      return false;
    }
  }

  #update(id: string, changes: Parameters<NonNullable<RoomConnection['host']>['updatePoll']>[1]) {
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
