/**
 * One question in the host's lists: its text and facts, the buttons of `actionsFor`, and the
 * editor or delete confirmation when one is open. A template for the list to render in its
 * own shadow root (the list moves focus between the cards and reads their keys).
 */
import { css, html, nothing } from 'lit';
import { limits, type QuestionView, type RoomView } from '@plenum/protocol';
import type { HostRoom } from './host-room.js';
import { timeOfDay } from './format.js';
import { t } from './i18n.js';
import { actionsFor, shortcutsOf, type Field, type QuestionAction } from './question-actions.js';

export interface CardContext {
  index: number;
  total: number;
  picked: boolean;
  /** The field being edited, or `delete` while deleting waits for confirmation. */
  open: Field | 'delete' | undefined;
  room: HostRoom | undefined;
  state: RoomView | undefined;
  run(action: QuestionAction): void;
  pick(event: MouseEvent): void;
  save(event: SubmitEvent, field: Field): void;
  remove(): void;
  close(): void;
}

export const questionCardStyles = css`
  article {
    border: 1px solid var(--line);
    border-radius: 0.6rem;
    padding: 0.75rem 1rem;
    background: var(--bg);
  }
  article:focus-visible,
  article:focus {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  article.highlighted {
    border: 3px solid var(--accent);
  }
  article.selected {
    outline: 2px dashed var(--accent);
    outline-offset: 2px;
  }
  .pick {
    float: right;
    margin: 0;
  }
  .text {
    font-size: 1.1rem;
    margin: 0 0 0.35rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    color: var(--muted);
    font-size: 0.9rem;
    margin: 0 0 0.5rem;
  }
  .reply {
    border-left: 3px solid var(--line);
    padding-left: 0.75rem;
    margin: 0 0 0.5rem;
    white-space: pre-wrap;
  }
  .actions button {
    min-height: 2.25rem;
    padding: 0.2rem 0.6rem;
  }
  .editor {
    margin-top: 0.5rem;
  }
  .buttons {
    margin-top: 0.5rem;
  }
`;

/** The button's text for each action, in the console's language. */
export function actionLabel(action: Exclude<QuestionAction, { name: 'screen' }>): string {
  const s = t();
  if (action.name === 'highlight') return s.highlightToggle(action.pressed ?? false);
  if (action.name === 'pin') return s.pinToggle(action.pressed ?? false);
  return s.actions[action.name];
}

export function questionCard(question: QuestionView, context: CardContext) {
  const s = t();
  const id = question.id;
  const actions = actionsFor(question);
  return html`<article
    tabindex="0"
    data-id=${id}
    class=${`${question.highlighted ? 'highlighted' : ''} ${context.picked ? 'selected' : ''}`}
    aria-labelledby="text-${id}"
    aria-describedby="meta-${id}"
    aria-posinset=${context.index + 1}
    aria-setsize=${context.total}
    aria-keyshortcuts=${shortcutsOf(actions)}
  >
    <p class="pick">
      <input
        type="checkbox"
        id="pick-${id}"
        .checked=${context.picked}
        aria-keyshortcuts="S"
        @click=${(event: MouseEvent) => context.pick(event)}
      />
      <label for="pick-${id}">${s.select}<span class="visually-hidden">: ${question.text}</span></label>
    </p>
    <p class="text" id="text-${id}">${question.text}</p>
    <p class="meta" id="meta-${id}">
      <span>${question.name ?? s.anonymous}</span>
      <span>${s.askedAt(timeOfDay(question.createdAt))}</span>
      <span>${s.upvoteCount(question.upvotes)}</span>
      ${question.highlighted ? html`<span class="badge">${s.highlighted}</span>` : nothing}
      ${question.pinned ? html`<span class="badge">${s.pinned}</span>` : nothing}
      ${question.label ? html`<span class="badge">${question.label}</span>` : nothing}
      ${question.edited ? html`<span>(${s.edited})</span>` : nothing}
    </p>
    ${
      question.reply
        ? html`<p class="reply"><strong>${s.replyBadge}:</strong> ${question.reply}</p>`
        : nothing
    }
    <div class="row actions" role="group" aria-label=${s.actionsFor}>
      ${actions.map((action) => actionButton(question, action, context))}
    </div>
    ${context.open && context.open !== 'delete' ? editor(question, context.open, context) : nothing}
    ${
      context.open === 'delete'
        ? html`<div class="editor row" role="group" aria-labelledby="confirm-${id}">
            <span id="confirm-${id}">${s.deleteConfirm}</span>
            <button type="button" class="danger" @click=${() => context.remove()}>${s.remove}</button>
            <button type="button" class="cancel" @click=${() => context.close()}>${s.cancel}</button>
          </div>`
        : nothing
    }
  </article>`;
}

function actionButton(question: QuestionView, action: QuestionAction, context: CardContext) {
  if (action.name === 'screen')
    return html`<plenum-console-screen-button
      .connection=${context.room}
      .state=${context.state}
      .screen=${{ show: 'question', question: question.id }}
    ></plenum-console-screen-button>`;
  const pressed = 'pressed' in action ? action.pressed : undefined;
  return html`<button
    type="button"
    class=${action.name === 'delete' ? 'danger' : ''}
    aria-keyshortcuts=${action.key}
    aria-pressed=${pressed === undefined ? nothing : String(pressed)}
    @click=${() => context.run(action)}
  >
    ${actionLabel(action)}
  </button>`;
}

function editor(question: QuestionView, field: Field, context: CardContext) {
  const s = t();
  const label = field === 'text' ? s.questionText : field === 'label' ? s.labelText : s.replyText;
  const value = field === 'text' ? question.text : (question[field] ?? '');
  const id = `edit-${question.id}`;
  return html`<form
    class="editor"
    @submit=${(event: SubmitEvent) => context.save(event, field)}
    @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && context.close()}
  >
    <label for=${id}>${label}</label>
    ${
      field === 'label'
        ? html`<input id=${id} name="value" maxlength=${limits.label} .value=${value} />`
        : html`<textarea
            id=${id}
            name="value"
            maxlength=${field === 'reply' ? limits.reply : limits.questionText}
            ?required=${field === 'text'}
            .value=${value}
          ></textarea>`
    }
    <div class="row buttons">
      <button type="submit" class="primary">${s.save}</button>
      <button type="button" @click=${() => context.close()}>${s.cancel}</button>
    </div>
  </form>`;
}
