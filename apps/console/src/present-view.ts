import { css, html, nothing, type PropertyValues } from 'lit';
import { connectRoom, type RoomLike } from '@plenum/client';
import { cloudLayout, inlineStyle, RoomController } from '@plenum/elements';
import {
  ratingScale,
  sortQuestions,
  type PollView,
  type QuestionView,
  type RoomView,
} from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { fit } from './fit.js';
import { errorText, roomLang, stringsOf, type Strings } from './i18n.js';
import { participantLink } from './links.js';
import { quizScreen, rankingBars, surveyScreen } from './present-activities.js';
import { qrCode } from './qr.js';

/** The top live questions screen shows at most this many. */
const topCount = 5;
/** More options than this go in two columns. */
const oneColumn = 6;

/** What people type: the link without its scheme. */
const shortLink = (link: string) => link.replace(/^https?:\/\//, '');

/**
 * A text that may be cut to fit: shown once for the eye (clamped with an ellipsis when it must
 * be) and once, whole, for assistive technology.
 */
const clamped = (text: string) =>
  html`<span class="visually-hidden">${text}</span
    ><span class="clamp" data-clamp aria-hidden="true">${text}</span>`;

/**
 * @summary The big screen, for a projector or an OBS browser source: exactly what the host put
 * on it (a poll, a question, the top questions, the join screen or a blank screen), in the
 * room's language, fitted to any screen from 1280×720 to 4K in 16:9 or 4:3 — nothing scrolls,
 * nothing is cut off by the edge. It joins as a display with the public view only and never
 * carries a host key, so it shows no more than a participant could see. A passcoded room's
 * code comes in its link (`&passcode=`): the screen joins with it, and its join QR code
 * carries it for the audience.
 */
export class PlenumConsolePresent extends ConsoleElement {
  static override properties = {
    room: { type: String },
    join: { type: String },
    passcode: { type: String },
    connection: { attribute: false },
  };
  declare room: string;
  declare join: string;
  declare passcode: string;
  /** An injected room (stories, tests): shown instead of joining `room`. */
  declare connection: RoomLike | undefined;
  /** The public view of the room (no host key); render() reads its stores. */
  readonly #stores = new RoomController(this);
  readonly #resize = new ResizeObserver(() => this.#fit());

  static override styles = [
    ...ConsoleElement.styles,
    css`
      :host {
        /* The QR code: at least a fifth of the screen's short side, whatever the aspect. */
        --qr: min(34vh, 24vw);
        position: fixed;
        inset: 0;
        display: block;
        overflow: hidden;
        background: var(--bg);
      }
      .frame {
        height: 100%;
        /* A safe area no projector crops. */
        padding: 5vh 5vw;
        display: grid;
        grid-template-columns: minmax(0, 1fr) var(--qr);
        gap: 4vw;
      }
      .frame.full {
        grid-template-columns: minmax(0, 1fr);
      }
      main {
        min-width: 0;
        min-height: 0;
        overflow: hidden;
        display: flex;
        flex-direction: column;
        line-height: 1.25;
      }
      .content {
        /* Centred while it fits; from the top (never cut at the top) when it is tall. */
        margin: auto 0;
        min-width: 0;
      }
      .clamped [data-clamp] {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: var(--lines);
        overflow: hidden;
      }
      .clamped h1 [data-clamp] {
        -webkit-line-clamp: calc(var(--lines) + var(--extra, 0));
      }
      .cut {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      p,
      h1,
      ul,
      ol {
        margin: 0;
      }
      .room {
        /* The room's title is the frame, not the content: one line, never large. */
        font-size: min(0.6em, 4vh);
        color: var(--muted);
        margin-bottom: 0.6em;
        overflow-wrap: anywhere;
      }
      h1 {
        font-size: 1.3em;
        line-height: 1.2;
        margin-bottom: 0.4em;
        overflow-wrap: anywhere;
      }
      .question-text {
        font-size: 1.5em;
        font-weight: 700;
        line-height: 1.2;
        margin-bottom: 0.4em;
        overflow-wrap: anywhere;
        white-space: pre-line;
      }
      .meta,
      .status,
      [data-fit-more] {
        color: var(--muted);
        font-size: 0.7em;
      }
      .status {
        margin-bottom: 0.6em;
      }
      .tag {
        display: inline-block;
        font-size: 0.6em;
        border: 2px solid var(--line);
        border-radius: 1em;
        padding: 0 0.6em;
        margin: 0 0.4em 0.5em 0;
        overflow-wrap: anywhere;
      }
      .bars,
      .options,
      .top,
      .cloud {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.35em 1.5em;
      }
      .bars.two,
      .options.two {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .bars li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0 0.75em;
        font-size: 0.8em;
      }
      .bars .label,
      .options li,
      .cloud li,
      .top .text {
        overflow-wrap: anywhere;
        min-width: 0;
      }
      .bars .number {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .track {
        grid-column: 1 / -1;
        height: 0.4em;
        margin-top: 0.15em;
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: 0.2em;
        overflow: hidden;
      }
      .track > span {
        display: block;
        height: 100%;
        background: var(--accent);
        transition: width 0.4s ease;
      }
      .options li {
        font-size: 0.8em;
        border-left: 0.25em solid var(--line);
        padding-left: 0.5em;
      }
      .average {
        font-weight: 700;
        margin-bottom: 0.4em;
      }
      .coming {
        margin-top: 0.6em;
        font-weight: 700;
      }
      .cloud {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 0.5em;
      }
      .cloud {
        justify-content: center;
        align-items: baseline;
      }
      .cloud .most {
        border-color: var(--accent, currentColor);
        font-weight: 700;
      }
      .cloud li {
        border: 2px solid var(--line);
        border-radius: 0.4em;
        padding: 0 0.4em;
        max-width: 100%;
      }
      .cloud li {
        display: flex;
        gap: 0.4em;
        align-items: baseline;
      }
      .cloud .count {
        flex: none;
        color: var(--muted);
        font-variant-numeric: tabular-nums;
      }
      .top {
        gap: 0.6em;
      }
      .top .text {
        font-size: 0.9em;
        font-weight: 600;
      }
      .top .meta {
        font-size: 0.6em;
        margin-top: 0.15em;
      }
      aside {
        min-height: 0;
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 0.4em;
        font-size: calc(var(--qr) / 13);
        overflow-wrap: anywhere;
      }
      .qr {
        display: block;
        width: var(--qr);
        height: var(--qr);
      }
      .link {
        font-weight: 700;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 3;
        overflow: hidden;
      }
      /* The join screen: the QR code is the point. */
      .join {
        text-align: center;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.5em;
      }
      .join .qr {
        width: min(52vh, 40vw);
        height: min(52vh, 40vw);
      }
      .join .link {
        font-size: 0.9em;
      }
      .blank {
        text-align: center;
        font-size: 1.4em;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .room .clamp {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 1;
        overflow: hidden;
      }
      @media (prefers-reduced-motion: reduce) {
        .track > span {
          transition: none;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.room = '';
    this.join = '';
    this.passcode = '';
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('room') || changed.has('passcode') || changed.has('connection')) this.#start();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#resize.observe(this);
    if (this.hasUpdated) this.#start();
    // Text is measured: measure again once the web fonts are in.
    void document.fonts?.ready.then(() => this.#fit());
  }

  #start() {
    this.#stop();
    if (this.connection) return void this.#stores.set(this.connection);
    if (!this.room) return;
    // No hostKey: the public view only, so this link is safe to leave on any screen.
    this.#stores.set(
      connectRoom({
        server: location.origin,
        room: this.room,
        display: true,
        ...(this.passcode && { passcode: this.passcode }),
      }),
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#stop();
  }

  #stop() {
    this.#stores.set(undefined);
  }

  get #lang() {
    return roomLang(this.#stores.state);
  }

  override updated() {
    // The page is this screen: it speaks the room's language (screen readers, hyphenation).
    document.documentElement.lang = this.#lang;
    this.#fit();
    // A quiz's countdown draws itself just after this: fit again once it has.
    const countdown = this.renderRoot.querySelector('plenum-console-countdown');
    if (countdown) void countdown.updateComplete.then(() => this.#fit());
  }

  /** Sizes are relative to the screen's short side, so 720p and 4K look alike. */
  #fit() {
    const stage = this.renderRoot.querySelector<HTMLElement>('main');
    if (!stage) return;
    const short = Math.min(innerWidth, innerHeight);
    fit(stage, {
      min: Math.max(14, short * 0.027),
      max: short * 0.06,
      more: stringsOf(this.#lang).moreItems,
    });
  }

  override render() {
    const lang = this.#lang;
    const s = stringsOf(lang);
    const error = this.#stores.error;
    const state = this.#stores.state;
    const link = participantLink(this.room, this.join || undefined, this.passcode || undefined);
    const screen = state?.screen;
    const full = !state || error || screen?.show === 'join' || screen?.show === 'blank';
    return html`<div class="frame ${full ? 'full' : ''}">
      <main aria-label=${s.presentLabel} aria-live="polite">
        <div class="content">
          ${
            error
              ? html`<p role="alert">${errorText(error.code)}</p>`
              : state
                ? this.#content(state, s, link)
                : html`<p role="status">${s.loading}</p>`
          }
        </div>
      </main>
      ${
        full
          ? nothing
          : html`<aside>
              ${qrCode(link, s.qrFor(link))}
              <span>${s.join}</span>
              <strong class="link">${shortLink(link)}</strong>
            </aside>`
      }
    </div>`;
  }

  #content(state: RoomView, s: Strings, link: string) {
    const screen = state.screen;
    switch (screen.show) {
      case 'join':
        return html`<div class="join" data-present="join">
          <h1>${clamped(state.title)}</h1>
          ${qrCode(link, s.qrFor(link))}
          <p>${s.join}</p>
          <p class="link">${shortLink(link)}</p>
        </div>`;
      case 'questions':
        return this.#top(state, s);
      case 'question': {
        const question = state.questions.find((item) => item.id === screen.question);
        return question ? this.#question(state, question, s) : this.#blank(state);
      }
      case 'poll': {
        const poll = state.polls.find((item) => item.id === screen.poll);
        return poll ? this.#poll(state, poll, s) : this.#blank(state);
      }
      case 'quiz': {
        const quiz = state.quizzes?.find((item) => item.id === screen.quiz);
        const now = () => this.#stores.room?.serverNow() ?? Date.now();
        return quiz ? quizScreen(state, quiz, this.#lang, now, clamped) : this.#blank(state);
      }
      case 'survey': {
        const survey = state.surveys?.find((item) => item.id === screen.survey);
        return survey
          ? surveyScreen(state, survey, screen.question, this.#lang, clamped)
          : this.#blank(state);
      }
      default:
        return this.#blank(state);
    }
  }

  #blank(state: RoomView) {
    return html`<h1 class="blank" data-present="blank">${clamped(state.title)}</h1>`;
  }

  #question(state: RoomView, question: QuestionView, s: Strings) {
    return html`<p class="room">${clamped(state.title)}</p>
      ${question.label ? html`<span class="tag">${question.label}</span>` : nothing}
      ${question.status === 'answered' ? html`<span class="tag">${s.answered}</span>` : nothing}
      <h1 class="question-text" data-present="question">${clamped(question.text)}</h1>
      <p class="meta">${question.name ?? s.anonymous} · ${s.upvoteCount(question.upvotes)}</p>`;
  }

  #top(state: RoomView, s: Strings) {
    const live = state.questions.filter((question) => question.status === 'live');
    const top = sortQuestions(live, 'popular').slice(0, topCount);
    return html`<p class="room">${clamped(state.title)}</p>
      <h1 data-present="questions">${s.screenQuestions}</h1>
      ${
        top.length
          ? html`<ol class="top">
              ${top.map(
                (question) =>
                  html`<li data-fit-item>
                    <p class="text">${clamped(question.text)}</p>
                    <p class="meta">${question.name ?? s.anonymous} · ${s.upvoteCount(question.upvotes)}</p>
                  </li>`,
              )}
            </ol>`
          : html`<p>${s.noQuestions}</p>`
      }
      <p data-fit-more hidden></p>`;
  }

  #poll(state: RoomView, poll: PollView, s: Strings) {
    const status =
      poll.status === 'open'
        ? s.votingOpen(poll.responses)
        : `${s.votingClosed} · ${s.responses(poll.responses)}`;
    return html`<p class="room">${clamped(state.title)}</p>
      <h1 data-present="poll">${clamped(poll.title)}</h1>
      <p class="status">${status}</p>
      ${poll.results ? this.#results(poll, s) : this.#hidden(poll, s)}
      <p data-fit-more hidden></p>`;
  }

  /** Results kept back: the options stay in view, and the hall hears that results follow. */
  #hidden(poll: PollView, s: Strings) {
    return html`${
        poll.options.length
          ? html`<ul class="options ${poll.options.length > oneColumn ? 'two' : ''}">
              ${poll.options.map((option) => html`<li>${clamped(option)}</li>`)}
            </ul>`
          : nothing
      }
      <p class="coming">${s.resultsHidden}</p>`;
  }

  #results(poll: PollView, s: Strings) {
    const results = poll.results!;
    if (results.kind === 'open') {
      if (!results.answers.length) return html`<p>${s.noAnswers}</p>`;
      // A word cloud that is also the accessible list: read in order of mentions, each with
      // its count, while CSS sizes each answer by its mentions and orders the most mentioned
      // to the middle. The fitting then shrinks the whole cloud as one.
      const cloud = new Map(
        cloudLayout(results.answers).map((word, order) => [word.text, { ...word, order }]),
      );
      return html`<ul class="cloud">
        ${results.answers.map((answer) => {
          const word = cloud.get(answer.text);
          return html`<li
            data-fit-item
            class=${word?.top ? 'most' : ''}
            style=${inlineStyle({ 'font-size': `${0.75 * (word?.size ?? 1)}em`, order: String(word?.order ?? cloud.size) })}
          >
            ${clamped(answer.text)} <span class="count">${answer.count}</span>
          </li>`;
        })}
      </ul>`;
    }
    if (results.kind === 'ranking') return rankingBars(this.#lang, clamped, poll.options, results);
    const rating = results.kind === 'rating';
    const counts = rating ? [...results.distribution].reverse() : results.counts;
    const percentages = rating ? [...results.percentages].reverse() : results.percentages;
    const labels = rating ? counts.map((_, i) => s.stars(ratingScale - i)) : poll.options;
    return html`${rating ? html`<p class="average">${s.ratingAverage(results.average)}</p>` : nothing}
      <ul class="bars ${labels.length > oneColumn ? 'two' : ''}">
        ${labels.map(
          (label, i) =>
            html`<li>
              <span class="label">${clamped(label)}</span>
              <span class="number">${s.percentOf(percentages[i] ?? 0, counts[i] ?? 0)}</span>
              <span class="track" aria-hidden="true"
                ><span style=${inlineStyle({ width: `${percentages[i] ?? 0}%` })}></span
              ></span>
            </li>`,
        )}
      </ul>`;
  }
}
