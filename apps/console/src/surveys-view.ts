import { css, html, nothing } from 'lit';
import { activityLimits, type SurveyKind, type SurveyView } from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { ta } from './activity-strings.js';
import {
  ActivityEditor,
  formStyles,
  renderAddOption,
  renderCheckField,
  renderDeleteConfirm,
  renderFormEnd,
  renderKindSelect,
  renderActivityPage,
  renderOption,
  renderQuestionText,
  renderRemoveQuestion,
  renderTitleField,
} from './activity-form.js';
import { renderResults, resultStyles } from './results.js';

interface DraftQuestion {
  text: string;
  kind: SurveyKind;
  options: string[];
  maxChoices: string;
}

const blankQuestion = (): DraftQuestion => ({ text: '', kind: 'rating', options: ['', ''], maxChoices: '' });
const hasOptions = (kind: SurveyKind) => kind === 'single' || kind === 'multiple';
const blankDraft = () => ({ title: '', resultsVisible: false, questions: [blankQuestion()] });

/**
 * @summary The host's surveys: write one (rating, single and multiple choice, open
 * questions), open it before, during or after the event, end it, share or keep its results,
 * show one question's results at a time on the big screen, reset it after a rehearsal.
 */
export class PlenumConsoleSurveys extends ActivityEditor<ReturnType<typeof blankDraft>> {
  static override styles = [
    ...ConsoleElement.styles,
    resultStyles,
    formStyles,
    css`
      .surveys {
        display: grid;
        gap: 1rem;
      }
      .option {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 0.4rem;
      }
      .result {
        border-top: 1px solid var(--line);
        padding-top: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  constructor() {
    super(blankDraft());
  }

  override render() {
    const s = ta();
    const surveys = [...(this.state?.surveys ?? [])].sort((a, b) => a.createdAt - b.createdAt);
    return renderActivityPage({
      message: this.message,
      form: this.editing ? this.#renderForm() : undefined,
      newId: 'new-survey',
      newLabel: s.surveyNew,
      onNew: this.#new,
      listId: 'survey-list',
      listClass: 'surveys',
      heading: s.surveys,
      empty: s.noSurveys,
      items: surveys.map((survey) => this.#renderSurvey(survey)),
    });
  }

  #new = async () => {
    this.editing = 'new';
    this.draft = blankDraft();
    await this.focusAfterUpdate('#survey-title');
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
    await this.focusAfterUpdate('#survey-title');
  }

  #renderForm() {
    const s = ta();
    const draft = this.draft;
    return html`<form class="panel" @submit=${this.#save} aria-labelledby="survey-form-title">
      <h2 id="survey-form-title">${this.editing === 'new' ? s.surveyNew : s.edit}</h2>
      ${renderTitleField('survey-title', draft.title, (title) => this.change((d) => (d.title = title)))}
      ${renderCheckField('survey-visible', s.resultsVisible, draft.resultsVisible, (on) =>
        this.change((d) => (d.resultsVisible = on)),
      )}
      ${draft.questions.map((question, qi) => this.#renderQuestionForm(question, qi))}
      ${renderFormEnd(
        draft.questions.length,
        activityLimits.surveyQuestions,
        () => this.change((d) => d.questions.push(blankQuestion())),
        () => (this.editing = undefined),
      )}
    </form>`;
  }

  #renderQuestionForm(question: DraftQuestion, qi: number) {
    const s = ta();
    const id = `q${qi}`;
    return html`<fieldset class="question">
      <legend>${s.question(qi + 1)}</legend>
      ${renderQuestionText(id, activityLimits.surveyQuestion, question.text, (text) =>
        this.change((d) => (d.questions[qi]!.text = text)),
      )}
      <p>
        ${renderKindSelect(
          id,
          ['rating', 'single', 'multiple', 'open'] as const,
          s.surveyKinds,
          question.kind,
          (kind) => this.change((d) => (d.questions[qi]!.kind = kind)),
        )}
      </p>
      ${
        hasOptions(question.kind)
          ? html`<fieldset>
              <legend>${s.options}</legend>
              ${question.options.map((option, oi) =>
                renderOption(
                  option,
                  oi,
                  question.options.length,
                  (text) => this.change((d) => (d.questions[qi]!.options[oi] = text)),
                  () => this.change((d) => d.questions[qi]!.options.splice(oi, 1)),
                ),
              )}
              ${renderAddOption(question.options.length, () =>
                this.change((d) => d.questions[qi]!.options.push('')),
              )}
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
                          this.change(
                            (d) => (d.questions[qi]!.maxChoices = (e.target as HTMLInputElement).value),
                          )}
                      />
                    </p>`
                  : nothing
              }
            </fieldset>`
          : nothing
      }
      ${renderRemoveQuestion(qi, this.draft.questions.length, () =>
        this.change((d) => d.questions.splice(qi, 1)),
      )}
    </fieldset>`;
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    const s = ta();
    if (!this.host) return;
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
    const draft = { title, questions, resultsVisible: this.draft.resultsVisible };
    await this.send(
      (h) => h.createSurvey(draft),
      (h, id) => h.updateSurvey(id, draft),
      '#new-survey',
    );
  };

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
                @click=${() => this.act((h) => h.updateSurvey(id, { status: 'closed' }))}
              >
                ${s.close}
              </button>`
            : html`<button
                type="button"
                class="primary"
                @click=${() => this.act((h) => h.updateSurvey(id, { status: 'open' }))}
              >
                ${survey.status === 'draft' ? s.open : s.reopen}
              </button>`
        }
        <button
          type="button"
          aria-pressed=${String(survey.resultsVisible)}
          @click=${() => this.act((h) => h.updateSurvey(id, { resultsVisible: !survey.resultsVisible }))}
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
      ${renderDeleteConfirm(
        id,
        survey.title,
        this.confirming,
        () => this.act((h) => h.deleteSurvey(id)),
        () => (this.confirming = undefined),
      )}
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
