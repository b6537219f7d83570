import { html, nothing, type PropertyValues } from 'lit';
import { inlineStyle } from '../inline-style.js';
import {
  answerKey,
  limits,
  ratingScale,
  type Choice,
  type PollResults,
  type PollView,
} from '@plenum/protocol';
import { Announcer } from '../announcer.js';
import { emit } from '../events.js';
import { errorText, successText } from '../feedback.js';
import { resolveLang, type Strings } from '../i18n.js';
import { adopt, once, viewKit } from '../lazy-element.js';
import { PlenumElement } from '../plenum-element.js';
import type { RankingView } from './ranking.js';
import { loadWordCloud, wordCloudReady } from './load-word-cloud.js';
import { styles } from './poll.styles.js';

/** A ranking poll's part loads on demand: pages without one never download it. */
const loadRanking = once(() => import('./ranking.js'));

/** The stars a rating offers, 1 to `ratingScale`. */
const stars = Array.from({ length: ratingScale }, (_, i) => i + 1);

type Feedback = 'voted' | 'choose' | { error: unknown } | undefined;

/** How open answers are shown: a list with counts, or a word cloud (with the list for assistive technology). */
export type PollDisplay = 'list' | 'cloud';

/**
 * @tag plenum-poll
 * @summary A live poll: vote, then watch the results move.
 * @fires plenum-vote - The participant voted. detail: { room, poll, choice }
 * @csspart base - The wrapper.
 * @csspart form - The voting form.
 * @csspart label - The poll's title.
 * @csspart input - The open answer field.
 * @csspart button - The vote button.
 * @csspart list - The results.
 * @csspart item - One result.
 * @csspart bar - One result bar.
 * @csspart count - A result's percentage and count.
 * @csspart cloud - The word cloud of open answers (`display="cloud"`).
 * @cssprop --plenum-accent - Colour of bars, stars and primary buttons.
 * @cssprop --plenum-muted - Secondary text and empty bar track.
 */
export class PlenumPoll extends PlenumElement {
  static override styles = styles;

  static override properties = {
    poll: { type: String, reflect: true },
    display: { type: String, reflect: true },
    draft: { state: true },
    feedback: { state: true },
    sending: { state: true },
  };

  /** A poll id; by default the poll the host has opened. */
  declare poll: string | undefined;
  /**
   * `cloud` shows open answers as a word cloud, loaded on demand; the answers stay a list
   * for screen readers (and on screen until the cloud has loaded). Default `list`.
   */
  declare display: PollDisplay;
  /** The participant's unsent choice; `undefined` shows their recorded vote. */
  declare private draft: Choice | undefined;
  declare private feedback: Feedback;
  declare private sending: boolean;

  /** Announces result changes politely; `announcer.interval` sets the pace. */
  readonly announcer = new Announcer(this);
  #shown: { poll: string; results: PollResults | undefined } | undefined;
  #ranking: RankingView | undefined;

  constructor() {
    super();
    this.sending = false;
    this.display = 'list';
  }

