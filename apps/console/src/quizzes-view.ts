import { css, html, nothing } from 'lit';
import { inlineStyle } from '@plenum/elements';
import { activityLimits, type QuizKind, type QuizQuestionView, type QuizView } from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { ta } from './activity-strings.js';
import { $lang } from './i18n.js';
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

/** A question as the host writes it. */
interface DraftQuestion {
  text: string;
  kind: QuizKind;
  options: string[];
  correct: number[];
  timeLimit: number;
}

const blankQuestion = (): DraftQuestion => ({
  text: '',
  kind: 'single',
  options: ['', ''],
  correct: [0],
  timeLimit: activityLimits.quizTime,
});
const blankDraft = () => ({ title: '', speedPoints: true, questions: [blankQuestion()] });

/**
 * @summary The host's quizzes: write one (questions with their right options and time
 * limits, speed points on or off), then run it: open, start each question, reveal the
 * answer, show the leaderboard, end; put it on the big screen; reset it after a rehearsal.
 */
export class PlenumConsoleQuizzes extends ActivityEditor<ReturnType<typeof blankDraft>> {
  static override styles = [
    ...ConsoleElement.styles,
    formStyles,
    css`
      .quizzes {
        display: grid;
        gap: 1rem;
      }
      .option {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.4rem;
      }
      .option input[type='text'] {
        flex: 1;
        min-width: 12rem;
      }
      .bars {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      .bar {
        height: 0.6rem;
        background: var(--panel);
        border-radius: 999px;
        overflow: hidden;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--accent);
      }
      .right {
        font-weight: 700;
      }
    `,
  ];

  constructor() {
    super(blankDraft());
  }

