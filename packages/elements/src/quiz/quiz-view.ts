/**
 * What `<plenum-quiz>` shows, loaded on demand (see quiz.ts): the nickname form, the
 * question against the clock, the revealed answer, the participant's score and the top 10.
 * It imports nothing at run time; Lit and the helpers come in the kit.
 */
import type { PlenumError } from '@plenum/client';
import type { LeaderboardEntry, MineView, QuizQuestionView, QuizView } from '@plenum/protocol';
import type { Lang } from '../i18n.js';
import type { View as ViewShape, ViewHost, ViewKit } from '../lazy-element.js';

export interface QuizStrings {
  quiz: string;
  loading: string;
  none: string;
  lobby: string;
  nicknameLabel: string;
  nicknameHint: string;
  nicknameSave: string;
  nicknameChange: string;
  nicknameSaved: (name: string) => string;
  playingAs: (name: string) => string;
  taken: string;
  participant: (n: number) => string;
  questionOf: (i: number, n: number) => string;
  chooseAll: string;
  answer: string;
  answered: string;
  yourAnswer: string;
  correct: string;
  /** The words after the number of seconds shown: "seconds left". */
  unit: (n: number) => string;
  timeUp: string;
  started: (question: string, text: string, seconds: number) => string;
  secondsLeft: (n: number) => string;
  right: (points: string) => string;
  wrong: string;
  missed: string;
  revealed: (correct: string) => string;
  score: (points: string, rank: number, players: number) => string;
  points: (n: number) => string;
  leaderboard: string;
  final: string;
  you: string;
  rank: (n: number) => string;
  noPlayers: string;
  resultLine: (label: string, percent: number, count: number) => string;
}

const builtIn: Record<Lang, (kit: ViewKit) => QuizStrings> = {
  en: (kit) => {
    const n = kit.numbers('en');
    return {
      quiz: 'Quiz',
      loading: 'Loading quiz…',
      none: 'No quiz running right now.',
      lobby: 'The quiz starts soon: the host starts each question.',
      nicknameLabel: 'Your nickname for the leaderboard (optional)',
      nicknameHint: 'Without one you appear as “Participant” and a number.',
      nicknameSave: 'Save nickname',
      nicknameChange: 'Change nickname',
      nicknameSaved: (name) => `Saved: you appear as “${name}”.`,
      playingAs: (name) => `You play as “${name}”.`,
      taken: 'Someone in this room has that nickname already. Please choose another.',
      participant: (number) => `Participant ${number}`,
      questionOf: (i, count) => `Question ${i} of ${count}`,
      chooseAll: 'Choose every right answer.',
      answer: 'Answer',
      answered: 'Your answer is in. The right answer comes next.',
      yourAnswer: 'your answer',
      correct: 'correct',
      unit: (count) => (count === 1 ? 'second left' : 'seconds left'),
      timeUp: 'Time is up.',
      started: (question, text, seconds) => `${question}, ${seconds} seconds: ${text}`,
      secondsLeft: (count) => `${n.count(count, { one: 'second', other: 'seconds' })} left.`,
      right: (points) => `Right! ${points}.`,
      wrong: 'Not right this time.',
      missed: 'You did not answer this one.',
      revealed: (correct) => `The right answer: ${correct}.`,
      score: (points, rank, players) => `You: ${points}, rank ${rank} of ${players}`,
      points: (count) => n.count(count, { one: 'point', other: 'points' }),
      leaderboard: 'Leaderboard',
      final: 'The quiz is over. Final standings:',
      you: 'you',
      rank: (r) => `Rank ${r}`,
      noPlayers: 'Nobody has scored yet.',
      resultLine: (label, percent, count) =>
        `${label}: ${percent} %, ${n.count(count, { one: 'answer', other: 'answers' })}`,
    };
  },
  de: (kit) => {
    const n = kit.numbers('de');
    return {
      quiz: 'Quiz',
      loading: 'Quiz wird geladen…',
      none: 'Gerade läuft kein Quiz.',
      lobby: 'Das Quiz beginnt gleich: Die Moderation startet jede Frage.',
      nicknameLabel: 'Ihr Spitzname für die Bestenliste (optional)',
      nicknameHint: 'Ohne Spitznamen erscheinen Sie als „Teilnehmer“ mit einer Nummer.',
      nicknameSave: 'Spitznamen speichern',
      nicknameChange: 'Spitznamen ändern',
      nicknameSaved: (name) => `Gespeichert: Sie erscheinen als „${name}“.`,
      playingAs: (name) => `Sie spielen als „${name}“.`,
      taken: 'Diesen Spitznamen hat schon jemand in diesem Raum. Bitte wählen Sie einen anderen.',
      participant: (number) => `Teilnehmer ${number}`,
      questionOf: (i, count) => `Frage ${i} von ${count}`,
      chooseAll: 'Wählen Sie alle richtigen Antworten.',
      answer: 'Antworten',
      answered: 'Ihre Antwort ist angekommen. Gleich kommt die Auflösung.',
      yourAnswer: 'Ihre Antwort',
      correct: 'richtig',
      unit: (count) => (count === 1 ? 'Sekunde übrig' : 'Sekunden übrig'),
      timeUp: 'Die Zeit ist um.',
      started: (question, text, seconds) => `${question}, ${seconds} Sekunden: ${text}`,
      secondsLeft: (count) => `Noch ${n.count(count, { one: 'Sekunde', other: 'Sekunden' })}.`,
      right: (points) => `Richtig! ${points}.`,
      wrong: 'Diesmal nicht richtig.',
      missed: 'Diese Frage haben Sie nicht beantwortet.',
      revealed: (correct) => `Richtig ist: ${correct}.`,
      score: (points, rank, players) => `Sie: ${points}, Platz ${rank} von ${players}`,
      points: (count) => n.count(count, { one: 'Punkt', other: 'Punkte' }),
      leaderboard: 'Bestenliste',
      final: 'Das Quiz ist vorbei. Endstand:',
      you: 'Sie',
      rank: (r) => `Platz ${r}`,
      noPlayers: 'Noch hat niemand Punkte.',
      resultLine: (label, percent, count) =>
        `${label}: ${percent} %, ${n.count(count, { one: 'Antwort', other: 'Antworten' })}`,
    };
  },
};

