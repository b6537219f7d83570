import { css, html, nothing } from 'lit';
import { ActivityHost } from '@plenum/client';
import type { HostRoom } from './host-room.js';
import { activityLimits, limits, type RoomView, type SurveyKind, type SurveyView } from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { ta } from './activity-strings.js';
import { errorText } from './i18n.js';
import { renderResults, resultStyles } from './results.js';

interface DraftQuestion {
  text: string;
  kind: SurveyKind;
  options: string[];
  maxChoices: string;
}

const blankQuestion = (): DraftQuestion => ({ text: '', kind: 'rating', options: ['', ''], maxChoices: '' });
const hasOptions = (kind: SurveyKind) => kind === 'single' || kind === 'multiple';

/**
 * @summary The host's surveys: write one (rating, single and multiple choice, open
 * questions), open it before, during or after the event, end it, share or keep its results,
 * show one question's results at a time on the big screen, reset it after a rehearsal.
 */
export class PlenumConsoleSurveys extends ConsoleElement {
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
  declare private editing: string | undefined;
  declare private draft: { title: string; resultsVisible: boolean; questions: DraftQuestion[] };
  declare private message: string;
  declare private confirming: string | undefined;

  static override styles = [
    ...ConsoleElement.styles,
    resultStyles,
    css`
      .surveys {
        display: grid;
        gap: 1rem;
      }
      fieldset {
        border: 1px solid var(--line);
        border-radius: 0.4rem;
        margin: 0 0 1rem;
        padding: 0.75rem;
      }
      .option {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 0.4rem;
      }
      .narrow {
        max-width: 8rem;
      }
      .result {
        border-top: 1px solid var(--line);
        padding-top: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  constructor() {
    super();
    this.message = '';
    this.draft = { title: '', resultsVisible: false, questions: [blankQuestion()] };
  }

  get #host(): ActivityHost | undefined {
    const host = this.connection?.host;
    return host && new ActivityHost(host);
  }

  override render() {
    const s = ta();
    const surveys = [...(this.state?.surveys ?? [])].sort((a, b) => a.createdAt - b.createdAt);
    return html`
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      ${
        this.editing
          ? this.#renderForm()
          : html`<p>
              <button type="button" class="primary" id="new-survey" @click=${this.#new}>
                ${s.surveyNew}
              </button>
            </p>`
      }
      <h2 id="survey-list">${s.surveys}</h2>
      ${
        surveys.length
          ? html`<ol class="plain surveys" aria-labelledby="survey-list">
              ${surveys.map((survey) => this.#renderSurvey(survey))}
            </ol>`
          : html`<p class="muted">${s.noSurveys}</p>`
      }
    `;
  }

  #new = async () => {
    this.editing = 'new';
    this.draft = { title: '', resultsVisible: false, questions: [blankQuestion()] };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#survey-title')?.focus();
  };

  async #edit(survey: SurveyView) {
    this.editing = survey.id;
    this.draft = {
      title: survey.title,
      resultsVisible: survey.resultsVisible,
      questions: survey.questions.map((q) => ({
        text: q.text,
        kind: q.kind,
        options: q.options.length ? [...q.options] : ['', ''],
        maxChoices: q.maxChoices ? String(q.maxChoices) : '',
      })),
    };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#survey-title')?.focus();
  }

  #change(change: (draft: PlenumConsoleSurveys['draft']) => void) {
    const draft = structuredClone(this.draft);
    change(draft);
    this.draft = draft;
  }

  #renderForm() {
    const s = ta();
    const draft = this.draft;
    return html`<form class="panel" @submit=${this.#save} aria-labelledby="survey-form-title">
      <h2 id="survey-form-title">${this.editing === 'new' ? s.surveyNew : s.edit}</h2>
      <p>
        <label for="survey-title">${s.title}</label>
        <input
          id="survey-title"
          type="text"
          maxlength=${limits.pollTitle}
          .value=${draft.title}
          @input=${(e: InputEvent) => this.#change((d) => (d.title = (e.target as HTMLInputElement).value))}
        />
      </p>
      <p>
        <input
          id="survey-visible"
          type="checkbox"
          .checked=${draft.resultsVisible}
          @change=${(e: Event) =>
            this.#change((d) => (d.resultsVisible = (e.target as HTMLInputElement).checked))}
        />
        <label for="survey-visible">${s.resultsVisible}</label>
      </p>
      ${draft.questions.map((question, qi) => this.#renderQuestionForm(question, qi))}
      <p class="row">
        <button
          type="button"
          class="add-question"
          ?disabled=${draft.questions.length >= activityLimits.surveyQuestions}
          @click=${() => this.#change((d) => d.questions.push(blankQuestion()))}
        >
          ${s.addQuestion}
        </button>
      </p>
      <p class="row">
        <button type="submit" class="primary">${s.save}</button>
        <button type="button" @click=${() => (this.editing = undefined)}>${s.cancel}</button>
      </p>
    </form>`;
  }

  #renderQuestionForm(question: DraftQuestion, qi: number) {
    const s = ta();
    const id = `q${qi}`;
    return html`<fieldset class="question">
      <legend>${s.question(qi + 1)}</legend>
      <p>
        <label for="${id}-text">${s.questionText}</label>
        <input
          id="${id}-text"
          type="text"
          maxlength=${activityLimits.surveyQuestion}
          .value=${question.text}
          @input=${(e: InputEvent) =>
            this.#change((d) => (d.questions[qi]!.text = (e.target as HTMLInputElement).value))}
        />
      </p>
      <p>
        <label for="${id}-kind">${s.kind}</label>
        <select
          id="${id}-kind"
          @change=${(e: Event) =>
            this.#change(
              (d) => (d.questions[qi]!.kind = (e.target as HTMLSelectElement).value as SurveyKind),
            )}
        >
          ${(['rating', 'single', 'multiple', 'open'] as const).map(
            (kind) =>
              html`<option value=${kind} ?selected=${question.kind === kind}>${s.surveyKinds[kind]}</option>`,
          )}
        </select>
      </p>
      ${
        hasOptions(question.kind)
          ? html`<fieldset>
              <legend>${s.options}</legend>
              ${question.options.map(
                (option, oi) =>
                  html`<div class="option">
                    <input
                      type="text"
                      aria-label=${s.option(oi + 1)}
                      maxlength=${limits.pollOption}
                      .value=${option}
                      @input=${(e: InputEvent) =>
                        this.#change(
                          (d) => (d.questions[qi]!.options[oi] = (e.target as HTMLInputElement).value),
                        )}
                    />
                    <button
                      type="button"
                      aria-label=${s.removeOption(oi + 1)}
                      ?disabled=${question.options.length <= 2}
                      @click=${() => this.#change((d) => d.questions[qi]!.options.splice(oi, 1))}
                    >
                      ✕
                    </button>
                  </div>`,
              )}
              <button
                type="button"
                class="add-option"
                ?disabled=${question.options.length >= limits.pollOptions}
                @click=${() => this.#change((d) => d.questions[qi]!.options.push(''))}
              >
                ${s.addOption}
              </button>
              ${
                question.kind === 'multiple'
                  ? html`<p>
                      <label for="${id}-max">${s.maxChoices}</label>
                      <input
                        id="${id}-max"
                        class="narrow"
                        type="number"
                        min="1"
                        .value=${question.maxChoices}
                        @input=${(e: InputEvent) =>
                          this.#change(
                            (d) => (d.questions[qi]!.maxChoices = (e.target as HTMLInputElement).value),
                          )}
                      />
                    </p>`
                  : nothing
              }
            </fieldset>`
          : nothing
      }
      <button
        type="button"
        class="danger"
        ?disabled=${this.draft.questions.length <= 1}
        @click=${() => this.#change((d) => d.questions.splice(qi, 1))}
      >
        ${s.removeQuestion(qi + 1)}
      </button>
    </fieldset>`;
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    const s = ta();
    const host = this.#host;
    if (!host) return;
    const title = this.draft.title.trim();
    const questions = this.draft.questions.map((q) => ({
      text: q.text.trim(),
      kind: q.kind,
      ...(hasOptions(q.kind) && { options: q.options.map((o) => o.trim()).filter(Boolean) }),
      ...(q.kind === 'multiple' && Number(q.maxChoices) > 0 && { maxChoices: Number(q.maxChoices) }),
    }));
    if (!title || !questions.length || questions.some((q) => !q.text))
      return void (this.message = s.needTitle);
    if (questions.some((q) => q.options && q.options.length < 2)) return void (this.message = s.needOptions);
    this.message = '';
    try {
      if (this.editing === 'new')
        await host.createSurvey({ title, questions, resultsVisible: this.draft.resultsVisible });
      else if (this.editing)
        await host.updateSurvey(this.editing, {
          title,
          questions,
          resultsVisible: this.draft.resultsVisible,
        });
      this.editing = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#new-survey')?.focus();
    } catch (error) {
      this.message = errorText(error);
    }
  };

  async #act(run: (host: ActivityHost) => Promise<void>) {
    const host = this.#host;
    if (!host) return;
    this.message = '';
    try {
      await run(host);
    } catch (error) {
      this.message = errorText(error);
    }
  }

  #renderSurvey(survey: SurveyView) {
    const s = ta();
    const id = survey.id;
    return html`<li class="panel survey" data-survey=${id}>
      <h3 id="survey-${id}">${survey.title}</h3>
      <p class="row">
        <span class="badge">${s.status[survey.status]}</span>
        <span class="muted">${s.questions(survey.questions.length)} · ${s.responses(survey.responses)}</span>
      </p>
      <div class="row" role="group" aria-labelledby="survey-${id}">
        ${
          survey.status === 'draft'
            ? html`<button type="button" @click=${() => this.#edit(survey)}>${s.edit}</button>`
            : nothing
        }
        ${
          survey.status === 'open'
            ? html`<button
                type="button"
                @click=${() => this.#act((h) => h.updateSurvey(id, { status: 'closed' }))}
              >
                ${s.close}
              </button>`
            : html`<button
                type="button"
                class="primary"
                @click=${() => this.#act((h) => h.updateSurvey(id, { status: 'open' }))}
              >
                ${survey.status === 'draft' ? s.open : s.reopen}
              </button>`
        }
        <button
          type="button"
          aria-pressed=${String(survey.resultsVisible)}
          @click=${() => this.#act((h) => h.updateSurvey(id, { resultsVisible: !survey.resultsVisible }))}
        >
          ${survey.resultsVisible ? s.resultsShown : s.resultsHidden}
        </button>
        <plenum-console-reset-button
          .connection=${this.connection}
          kind="survey"
          item=${id}
          label=${survey.title}
          count=${survey.responses}
        ></plenum-console-reset-button>
        <button type="button" class="danger" @click=${() => (this.confirming = id)}>${s.delete}</button>
      </div>
      ${
        this.confirming === id
          ? html`<div class="row" role="group" aria-labelledby="confirm-${id}">
              <span id="confirm-${id}">${s.deleteConfirm(survey.title)}</span>
              <button type="button" class="danger" @click=${() => this.#act((h) => h.deleteSurvey(id))}>
                ${s.delete}
              </button>
              <button type="button" @click=${() => (this.confirming = undefined)}>${s.cancel}</button>
            </div>`
          : nothing
      }
      ${survey.questions.map(
        (question, index) =>
          html`<div class="result">
            <h4 id="survey-${id}-${index}">${index + 1}. ${question.text}</h4>
            ${survey.status === 'draft' ? nothing : renderResults(question.options, survey.results?.[index])}
            ${
              survey.status === 'draft'
                ? nothing
                : html`<plenum-console-screen-button
                    .connection=${this.connection}
                    .state=${this.state}
                    .screen=${{ show: 'survey', survey: id, question: index }}
                    label=${s.showQuestion(index + 1)}
                  ></plenum-console-screen-button>`
            }
          </div>`,
      )}
    </li>`;
  }
}
