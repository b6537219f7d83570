import { css, html, type PropertyValues } from 'lit';
import { connectRoom, type RoomConnection } from '@plenum/client';
import type { PollView, QuestionView, RoomView } from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { errorText, t } from './i18n.js';
import { participantLink } from './links.js';
import { qrCode } from './qr.js';
import { renderResults, resultStyles } from './results.js';

/** What is on screen: an open poll first, then the highlighted question, then a closed poll. */
function onScreen(state: RoomView): { poll?: PollView; question?: QuestionView } {
  const poll = state.polls.find((item) => item.id === state.currentPoll);
  if (poll?.status === 'open') return { poll };
  const question = state.questions.find((item) => item.highlighted);
  if (question) return { question };
  return poll ? { poll } : {};
}

/**
 * @summary The read-only view for a projector or an OBS browser source: the highlighted
 * question or the current poll's results, big, with the join link and QR code always shown.
 * It joins with the public view only and never carries a host key.
 */
export class PlenumPresent extends ConsoleElement {
  static override properties = {
    room: { type: String },
    join: { type: String },
  };
  declare room: string;
  declare join: string;
  #connection: RoomConnection | undefined;
  #unsubscribe: (() => void)[] = [];

  static override styles = [
    ...ConsoleElement.styles,
    resultStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(14rem, 26vw);
        gap: 3vw;
        min-height: 100vh;
        padding: 4vh 4vw;
        background: var(--bg);
        font-size: clamp(1rem, 2.2vw, 2.6rem);
      }
      main {
        display: flex;
        flex-direction: column;
        justify-content: center;
      }
      .title {
        font-size: 0.8em;
        color: var(--muted);
        margin: 0 0 1em;
      }
      .question {
        font-size: 1.8em;
        font-weight: 700;
        line-height: 1.25;
        margin: 0 0 0.5em;
        overflow-wrap: anywhere;
      }
      .who {
        color: var(--muted);
      }
      h1,
      h2 {
        font-size: 1.5em;
      }
      h1.title {
        font-size: 0.8em;
        font-weight: 400;
      }
      aside {
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 0.5em;
        font-size: 0.7em;
        overflow-wrap: anywhere;
      }
      .qr {
        width: 100%;
        height: auto;
      }
      .bar {
        height: 1em;
      }
      @media (max-aspect-ratio: 1/1) {
        :host {
          grid-template-columns: 1fr;
        }
        aside {
          flex-direction: row;
          align-items: center;
          justify-content: flex-start;
        }
        .qr {
          width: 30vw;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.room = '';
    this.join = '';
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('room')) this.#start();
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.#start();
  }

  #start() {
    this.#stop();
    if (!this.room) return;
    // No hostKey: the public view only, so this link is safe to leave on any screen.
    const connection = connectRoom({ server: location.origin, room: this.room, display: true });
    this.#connection = connection;
    const update = () => this.requestUpdate();
    this.#unsubscribe = [connection.$state.subscribe(update), connection.$error.subscribe(update)];
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#stop();
  }

  #stop() {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#connection = undefined;
  }

  override render() {
    const s = t();
    const link = participantLink(this.room, this.join || undefined);
    const error = this.#connection?.$error.get();
    const state = this.#connection?.$state.get();
    return html`
      <main aria-label=${s.presentLabel} aria-live="polite">
        ${
          error
            ? html`<p role="alert">${errorText(error.code)}</p>`
            : state
              ? this.#content(state)
              : html`<p role="status">${s.loading}</p>`
        }
      </main>
      <aside>
        ${qrCode(link, s.qrFor(link))}
        <div><span>${s.join}</span><br /><strong>${link}</strong></div>
      </aside>
    `;
  }

  #content(state: RoomView) {
    const s = t();
    const { poll, question } = onScreen(state);
    if (question)
      return html`<h1 class="title">${state.title}</h1>
        <p class="question" data-present="question">${question.text}</p>
        <p class="who">${question.name ?? s.anonymous} · ${s.votes(question.upvotes)}</p>`;
    if (poll)
      return html`<h1 class="title">${state.title}</h1>
        <h2 data-present="poll">${poll.title}</h2>
        ${renderResults(poll.options, poll.results)}`;
    return html`<h1>${state.title}</h1>
      <p>${s.presentIdle}</p>`;
  }
}