const css = (parts: TemplateStringsArray) => parts.join('');

export const sheet = new CSSStyleSheet();
sheet.replaceSync(css`
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space);
  }
  .timer {
    display: flex;
    align-items: baseline;
    gap: 0.3em;
    font-variant-numeric: tabular-nums;
  }
  .timer .seconds {
    min-width: 2ch;
    text-align: end;
    font-size: 2em;
    font-weight: 700;
    line-height: 1;
    color: var(--_accent);
  }
  .timer.low .seconds {
    color: var(--_danger);
  }
  .clock {
    display: block;
    height: 0.375em;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_muted) 25%, var(--_surface));
    overflow: hidden;
  }
  .clock span {
    display: block;
    height: 100%;
    background: var(--_accent);
    transition: width 250ms linear;
  }
  .mark {
    font-weight: 700;
  }
  .board li {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
    padding: 0.25em var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .board .place {
    min-width: 2ch;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .board .name {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .board .mine,
  .score {
    font-weight: 700;
  }
  .nickname {
    display: grid;
    gap: 0.25em;
  }
  .nickname .actions {
    display: flex;
    gap: var(--_space);
  }
  @media (prefers-reduced-motion: reduce) {
    .clock span {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .clock {
      border: 1px solid CanvasText;
    }
    .clock span {
      forced-color-adjust: none;
      background: Highlight;
    }
    .board li {
      border-color: CanvasText;
    }
  }
`);

/** Seconds left are announced at these moments (and "time is up" at 0), not every second. */
const moments = [10, 5];

type Choice = number | number[];
type Note = { saved: string } | { error: unknown } | 'choose' | undefined;