  get #quizzes(): QuizView[] {
    return [...(this.state?.quizzes ?? [])].sort((a, b) => a.createdAt - b.createdAt);
  }

  override render() {
    const s = ta();
    return renderActivityPage({
      message: this.message,
      form: this.editing ? this.#renderForm() : undefined,
      newId: 'new-quiz',
      newLabel: s.quizNew,
      onNew: this.#new,
      listId: 'quiz-list',
      listClass: 'quizzes',
      heading: s.quizzes,
      empty: s.noQuizzes,
      items: this.#quizzes.map((quiz) => this.#renderQuiz(quiz)),
    });
  }

  #new = async () => {
    this.editing = 'new';
    this.draft = blankDraft();
    await this.focusAfterUpdate('#quiz-title');
  };

  async #edit(quiz: QuizView) {
    this.editing = quiz.id;
    this.draft = {
      title: quiz.title,
      speedPoints: quiz.speedPoints,
      questions: quiz.questions.map((q) => ({
        text: q.text,
        kind: q.kind,
        options: [...q.options],
        correct: [...(q.correct ?? [])],
        timeLimit: q.timeLimit,
      })),
    };
    await this.focusAfterUpdate('#quiz-title');
  }

  #renderForm() {
    const s = ta();
    const draft = this.draft;
    return html`<form class="panel" @submit=${this.#save} aria-labelledby="quiz-form-title">
      <h2 id="quiz-form-title">${this.editing === 'new' ? s.quizNew : s.edit}</h2>
      ${renderTitleField('quiz-title', draft.title, (title) => this.change((d) => (d.title = title)))}
      ${renderCheckField('speed', s.speedPoints, draft.speedPoints, (on) =>
        this.change((d) => (d.speedPoints = on)),
      )}
      ${draft.questions.map((question, qi) => this.#renderQuestionForm(question, qi))}
      ${renderFormEnd(
        draft.questions.length,
        activityLimits.quizQuestions,
        () => this.change((d) => d.questions.push(blankQuestion())),
        () => (this.editing = undefined),
      )}
    </form>`;
  }

  #renderQuestionForm(question: DraftQuestion, qi: number) {
    const s = ta();
    const id = `q${qi}`;
    const multiple = question.kind === 'multiple';
    return html`<fieldset class="question">
      <legend>${s.question(qi + 1)}</legend>
      ${renderQuestionText(id, activityLimits.quizQuestion, question.text, (text) =>
        this.change((d) => (d.questions[qi]!.text = text)),
      )}
      <p class="row">
        <span>
          ${renderKindSelect(id, ['single', 'multiple'] as const, s.quizKinds, question.kind, (kind) =>
            this.change((d) => {
              const q = d.questions[qi]!;
              q.kind = kind;
              if (kind === 'single') q.correct = q.correct.slice(0, 1);
            }),
          )}
        </span>
        <span>
          <label for="${id}-time">${s.timeLimit}</label>
          <input
            id="${id}-time"
            class="narrow"
            type="number"
            min=${activityLimits.quizTimeMin}
            max=${activityLimits.quizTimeMax}
            .value=${String(question.timeLimit)}
            @input=${(e: InputEvent) =>
              this.change((d) => (d.questions[qi]!.timeLimit = Number((e.target as HTMLInputElement).value)))}
          />
        </span>
      </p>
      <fieldset>
        <legend>${s.options}</legend>
        ${question.options.map((option, oi) =>
          renderOption(
            option,
            oi,
            question.options.length,
            (text) => this.change((d) => (d.questions[qi]!.options[oi] = text)),
            () =>
              this.change((d) => {
                const q = d.questions[qi]!;
                q.options.splice(oi, 1);
                q.correct = q.correct.filter((c) => c !== oi).map((c) => (c > oi ? c - 1 : c));
              }),
            html`<input
                type=${multiple ? 'checkbox' : 'radio'}
                name="${id}-correct"
                id="${id}-correct-${oi}"
                .checked=${question.correct.includes(oi)}
                @change=${(e: Event) =>
                  this.change((d) => {
                    const q = d.questions[qi]!;
                    const on = (e.target as HTMLInputElement).checked;
                    q.correct = multiple
                      ? on
                        ? [...q.correct, oi].sort((a, b) => a - b)
                        : q.correct.filter((c) => c !== oi)
                      : [oi];
                  })}
              />
              <label for="${id}-correct-${oi}" class="visually-hidden">${s.correct(option)}</label>`,
          ),
        )}
        ${renderAddOption(question.options.length, () => this.change((d) => d.questions[qi]!.options.push('')))}
      </fieldset>
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
    const questions = this.draft.questions.map((q) => {
      const options = q.options.map((o) => o.trim());
      const kept = options.map((o, i) => (o ? i : -1)).filter((i) => i >= 0);
      return {
        text: q.text.trim(),
        kind: q.kind,
        options: kept.map((i) => options[i]!),
        correct: q.correct.filter((c) => kept.includes(c)).map((c) => kept.indexOf(c)),
        timeLimit: q.timeLimit,
      };
    });
    if (!title || !questions.length) return void (this.message = s.needTitle);
    if (questions.some((q) => !q.text || q.options.length < 2 || !q.correct.length))
      return void (this.message = s.needOptions);
    const draft = { title, questions, speedPoints: this.draft.speedPoints };
    await this.send(
      (h) => h.createQuiz(draft),
      (h, id) => h.updateQuiz(id, draft),
      '#new-quiz',
    );
  };

  #renderQuiz(quiz: QuizView) {
    const s = ta();
    const id = quiz.id;
    const current = quiz.current === null ? undefined : quiz.questions.find((q) => q.index === quiz.current);
    const next = quiz.current === null ? 0 : quiz.current + 1;
    const answers = quiz.questions.reduce((sum, q) => sum + q.responses, 0);
    return html`<li class="panel quiz" data-quiz=${id}>
      <h3 id="quiz-${id}">${quiz.title}</h3>
      <p class="row">
        <span class="badge">${s.status[quiz.status]}</span>
        <span class="muted">${s.questions(quiz.questionCount)} · ${s.players(quiz.players)}</span>
      </p>
      ${
        quiz.status === 'open'
          ? html`<p class="phase" role="status">
              ${current && quiz.phase ? s.phase[quiz.phase](current.index + 1, quiz.questionCount) : s.lobby}
            </p>`
          : nothing
      }
      ${current && quiz.status !== 'draft' ? this.#renderCurrent(quiz, current) : nothing}
      ${quiz.status !== 'draft' && (quiz.phase === 'leaderboard' || quiz.status === 'closed') ? this.#renderBoard(quiz) : nothing}
      <div class="row" role="group" aria-labelledby="quiz-${id}">
        ${
          quiz.status === 'draft'
            ? html`<button type="button" @click=${() => this.#edit(quiz)}>${s.edit}</button>
                <button
                  type="button"
                  class="primary"
                  @click=${() => this.act((h) => h.updateQuiz(id, { status: 'open' }))}
                >
                  ${s.open}
                </button>`
            : nothing
        }
        ${
          quiz.status === 'open' && next < quiz.questionCount && quiz.phase !== 'question'
            ? html`<button
                type="button"
                class="primary start"
                @click=${() => this.act((h) => h.startQuestion(id, next))}
              >
                ${s.start(next + 1)}
              </button>`
            : nothing
        }
        ${
          quiz.status === 'open' && quiz.phase === 'question'
            ? html`<button
                type="button"
                class="primary reveal"
                @click=${() => this.act((h) => h.revealAnswer(id))}
              >
                ${s.reveal}
              </button>`
            : nothing
        }
        ${
          quiz.status === 'open' && quiz.phase === 'revealed'
            ? html`<button
                type="button"
                class="board-button"
                @click=${() => this.act((h) => h.showLeaderboard(id))}
              >
                ${s.leaderboard}
              </button>`
            : nothing
        }
        ${
          quiz.status === 'open'
            ? html`<button
                type="button"
                class="end"
                @click=${() => this.act((h) => h.updateQuiz(id, { status: 'closed' }))}
              >
                ${s.close}
              </button>`
            : quiz.status === 'closed'
              ? html`<button
                  type="button"
                  @click=${() => this.act((h) => h.updateQuiz(id, { status: 'open' }))}
                >
                  ${s.reopen}
                </button>`
              : nothing
        }
        ${
          quiz.status === 'draft'
            ? nothing
            : html`<plenum-console-screen-button
                .connection=${this.connection}
                .state=${this.state}
                .screen=${{ show: 'quiz', quiz: id }}
              ></plenum-console-screen-button>`
        }
        <plenum-console-reset-button
          .connection=${this.connection}
          kind="quiz"
          item=${id}
          label=${quiz.title}
          count=${answers}
        ></plenum-console-reset-button>
        <button type="button" class="danger" @click=${() => (this.confirming = id)}>${s.delete}</button>
      </div>
      ${renderDeleteConfirm(
        id,
        quiz.title,
        this.confirming,
        () => this.act((h) => h.deleteQuiz(id)),
        () => (this.confirming = undefined),
      )}
    </li>`;
  }

  /** The question under way: text, countdown, live answers with the right ones marked. */
  #renderCurrent(quiz: QuizView, question: QuizQuestionView) {
    const s = ta();
    const results = question.results;
    const correct = question.correct ?? [];
    return html`<div class="current">
      <p><strong>${question.text}</strong></p>
      ${
        quiz.phase === 'question' && question.endsAt !== undefined
          ? html`<plenum-console-countdown
              .endsAt=${question.endsAt}
              .now=${() => this.connection?.serverNow() ?? Date.now()}
              lang=${$lang.get()}
            ></plenum-console-countdown>`
          : nothing
      }
      <ul class="bars">
        ${question.options.map((option, i) => {
          const percent = results?.percentages[i] ?? 0;
          const right = correct.includes(i);
          return html`<li class=${right ? 'right' : ''}>
            <span>${right ? `✓ ${option} (${s.correctMark})` : option}</span>
            <span>${percent} % · ${s.answers(results?.counts[i] ?? 0)}</span>
            <div class="bar" aria-hidden="true">
              <span style=${inlineStyle({ width: `${percent}%` })}></span>
            </div>
          </li>`;
        })}
      </ul>
      <p class="muted">
        ${s.responses(question.responses)}${
          results ? ` · ${s.correctShare(results.correctResponses, results.responses)}` : ''
        }
      </p>
    </div>`;
  }

  #renderBoard(quiz: QuizView) {
    const s = ta();
    const board = quiz.leaderboard ?? [];
    return html`<h4 id="board-${quiz.id}">${s.top}</h4>
      ${
        board.length
          ? html`<ol class="plain board" aria-labelledby="board-${quiz.id}">
              ${board.map(
                (entry) =>
                  html`<li>
                    <strong>${entry.rank}.</strong> ${entry.nickname || s.participant(entry.player)} ·
                    ${s.points(entry.score)}
                  </li>`,
              )}
            </ol>`
          : html`<p class="muted">${s.noPlayers}</p>`
      }`;
  }
}
