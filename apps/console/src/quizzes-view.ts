import { css, html, nothing } from 'lit';
import { ActivityHost } from '@plenum/client';
import type { HostRoom } from './host-room.js';
import { inlineStyle } from '@plenum/elements';
import {
  activityLimits,
  limits,
  type QuizKind,
  type QuizQuestionView,
  type QuizView,
  type RoomView,
} from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { ta } from './activity-strings.js';
import { $lang, errorText } from './i18n.js';

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

/**
 * @summary The host's quizzes: write one (questions with their right options and time
 * limits, speed points on or off), then run it: open, start each question, reveal the
 * answer, show the leaderboard, end; put it on the big screen; reset it after a rehearsal.
 */
export class PlenumConsoleQuizzes extends ConsoleElement {
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
  /** 'new', a draft quiz's id, or nothing. */
  declare private editing: string | undefined;
  declare private draft: { title: string; speedPoints: boolean; questions: DraftQuestion[] };
  declare private message: string;
  declare private confirming: string | undefined;

  static override styles = [
    ...ConsoleElement.styles,
    css`
      .quizzes {
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
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.4rem;
      }
      .option input[type='text'] {
        flex: 1;
        min-width: 12rem;
      }
      .narrow {
        max-width: 8rem;
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
    super();
    this.message = '';
    this.draft = { title: '', speedPoints: true, questions: [blankQuestion()] };
  }

  get #quizzes(): QuizView[] {
    return [...(this.state?.quizzes ?? [])].sort((a, b) => a.createdAt - b.createdAt);
  }

  get #host(): ActivityHost | undefined {
    const host = this.connection?.host;
    return host && new ActivityHost(host);
  }

  override render() {
    const s = ta();
    const quizzes = this.#quizzes;
    return html`
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      ${
        this.editing
          ? this.#renderForm()
          : html`<p>
              <button type="button" class="primary" id="new-quiz" @click=${this.#new}>${s.quizNew}</button>
            </p>`
      }
      <h2 id="quiz-list">${s.quizzes}</h2>
      ${
        quizzes.length
          ? html`<ol class="plain quizzes" aria-labelledby="quiz-list">
              ${quizzes.map((quiz) => this.#renderQuiz(quiz))}
            </ol>`
          : html`<p class="muted">${s.noQuizzes}</p>`
      }
    `;
  }

  #new = async () => {
    this.editing = 'new';
    this.draft = { title: '', speedPoints: true, questions: [blankQuestion()] };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#quiz-title')?.focus();
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
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#quiz-title')?.focus();
  }

  #change(change: (draft: PlenumConsoleQuizzes['draft']) => void) {
    const draft = structuredClone(this.draft);
    change(draft);
    this.draft = draft;
  }

  #renderForm() {
    const s = ta();
    const draft = this.draft;
    return html`<form class="panel" @submit=${this.#save} aria-labelledby="quiz-form-title">
      <h2 id="quiz-form-title">${this.editing === 'new' ? s.quizNew : s.edit}</h2>
      <p>
        <label for="quiz-title">${s.title}</label>
        <input
          id="quiz-title"
          type="text"
          maxlength=${limits.pollTitle}
          .value=${draft.title}
          @input=${(e: InputEvent) => this.#change((d) => (d.title = (e.target as HTMLInputElement).value))}
        />
      </p>
      <p>
        <input
          id="speed"
          type="checkbox"
          .checked=${draft.speedPoints}
          @change=${(e: Event) => this.#change((d) => (d.speedPoints = (e.target as HTMLInputElement).checked))}
        />
        <label for="speed">${s.speedPoints}</label>
      </p>
      ${draft.questions.map((question, qi) => this.#renderQuestionForm(question, qi))}
      <p class="row">
        <button
          type="button"
          class="add-question"
          ?disabled=${draft.questions.length >= activityLimits.quizQuestions}
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
    const multiple = question.kind === 'multiple';
    return html`<fieldset class="question">
      <legend>${s.question(qi + 1)}</legend>
      <p>
        <label for="${id}-text">${s.questionText}</label>
        <input
          id="${id}-text"
          type="text"
          maxlength=${activityLimits.quizQuestion}
          .value=${question.text}
          @input=${(e: InputEvent) =>
            this.#change((d) => (d.questions[qi]!.text = (e.target as HTMLInputElement).value))}
        />
      </p>
      <p class="row">
        <span>
          <label for="${id}-kind">${s.kind}</label>
          <select
            id="${id}-kind"
            @change=${(e: Event) =>
              this.#change((d) => {
                const q = d.questions[qi]!;
                q.kind = (e.target as HTMLSelectElement).value as QuizKind;
                if (q.kind === 'single') q.correct = q.correct.slice(0, 1);
              })}
          >
            ${(['single', 'multiple'] as const).map(
              (kind) =>
                html`<option value=${kind} ?selected=${question.kind === kind}>${s.quizKinds[kind]}</option>`,
            )}
          </select>
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
              this.#change(
                (d) => (d.questions[qi]!.timeLimit = Number((e.target as HTMLInputElement).value)),
              )}
          />
        </span>
      </p>
      <fieldset>
        <legend>${s.options}</legend>
        ${question.options.map(
          (option, oi) =>
            html`<div class="option">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                name="${id}-correct"
                id="${id}-correct-${oi}"
                .checked=${question.correct.includes(oi)}
                @change=${(e: Event) =>
                  this.#change((d) => {
                    const q = d.questions[qi]!;
                    const on = (e.target as HTMLInputElement).checked;
                    q.correct = multiple
                      ? on
                        ? [...q.correct, oi].sort((a, b) => a - b)
                        : q.correct.filter((c) => c !== oi)
                      : [oi];
                  })}
              />
              <label for="${id}-correct-${oi}" class="visually-hidden">${s.correct(option)}</label>
              <input
                type="text"
                aria-label=${s.option(oi + 1)}
                maxlength=${limits.pollOption}
                .value=${option}
                @input=${(e: InputEvent) =>
                  this.#change((d) => (d.questions[qi]!.options[oi] = (e.target as HTMLInputElement).value))}
              />
              <button
                type="button"
                aria-label=${s.removeOption(oi + 1)}
                ?disabled=${question.options.length <= 2}
                @click=${() =>
                  this.#change((d) => {
                    const q = d.questions[qi]!;
                    q.options.splice(oi, 1);
                    q.correct = q.correct.filter((c) => c !== oi).map((c) => (c > oi ? c - 1 : c));
                  })}
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
      </fieldset>
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
    this.message = '';
    try {
      if (this.editing === 'new')
        await host.createQuiz({ title, questions, speedPoints: this.draft.speedPoints });
      else if (this.editing)
        await host.updateQuiz(this.editing, { title, questions, speedPoints: this.draft.speedPoints });
      this.editing = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#new-quiz')?.focus();
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
                  @click=${() => this.#act((h) => h.updateQuiz(id, { status: 'open' }))}
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
                @click=${() => this.#act((h) => h.startQuestion(id, next))}
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
                @click=${() => this.#act((h) => h.revealAnswer(id))}
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
                @click=${() => this.#act((h) => h.showLeaderboard(id))}
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
                @click=${() => this.#act((h) => h.updateQuiz(id, { status: 'closed' }))}
              >
                ${s.close}
              </button>`
            : quiz.status === 'closed'
              ? html`<button
                  type="button"
                  @click=${() => this.#act((h) => h.updateQuiz(id, { status: 'open' }))}
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
      ${
        this.confirming === id
          ? html`<div class="row" role="group" aria-labelledby="confirm-${id}">
              <span id="confirm-${id}">${s.deleteConfirm(quiz.title)}</span>
              <button type="button" class="danger" @click=${() => this.#act((h) => h.deleteQuiz(id))}>
                ${s.delete}
              </button>
              <button type="button" @click=${() => (this.confirming = undefined)}>${s.cancel}</button>
            </div>`
          : nothing
      }
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