/** The quiz a participant sees: the one named, else the newest one under way, else the newest one over. */
function pick(quizzes: readonly QuizView[] | undefined, id: string | undefined): QuizView | undefined {
  const list = (quizzes ?? []).filter((quiz) => quiz.status !== 'draft');
  if (id) return list.find((quiz) => quiz.id === id);
  const newest = (status: string) =>
    list.filter((quiz) => quiz.status === status).sort((a, b) => b.createdAt - a.createdAt)[0];
  return newest('open') ?? newest('closed');
}

interface QuizHost extends ViewHost {
  readonly quiz: string | undefined;
}

export class View implements ViewShape {
  /** The question on screen (quiz id and index) and its unsent choice. */
  #key = '';
  #draft: Choice | undefined;
  #sending = false;
  #note: Note;
  #nickname: string | undefined;
  #nicknameNote: Note;
  /** Seconds left as last shown; the ticking timer. */
  #left: number | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #focus: string | undefined;

  constructor(
    private readonly host: QuizHost,
    private readonly kit: ViewKit,
  ) {
    host.addController(this);
  }

  get #lang(): Lang {
    return this.kit.resolveLang(this.host);
  }

  #words: { lang?: Lang; custom?: Partial<QuizStrings>; value?: QuizStrings } = {};

  /** The built-in words, with any the page replaced (`setStrings(lang, { quiz: { … } })`). */
  get #s(): QuizStrings {
    const lang = this.#lang;
    const custom = this.kit.strings(lang).quiz;
    const words = this.#words;
    if (words.lang !== lang || words.custom !== custom)
      this.#words = { lang, custom, value: { ...builtIn[lang](this.kit), ...custom } };
    return this.#words.value!;
  }

  get #quiz(): QuizView | undefined {
    return pick(this.host.roomStores.state?.quizzes, this.host.quiz);
  }

  get #mine(): MineView {
    return this.host.roomStores.mine;
  }

  #question(quiz: QuizView | undefined): QuizQuestionView | undefined {
    return quiz?.current == null ? undefined : quiz.questions.find((q) => q.index === quiz.current);
  }

  /** Whole seconds until the question closes, by the server's clock. */
  #secondsLeft(question: QuizQuestionView): number {
    const now = this.host.roomLike?.serverNow() ?? Date.now();
    return Math.max(0, Math.ceil(((question.endsAt ?? 0) - now) / 1000));
  }

  /** Back in the page (moved, or re-attached by a framework): the clock of the question on screen runs on. */
  hostConnected(): void {
    if (this.#key && this.#timer === undefined) this.#timer = setInterval(() => this.#tick(), 250);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Before each render: a new question resets the form and starts the clock. */
  hostUpdate(): void {
    const quiz = this.#quiz;
    const question = this.#question(quiz);
    const running = quiz?.status === 'open' && quiz.phase === 'question' && question?.endsAt !== undefined;
    const key = quiz && question && running ? `${quiz.id}/${question.index}` : '';
    if (key !== this.#key) {
      this.#key = key;
      this.#draft = undefined;
      this.#note = undefined;
      this.#left = undefined;
      this.#stop();
      if (key) {
        const s = this.#s;
        const left = this.#secondsLeft(question!);
        this.#left = left;
        if (left > 0) {
          this.host.announcer.announce(
            s.started(s.questionOf(question!.index + 1, quiz!.questionCount), question!.text, left),
          );
          // Focus follows a new question only when it was in the quiz already.
          if (this.host.matches(':focus-within')) this.#focus = 'input';
          this.#timer = setInterval(() => this.#tick(), 250);
        }
      }
    }
  }

  hostUpdated(): void {
    const focus = this.#focus;
    this.#focus = undefined;
    if (focus === 'input') this.host.renderRoot.querySelector<HTMLElement>('fieldset input')?.focus();
    else if (focus) this.host.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  #tick(): void {
    const question = this.#question(this.#quiz);
    if (!question || !this.#key) return this.#stop();
    const left = this.#secondsLeft(question);
    if (left === this.#left) return;
    const before = this.#left ?? Infinity;
    this.#left = left;
    const s = this.#s;
    if (left === 0) {
      this.#stop();
      this.host.announcer.announce(s.timeUp);
    } else {
      const moment = moments.find((m) => before > m && left <= m);
      if (moment !== undefined) this.host.announcer.announce(s.secondsLeft(left));
    }
    this.host.requestUpdate();
  }

  render() {
    const { html, nothing } = this.kit;
    const s = this.#s;
    const state = this.host.roomStores.state;
    const quiz = this.#quiz;
    const question = this.#question(quiz);
    const answering = quiz?.status === 'open' && quiz.phase === 'question';
    return html`<section part="base" aria-label=${quiz?.title || s.quiz}>
      ${this.host.renderConnection()}
      ${
        !state
          ? html`<p class="note" aria-busy="true">${s.loading}</p>`
          : !quiz
            ? html`<p class="note">${s.none}</p>`
            : html`<p part="label" class="title">${quiz.title}</p>
                ${answering ? nothing : this.#renderNickname()}
                ${
                  quiz.status === 'closed' || quiz.phase === 'leaderboard'
                    ? this.#renderBoard(quiz)
                    : !question
                      ? html`<p class="note">${s.lobby}</p>`
                      : quiz.phase === 'revealed'
                        ? this.#renderReveal(quiz, question)
                        : this.#renderQuestion(quiz, question)
                }`
      }
      ${this.host.announcer.render()}
    </section>`;
  }

  #playerName(): string | undefined {
    const player = this.#mine.player;
    return player && (player.nickname || this.#s.participant(player.number));
  }

  #renderNickname() {
    const { html, nothing } = this.kit;
    const s = this.#s;
    const current = this.#mine.player?.nickname ?? '';
    const name = this.#playerName();
    const note = this.#nicknameNote;
    if (this.#nickname === undefined && name && !(note && typeof note === 'object' && 'error' in note))
      return html`<p class="nickname">
        <span role="status"
          >${note && typeof note === 'object' && 'saved' in note ? note.saved : s.playingAs(name)}</span
        >
        <span
          ><button part="button" type="button" class="change" @click=${this.#editNickname}>
            ${s.nicknameChange}
          </button></span
        >
      </p>`;
    const error = note && typeof note === 'object' && 'error' in note ? note.error : undefined;
    return html`<form part="form" class="nickname" @submit=${this.#saveNickname}>
      <label for="nickname">${s.nicknameLabel}</label>
      <p class="note" id="nickname-hint">${s.nicknameHint}</p>
      <div class="actions">
        <input
          part="input"
          id="nickname"
          type="text"
          autocomplete="nickname"
          maxlength=${this.kit.activityLimits.nickname}
          aria-describedby=${error ? 'nickname-hint nickname-error' : 'nickname-hint'}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${this.#nickname ?? current}
          @input=${(event: InputEvent) => (this.#nickname = (event.target as HTMLInputElement).value)}
        />
        <button part="button" type="submit" class="primary">${s.nicknameSave}</button>
      </div>
      ${
        error === undefined
          ? nothing
          : html`<p class="error" role="alert" id="nickname-error">${this.#describe(error)}</p>`
      }
    </form>`;
  }

  #editNickname = (): void => {
    this.#nickname = this.#mine.player?.nickname ?? '';
    this.#nicknameNote = undefined;
    this.#focus = '#nickname';
    this.host.requestUpdate();
  };

  #saveNickname = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const room = this.host.roomLike;
    if (!room) return;
    const nickname = (this.#nickname ?? this.#mine.player?.nickname ?? '').trim();
    this.kit.emit(this.host, 'plenum-nickname', { room: this.host.roomName, nickname });
    try {
      await room.send({ type: 'nickname', nickname });
      this.#nickname = undefined;
      this.#nicknameNote = { saved: this.#s.nicknameSaved(this.#playerName() ?? nickname) };
      this.#focus = '.change';
    } catch (error) {
      this.#nicknameNote = { error };
      this.#focus = '#nickname';
    }
    this.host.requestUpdate();
  };

  #describe(error: unknown): string {
    return (error as PlenumError | undefined)?.code === 'taken'
      ? this.#s.taken
      : this.kit.describeError(this.host.t, error);
  }

  #renderHead(quiz: QuizView, question: QuizQuestionView, timer: unknown) {
    const { html } = this.kit;
    const s = this.#s;
    return html`<div class="head">
      <p class="note">${s.questionOf(question.index + 1, quiz.questionCount)}</p>
      ${timer}
    </div>`;
  }

  #renderTimer(question: QuizQuestionView) {
    const { html, inlineStyle } = this.kit;
    const s = this.#s;
    const left = this.#left ?? this.#secondsLeft(question);
    const share = Math.min(100, Math.round((left * 100) / question.timeLimit));
    return html`<p part="timer" class=${left <= 5 ? 'timer low' : 'timer'} role="timer">
        ${
          left > 0
            ? html`<span class="seconds">${left}</span> <span>${s.unit(left)}</span>`
            : html`<span>${s.timeUp}</span>`
        }
      </p>
      <span class="clock" aria-hidden="true"
        ><span style=${inlineStyle({ width: `${share}%` })}></span
      ></span>`;
  }

  #renderQuestion(quiz: QuizView, question: QuizQuestionView) {
    const { html, nothing } = this.kit;
    const s = this.#s;
    const t = this.host.t;
    const answer = this.#mine.quizzes?.[quiz.id]?.answers[question.index];
    const left = this.#left ?? this.#secondsLeft(question);
    const head = this.#renderHead(quiz, question, nothing);
    if (answer || left === 0) {
      const chosen = answer ? ([] as number[]).concat(answer.choice) : [];
      return html`${head}
        <p part="label" class="title">${question.text}</p>
        ${this.#renderTimer(question)}
        ${
          answer
            ? html`<p class="success" tabindex="-1" id="answered">${s.answered}</p>
                <ul part="list" class="bars">
                  ${chosen.map((i) => html`<li part="item">${question.options[i]} (${s.yourAnswer})</li>`)}
                </ul>`
            : nothing
        }`;
    }
    const multiple = question.kind === 'multiple';
    const draft = this.#draft;
    const chosen = draft === undefined ? [] : ([] as number[]).concat(draft);
    const note = this.#note;
    return html`${head}
      <form part="form" @submit=${(event: SubmitEvent) => this.#answer(event, quiz, question)}>
        ${this.#renderTimer(question)}
        <fieldset aria-describedby=${multiple ? 'choose-all' : nothing}>
          <legend part="label" class="title">${question.text}</legend>
          ${multiple ? html`<p class="note" id="choose-all">${s.chooseAll}</p>` : nothing}
          ${question.options.map(
            (option, i) =>
              html`<label class="option"
                ><input
                  type=${multiple ? 'checkbox' : 'radio'}
                  name="answer"
                  .checked=${chosen.includes(i)}
                  @change=${() => {
                    // From the choice as it is now: two ticks may come before one render.
                    const now = this.#draft === undefined ? [] : ([] as number[]).concat(this.#draft);
                    this.#draft = multiple
                      ? now.includes(i)
                        ? now.filter((c) => c !== i)
                        : [...now, i].sort((a, b) => a - b)
                      : i;
                    this.#note = undefined;
                    this.host.requestUpdate();
                  }}
                />
                ${option}</label
              >`,
          )}
        </fieldset>
        <div class="actions">
          <button part="button" class="primary" type="submit" aria-disabled=${this.#sending}>
            ${s.answer}
          </button>
        </div>
        ${
          note === 'choose'
            ? html`<p class="error" role="alert">${t.chooseFirst}</p>`
            : note && typeof note === 'object' && 'error' in note
              ? html`<p class="error" role="alert">${this.#describe(note.error)}</p>`
              : nothing
        }
      </form>`;
  }

  async #answer(event: SubmitEvent, quiz: QuizView, question: QuizQuestionView): Promise<void> {
    event.preventDefault();
    const room = this.host.roomLike;
    if (this.#sending || !room) return;
    const choice = this.#draft;
    if (choice === undefined || (Array.isArray(choice) && !choice.length)) {
      this.#note = 'choose';
      return this.host.requestUpdate();
    }
    this.kit.emit(this.host, 'plenum-answer', {
      room: this.host.roomName,
      quiz: quiz.id,
      question: question.index,
      choice,
    });
    this.#sending = true;
    this.#note = undefined;
    this.host.requestUpdate();
    try {
      await room.send({ type: 'quiz-answer', quiz: quiz.id, question: question.index, choice });
      this.#focus = '#answered';
    } catch (error) {
      this.#note = { error };
    } finally {
      this.#sending = false;
      this.host.requestUpdate();
    }
  }

  #renderReveal(quiz: QuizView, question: QuizQuestionView) {
    const { html, nothing, inlineStyle } = this.kit;
    const s = this.#s;
    const mine = this.#mine.quizzes?.[quiz.id];
    const answer = mine?.answers[question.index];
    const correct = question.correct ?? [];
    const results = question.results;
    const chosen = answer ? ([] as number[]).concat(answer.choice) : [];
    const outcome = !answer
      ? s.missed
      : answer.correct
        ? s.right(`+${s.points(answer.points ?? 0)}`)
        : answer.points
          ? `${s.wrong} +${s.points(answer.points)}`
          : s.wrong;
    return html`${this.#renderHead(quiz, question, nothing)}
      <p part="label" class="title">${question.text}</p>
      <p class="outcome" role="status">
        ${s.revealed(correct.map((i) => question.options[i]).join(', '))} ${outcome}
      </p>
      <ul part="list" class="bars">
        ${question.options.map((option, i) => {
          const percent = results?.percentages[i] ?? 0;
          const count = results?.counts[i] ?? 0;
          const marks = [correct.includes(i) ? s.correct : '', chosen.includes(i) ? s.yourAnswer : '']
            .filter(Boolean)
            .join(', ');
          const name = marks ? `${option} (${marks})` : option;
          return html`<li part="item" class=${correct.includes(i) ? 'right mine' : ''}>
            <span class="visually-hidden">${s.resultLine(name, percent, count)}</span>
            <span class="row" aria-hidden="true"
              ><span class="text"
                >${correct.includes(i) ? html`<span class="mark">✓ </span>` : nothing}${name}</span
              ><span part="count" class="count">${percent} % · ${count}</span></span
            >
            <span class="track" aria-hidden="true"
              ><span part="bar" class="bar" style=${inlineStyle({ width: `${percent}%` })}></span
            ></span>
          </li>`;
        })}
      </ul>
      ${mine ? this.#renderScore(mine.score, mine.rank, mine.players) : nothing}`;
  }

  #renderScore(score: number, rank: number, players: number) {
    const { html } = this.kit;
    const s = this.#s;
    return html`<p part="score" class="score">${s.score(s.points(score), rank, players)}</p>`;
  }

  #renderBoard(quiz: QuizView) {
    const { html, nothing } = this.kit;
    const s = this.#s;
    const mine = this.#mine.quizzes?.[quiz.id];
    const me = this.#mine.player?.number;
    const board: readonly LeaderboardEntry[] = quiz.leaderboard ?? [];
    return html`${quiz.status === 'closed' ? html`<p class="note">${s.final}</p>` : nothing}
      ${mine ? this.#renderScore(mine.score, mine.rank, mine.players) : nothing}
      <p class="title" id="board-title">${s.leaderboard}</p>
      ${
        board.length
          ? html`<ol part="list" class="board" aria-labelledby="board-title">
              ${board.map((entry) => {
                const name = entry.nickname || s.participant(entry.player);
                const own = entry.player === me;
                return html`<li part="item" class=${own ? 'mine' : ''}>
                  <span class="place"
                    ><span class="visually-hidden">${s.rank(entry.rank)}: </span
                    ><span aria-hidden="true">${entry.rank}.</span></span
                  >
                  <span class="name">${name}${own ? ` (${s.you})` : ''}</span>
                  <span part="count" class="count">${s.points(entry.score)}</span>
                </li>`;
              })}
            </ol>`
          : html`<p class="note">${s.noPlayers}</p>`
      }`;
  }
}
