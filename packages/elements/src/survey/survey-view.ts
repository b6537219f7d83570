/**
 * What `<plenum-survey>` shows, loaded on demand (see survey.ts): every question of the
 * survey in one form, answered in any order and sent together. Until the server has them
 * the answers wait in the client's outbox (offline too), and the form says so; once sent
 * they may be changed and sent again while the survey is open.
 */
import type { PollResults, SurveyAnswer, SurveyQuestionView, SurveyView } from '@plenum/protocol';
import type { Lang } from '../i18n.js';
import type { View as ViewShape, ViewHost, ViewKit } from '../lazy-element.js';

export interface SurveyStrings {
  survey: string;
  loading: string;
  none: string;
  intro: (n: number) => string;
  optional: string;
  send: string;
  update: string;
  sending: string;
  waiting: string;
  sent: string;
  changed: string;
  closed: string;
  nothing: string;
  chooseUpTo: (n: number) => string;
  results: string;
}

const builtIn: Record<Lang, (kit: ViewKit) => SurveyStrings> = {
  en: (kit) => {
    const n = kit.numbers('en');
    return {
      survey: 'Survey',
      loading: 'Loading survey…',
      none: 'No survey open right now.',
      intro: (count) =>
        `${n.count(count, { one: 'question', other: 'questions' })}, at your own pace. Every one is optional; your answers go out together when you send them.`,
      optional: 'optional',
      send: 'Send answers',
      update: 'Send changes',
      sending: 'Sending…',
      waiting:
        'Not connected: your answers wait on this device and go out as soon as the connection is back.',
      sent: 'Thank you! Your answers have arrived. You may change them while the survey is open.',
      changed: 'You changed answers since sending: send them again to keep the changes.',
      closed: 'This survey is closed.',
      nothing: 'Please answer at least one question first.',
      chooseUpTo: (count) => `Choose up to ${count}.`,
      results: 'Results',
    };
  },
  de: (kit) => {
    const n = kit.numbers('de');
    return {
      survey: 'Befragung',
      loading: 'Befragung wird geladen…',
      none: 'Gerade läuft keine Befragung.',
      intro: (count) =>
        `${n.count(count, { one: 'Frage', other: 'Fragen' })}, in Ihrem Tempo. Alle sind freiwillig; Ihre Antworten gehen zusammen raus, wenn Sie sie senden.`,
      optional: 'freiwillig',
      send: 'Antworten senden',
      update: 'Änderungen senden',
      sending: 'Wird gesendet…',
      waiting:
        'Keine Verbindung: Ihre Antworten warten auf diesem Gerät und gehen raus, sobald die Verbindung wieder steht.',
      sent: 'Danke! Ihre Antworten sind angekommen. Sie können sie ändern, solange die Befragung läuft.',
      changed:
        'Sie haben seit dem Senden Antworten geändert: Senden Sie sie erneut, damit die Änderungen zählen.',
      closed: 'Diese Befragung ist beendet.',
      nothing: 'Bitte beantworten Sie zuerst mindestens eine Frage.',
      chooseUpTo: (count) => `Wählen Sie bis zu ${count}.`,
      results: 'Ergebnisse',
    };
  },
};

const css = (parts: TemplateStringsArray) => parts.join('');

export const sheet = new CSSStyleSheet();
sheet.replaceSync(css`
  .questions {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .questions > li {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .questions legend {
    font-weight: 600;
  }
  .waiting {
    padding: 0.25em var(--_space);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
`);

type Note = 'sending' | 'sent' | 'nothing' | { error: unknown } | undefined;

const same = (a: readonly SurveyAnswer[], b: readonly SurveyAnswer[] | undefined) =>
  JSON.stringify(a) === JSON.stringify(b ?? []);

interface SurveyHost extends ViewHost {
  readonly survey: string | undefined;
  readonly server: string | undefined;
}