  get #current(): PollView | undefined {
    const state = this.roomStores.state;
    const id = this.poll || state?.currentPoll;
    const poll = state?.polls.find((p) => p.id === id);
    return poll && poll.status !== 'draft' ? poll : undefined;
  }

  /** The ranking's part once loaded; asking starts the load. */
  #rankingView(): RankingView | undefined {
    if (!this.#ranking)
      loadRanking().then(
        ({ RankingView, sheet }) => {
          adopt(this, sheet);
          this.#ranking ??= new RankingView(this, viewKit);
          this.requestUpdate();
        },
        () => {},
      );
    return this.#ranking;
  }

  protected override updated(): void {
    this.#ranking?.restoreFocus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const poll = this.#current;
    if (poll?.id !== this.#shown?.poll) {
      this.draft = undefined;
      this.feedback = undefined;
    } else if (poll && poll.results && poll.results !== this.#shown?.results) {
      this.announcer.announce(summary(this.t, poll, poll.results));
    }
    this.#shown = poll && { poll: poll.id, results: poll.results };
  }

  protected override render() {
    if (this.locked) return this.renderPasscode();
    const t = this.t;
    const state = this.roomStores.state;
    const poll = this.#current;
    return html`<section part="base" aria-label=${poll?.title || t.poll}>
      ${this.renderConnection()}
      ${
        !state
          ? html`<p class="note" aria-busy="true">${t.loadingPoll}</p>`
          : !poll
            ? html`<p class="note">${t.noPoll}</p>`
            : poll.status === 'open'
              ? this.#renderForm(poll)
              : html`<p part="label" class="title">${poll.title}</p>`
      }
      ${poll ? this.#renderResults(poll) : nothing} ${this.announcer.render()}
    </section>`;
  }

  #choice(poll: PollView): Choice | undefined {
    return this.draft ?? this.roomStores.mine.votes[poll.id];
  }

  #renderForm(poll: PollView) {
    const t = this.t;
    const voted = this.roomStores.mine.votes[poll.id] !== undefined;
    const feedback = this.feedback;
    // An open question is answered, not voted on.
    const open = poll.kind === 'open';
    return html`<form part="form" @submit=${(e: SubmitEvent) => this.#vote(e, poll)}>
      <fieldset>
        <legend part="label" class="title">${poll.title}</legend>
        ${this.#renderInputs(poll)}
      </fieldset>
      <div class="actions">
        <button part="button" class="primary" type="submit" aria-disabled=${this.sending}>
          ${open ? (voted ? t.changeAnswer : t.submitAnswer) : voted ? t.changeVote : t.vote}
        </button>
      </div>
      ${successText(feedback === 'voted' ? (open ? t.answerSent : t.voted) : undefined)}
      ${
        feedback === 'choose'
          ? html`<p class="error" role="alert">${t.chooseFirst}</p>`
          : errorText(t, typeof feedback === 'object' ? feedback.error : undefined)
      }
    </form>`;
  }

  #renderInputs(poll: PollView) {
    const t = this.t;
    const choice = this.#choice(poll);
    const pick = (value: Choice) => () => {
      this.draft = value;
      this.feedback = undefined;
    };
    switch (poll.kind) {
      case 'single':
        return poll.options.map(
          (option, i) =>
            html`<label class="option"
              ><input type="radio" name="choice" .checked=${choice === i} @change=${pick(i)} />
              ${option}</label
            >`,
        );
      case 'multiple': {
        const chosen = Array.isArray(choice) ? choice : [];
        const max = poll.maxChoices;
        const full = max !== undefined && chosen.length >= max;
        const toggle = (i: number) =>
          pick(chosen.includes(i) ? chosen.filter((c) => c !== i) : [...chosen, i].sort((a, b) => a - b));
        return html`${
          max !== undefined
            ? html`<p class="note" id="hint" aria-live="polite">
                ${full ? t.maxReached(max) : t.chooseUpTo(max)}
              </p>`
            : nothing
        }
        ${poll.options.map(
          (option, i) =>
            html`<label class="option"
              ><input
                type="checkbox"
                aria-describedby=${max !== undefined ? 'hint' : nothing}
                .checked=${chosen.includes(i)}
                ?disabled=${full && !chosen.includes(i)}
                @change=${toggle(i)}
              />
              ${option}</label
            >`,
        )}`;
      }
      case 'open':
        return html`<label for="answer">${t.answerLabel}</label>
          <input
            part="input"
            id="answer"
            type="text"
            maxlength=${limits.openAnswer}
            .value=${typeof choice === 'string' ? choice : ''}
            @input=${(e: InputEvent) => pick((e.target as HTMLInputElement).value)()}
          />`;
      case 'ranking': {
        const order =
          Array.isArray(choice) && choice.length === poll.options.length
            ? choice
            : poll.options.map((_, i) => i);
        return (
          this.#rankingView()?.inputs(resolveLang(this), poll, order, (next) => pick(next)()) ??
          html`<p class="note" aria-busy="true">${t.loadingPoll}</p>`
        );
      }
      case 'rating': {
        const value = typeof choice === 'number' ? choice : 0;
        return html`<p class="note">${t.ratingLabel}</p>
          <div class="stars">
            ${stars.map(
              (n) =>
                html`<label class=${n <= value ? 'star on' : 'star'}
                  ><input type="radio" name="rating" .checked=${value === n} @change=${pick(n)} /><span
                    aria-hidden="true"
                    >★</span
                  ><span class="visually-hidden">${t.stars(n)}</span></label
                >`,
            )}
          </div>`;
      }
    }
  }

  #renderResults(poll: PollView) {
    const t = this.t;
    const results = poll.results;
    const rows = poll.kind === 'rating' ? ratingScale : poll.kind === 'open' ? 4 : poll.options.length;
    // The space is held while results are hidden, so nothing jumps when they appear.
    return html`<div class="results" style=${inlineStyle({ '--rows': String(rows) })}>
      ${
        !results
          ? html`<p class="note">${t.resultsHidden} ${t.responses(poll.responses)}</p>
              ${
                // While voting, the form shows the options; afterwards they stay in view here.
                poll.status !== 'open' && poll.options.length
                  ? html`<ul part="list" class="bars">
                      ${poll.options.map((option) => html`<li part="item"><span class="text">${option}</span></li>`)}
                    </ul>`
                  : nothing
              }`
          : html`<p class="note">
                ${poll.status === 'closed' ? t.finalResults : `${t.results}:`}
                ${t.responses(results.responses)}
              </p>
              ${this.#renderRows(poll, results)}`
      }
    </div>`;
  }

  #renderRows(poll: PollView, results: PollResults) {
    const t = this.t;
    const mine = this.roomStores.mine.votes[poll.id];
    if (results.kind === 'open') return this.#renderAnswers(results.answers, mine);
    if (results.kind === 'ranking')
      return this.#rankingView()?.results(
        resolveLang(this),
        poll,
        results,
        Array.isArray(mine) ? mine : undefined,
      );
    const rating = results.kind === 'rating';
    const counts = rating ? results.distribution : results.counts;
    const labels = rating ? counts.map((_, i) => t.stars(i + 1)) : poll.options;
    const chosen = (i: number) =>
      rating ? mine === i + 1 : Array.isArray(mine) ? mine.includes(i) : mine === i;
    return html`<ul part="list" class="bars">
        ${labels.map((label, i) => {
          const percent = results.percentages[i] ?? 0;
          const count = counts[i] ?? 0;
          const name = chosen(i) ? `${label} (${t.yourChoice})` : label;
          return html`<li part="item" class=${chosen(i) ? 'mine' : ''}>
            <span class="visually-hidden">${t.resultLine(name, percent, count)}</span>
            <span class="row" aria-hidden="true"
              ><span class="text">${name}</span
              ><span part="count" class="count">${percent} % · ${count}</span></span
            >
            <span class="track" aria-hidden="true"
              ><span part="bar" class="bar" style=${inlineStyle({ width: `${percent}%` })}></span
            ></span>
          </li>`;
        })}
      </ul>
      ${rating ? html`<p class="note">${t.average(results.average, results.responses)}</p>` : nothing}`;
  }

  #renderAnswers(answers: readonly { text: string; count: number }[], mine: Choice | undefined) {
    const t = this.t;
    const own = typeof mine === 'string' ? answerKey(mine) : undefined;
    const listed = answers.some((a) => answerKey(a.text) === own);
    // In a pre-moderated room the author's answer may wait for approval: they still see it.
    const waiting =
      own !== undefined && !listed && this.roomStores.state?.moderation === 'pre'
        ? html`<p class="note">${t.answerWaiting(mine as string)}</p>`
        : nothing;
    if (!answers.length)
      return html`<p class="note">${t.noAnswers}</p>
        ${waiting}`;
    const cloud = this.display === 'cloud';
    if (cloud && !wordCloudReady())
      void loadWordCloud().then(
        () => this.requestUpdate(),
        () => {},
      );
    const shown = cloud && wordCloudReady();
    return html`${
        shown
          ? html`<plenum-word-cloud part="cloud" aria-hidden="true" .words=${answers}></plenum-word-cloud>`
          : nothing
      }
      <ol part="list" class=${shown ? 'answers visually-hidden' : 'answers'}>
        ${answers.map(
          (a) =>
            html`<li part="item">
              <span class="text">${a.text}${answerKey(a.text) === own ? ` (${t.yourChoice})` : ''}</span>
              <span part="count" class="count">${t.mentions(a.count)}</span>
            </li>`,
        )}
      </ol>
      ${waiting}`;
  }

  async #vote(event: SubmitEvent, poll: PollView): Promise<void> {
    event.preventDefault();
    if (this.sending || !this.roomLike) return;
    // A ranking left as it came is an order too.
    const raw = this.#choice(poll) ?? (poll.kind === 'ranking' ? poll.options.map((_, i) => i) : undefined);
    const choice = typeof raw === 'string' ? raw.trim() : raw;
    if (choice === undefined || choice === '' || (Array.isArray(choice) && !choice.length)) {
      this.feedback = 'choose';
      return;
    }
    emit(this, 'plenum-vote', { room: this.roomName, poll: poll.id, choice });
    this.sending = true;
    this.feedback = undefined;
    try {
      await this.roomLike.vote(poll.id, choice);
      this.feedback = 'voted';
    } catch (error) {
      this.feedback = { error };
    } finally {
      this.sending = false;
    }
  }
}

/** One sentence for the live region: the leading results, not every number. */
function summary(t: Strings, poll: PollView, results: PollResults): string {
  const lines =
    results.kind === 'open'
      ? results.answers.slice(0, 3).map((a) => `${a.text}: ${t.mentions(a.count)}`)
      : results.kind === 'rating'
        ? [t.average(results.average, results.responses)]
        : results.kind === 'ranking'
          ? results.order.slice(0, 3).map((o, i) => `${i + 1}. ${poll.options[o]}`)
          : poll.options.map((o, i) => t.resultLine(o, results.percentages[i] ?? 0, results.counts[i] ?? 0));
  return `${poll.title}. ${t.results}: ${lines.join('; ')}. ${t.responses(results.responses)}.`;
}

declare global {
  interface HTMLElementTagNameMap {
    'plenum-poll': PlenumPoll;
  }
}