function pick(surveys: readonly SurveyView[] | undefined, id: string | undefined): SurveyView | undefined {
  const list = (surveys ?? []).filter((survey) => survey.status !== 'draft');
  if (id) return list.find((survey) => survey.id === id);
  const newest = (status: string) =>
    list.filter((survey) => survey.status === status).sort((a, b) => b.createdAt - a.createdAt)[0];
  return newest('open') ?? newest('closed');
}

/** Empty answers count as left out: "" and [] are sent as null. */
function tidy(answer: SurveyAnswer | undefined): SurveyAnswer {
  if (answer === undefined || answer === '' || (Array.isArray(answer) && !answer.length)) return null;
  return typeof answer === 'string' ? answer.trim() || null : answer;
}

export class View implements ViewShape {
  #id: string | undefined;
  /** The participant's answers as on screen (sent or not). */
  #answers: SurveyAnswer[] = [];
  #note: Note;

  constructor(
    private readonly host: SurveyHost,
    private readonly kit: ViewKit,
  ) {
    host.addController(this);
  }

  get #lang(): Lang {
    return this.kit.resolveLang(this.host);
  }

  #words: { lang?: Lang; custom?: Partial<SurveyStrings>; value?: SurveyStrings } = {};

  /** The built-in words, with any the page replaced (`setStrings(lang, { survey: { … } })`). */
  get #s(): SurveyStrings {
    const lang = this.#lang;
    const custom = this.kit.strings(lang).survey;
    const words = this.#words;
    if (words.lang !== lang || words.custom !== custom)
      this.#words = { lang, custom, value: { ...builtIn[lang](this.kit), ...custom } };
    return this.#words.value!;
  }

  get #survey(): SurveyView | undefined {
    return pick(this.host.roomStores.state?.surveys, this.host.survey);
  }

  #sent(survey: SurveyView): SurveyAnswer[] | undefined {
    return this.host.roomStores.mine.surveys?.[survey.id];
  }

  hostUpdate(): void {
    const survey = this.#survey;
    if (survey?.id !== this.#id) {
      this.#id = survey?.id;
      this.#note = undefined;
      this.#answers = survey ? (this.#draft(survey) ?? [...(this.#sent(survey) ?? [])]) : [];
    }
  }

  /**
   * Answers not sent yet are kept in this tab's sessionStorage, so a reload (or a tab that
   * lost its connection and its outbox with it) does not lose a half-filled survey; they end
   * with the tab, like a passcode, and go once the server has them.
   */
  get #key(): string {
    return `plenum:survey:${new URL(this.kit.resolveServer(this.host.server)).origin}/${this.host.roomName}/${this.#id}`;
  }

  #draft(survey: SurveyView): SurveyAnswer[] | undefined {
    try {
      const kept = sessionStorage.getItem(this.#key);
      const answers = kept === null ? undefined : (JSON.parse(kept) as unknown);
      return Array.isArray(answers) && answers.length <= survey.questions.length
        ? (answers as SurveyAnswer[])
        : undefined;
    } catch {
      return undefined;
    }
  }

  #keep(answers: SurveyAnswer[] | undefined): void {
    try {
      if (answers) sessionStorage.setItem(this.#key, JSON.stringify(answers));
      else sessionStorage.removeItem(this.#key);
    } catch {
      // Storage refused (a sandboxed frame): the answers live in the page only.
    }
  }

  render() {
    const { html } = this.kit;
    const s = this.#s;
    const state = this.host.roomStores.state;
    const survey = this.#survey;
    return html`<section part="base" aria-label=${survey?.title || s.survey}>
      ${this.host.renderConnection()}
      ${
        !state
          ? html`<p class="note" aria-busy="true">${s.loading}</p>`
          : !survey
            ? html`<p class="note">${s.none}</p>`
            : survey.status === 'open'
              ? this.#renderForm(survey)
              : html`<p part="label" class="title">${survey.title}</p>
                  <p class="note">${s.closed}</p>
                  ${this.#renderAllResults(survey)}`
      }
      ${this.host.announcer.render()}
    </section>`;
  }

  #renderForm(survey: SurveyView) {
    const { html, nothing } = this.kit;
    const s = this.#s;
    const sent = this.#sent(survey);
    const note = this.#note;
    const offline = this.host.roomStores.status !== 'open';
    const changed = sent !== undefined && !same(this.#answers.map(tidy), sent);
    return html`<form part="form" @submit=${(event: SubmitEvent) => this.#send(event, survey)}>
      <p part="label" class="title" id="survey-title">${survey.title}</p>
      <p class="note" id="survey-intro">${s.intro(survey.questions.length)}</p>
      <ol class="questions" aria-labelledby="survey-title">
        ${survey.questions.map((question, index) => html`<li>${this.#renderQuestion(question, index)}</li>`)}
      </ol>
      <div class="actions">
        <button part="button" class="primary" type="submit" aria-disabled=${note === 'sending'}>
          ${sent === undefined ? s.send : s.update}
        </button>
      </div>
      ${
        note === 'sending' && offline
          ? html`<p class="waiting" role="status">${s.waiting}</p>`
          : html`<p role="status" class=${note === 'sent' && !changed ? 'success' : 'success idle'}>
              ${note === 'sent' && !changed ? html`<span aria-hidden="true">✓ </span>${s.sent}` : nothing}
            </p>`
      }
      ${changed ? html`<p class="note">${s.changed}</p>` : nothing}
      ${
        note === 'nothing'
          ? html`<p class="error" role="alert">${s.nothing}</p>`
          : note && typeof note === 'object'
            ? html`<p class="error" role="alert">${this.kit.describeError(this.host.t, note.error)}</p>`
            : nothing
      }
      ${survey.results ? this.#renderAllResults(survey) : nothing}
    </form>`;
  }

  #set(index: number, answer: SurveyAnswer): void {
    const answers = [...this.#answers];
    while (answers.length <= index) answers.push(null);
    answers[index] = answer;
    this.#answers = answers;
    this.#keep(answers);
    if (this.#note !== 'sending') this.#note = undefined;
    this.host.requestUpdate();
  }

  /** Ticks or unticks option `i` of a multiple-choice question, from the answer as it is now. */
  #toggle(index: number, i: number): void {
    const now = this.#answers[index];
    const chosen = Array.isArray(now) ? now : [];
    this.#set(
      index,
      chosen.includes(i) ? chosen.filter((c) => c !== i) : [...chosen, i].sort((a, b) => a - b),
    );
  }

  #renderQuestion(question: SurveyQuestionView, index: number) {
    const { html, nothing } = this.kit;
    const t = this.host.t;
    const s = this.#s;
    const answer = this.#answers[index] ?? null;
    const id = `q${index}`;
    const legend = html`<legend part="label" id=${`${id}-label`}>
      ${index + 1}. ${question.text} <span class="note">(${s.optional})</span>
    </legend>`;
    switch (question.kind) {
      case 'open':
        return html`<label part="label" for=${id}
            >${index + 1}. ${question.text} <span class="note">(${s.optional})</span></label
          >
          <input
            part="input"
            id=${id}
            type="text"
            maxlength=${this.kit.limits.openAnswer}
            .value=${typeof answer === 'string' ? answer : ''}
            @input=${(event: InputEvent) => this.#set(index, (event.target as HTMLInputElement).value)}
          />`;
      case 'rating': {
        const value = typeof answer === 'number' ? answer : 0;
        return html`<fieldset>
          ${legend}
          <div class="stars">
            ${Array.from({ length: this.kit.ratingScale }, (_, i) => i + 1).map(
              (n) =>
                html`<label class=${n <= value ? 'star on' : 'star'}
                  ><input
                    type="radio"
                    name=${id}
                    .checked=${value === n}
                    @change=${() => this.#set(index, n)}
                  /><span aria-hidden="true">★</span><span class="visually-hidden">${t.stars(n)}</span></label
                >`,
            )}
          </div>
        </fieldset>`;
      }
      case 'single':
        return html`<fieldset>
          ${legend}
          ${question.options.map(
            (option, i) =>
              html`<label class="option"
                ><input
                  type="radio"
                  name=${id}
                  .checked=${answer === i}
                  @change=${() => this.#set(index, i)}
                />
                ${option}</label
              >`,
          )}
        </fieldset>`;
      case 'multiple': {
        const chosen = Array.isArray(answer) ? answer : [];
        const max = question.maxChoices;
        const full = max !== undefined && chosen.length >= max;
        return html`<fieldset aria-describedby=${max !== undefined ? `${id}-hint` : nothing}>
          ${legend}
          ${max !== undefined ? html`<p class="note" id=${`${id}-hint`}>${s.chooseUpTo(max)}</p>` : nothing}
          ${question.options.map(
            (option, i) =>
              html`<label class="option"
                ><input
                  type="checkbox"
                  .checked=${chosen.includes(i)}
                  ?disabled=${full && !chosen.includes(i)}
                  @change=${() => this.#toggle(index, i)}
                />
                ${option}</label
              >`,
          )}
        </fieldset>`;
      }
    }
  }

  async #send(event: SubmitEvent, survey: SurveyView): Promise<void> {
    event.preventDefault();
    const room = this.host.roomLike;
    if (!room || this.#note === 'sending') return;
    const answers = survey.questions.map((_, i) => tidy(this.#answers[i]));
    if (answers.every((answer) => answer === null)) {
      this.#note = 'nothing';
      return this.host.requestUpdate();
    }
    this.kit.emit(this.host, 'plenum-submit', { room: this.host.roomName, survey: survey.id, answers });
    this.#answers = answers;
    this.#note = 'sending';
    this.host.requestUpdate();
    try {
      await room.send({ type: 'survey-answer', survey: survey.id, answers });
      this.#note = 'sent';
      // Sent, unless changed meanwhile: what the server has needs no keeping.
      if (same(this.#answers.map(tidy), answers)) this.#keep(undefined);
    } catch (error) {
      this.#note = { error };
    }
    this.host.requestUpdate();
  }

  #renderAllResults(survey: SurveyView) {
    const { html, nothing } = this.kit;
    const s = this.#s;
    if (!survey.results) return nothing;
    return html`<p class="title">${s.results}</p>
      ${survey.questions.map(
        (question, index) =>
          html`<p part="label">${index + 1}. ${question.text}</p>
            ${this.#renderResults(question, survey.results![index])}`,
      )}`;
  }

  #renderResults(question: SurveyQuestionView, results: PollResults | undefined) {
    const { html, nothing, inlineStyle } = this.kit;
    const t = this.host.t;
    if (!results) return nothing;
    if (results.kind === 'open')
      return results.answers.length
        ? html`<ol part="list" class="answers">
            ${results.answers.map(
              (a) =>
                html`<li part="item">
                  <span class="text">${a.text}</span>
                  <span part="count" class="count">${t.mentions(a.count)}</span>
                </li>`,
            )}
          </ol>`
        : html`<p class="note">${t.noAnswers}</p>`;
    if (results.kind === 'ranking') return nothing;
    const rating = results.kind === 'rating';
    const counts = rating ? results.distribution : results.counts;
    const labels = rating ? counts.map((_, i) => t.stars(i + 1)) : question.options;
    return html`<ul part="list" class="bars">
        ${labels.map((label, i) => {
          const percent = results.percentages[i] ?? 0;
          const count = counts[i] ?? 0;
          return html`<li part="item">
            <span class="visually-hidden">${t.resultLine(label, percent, count)}</span>
            <span class="row" aria-hidden="true"
              ><span class="text">${label}</span
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
}
