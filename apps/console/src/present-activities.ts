/**
 * The big screen's quiz, survey and ranking screens (present-view.ts renders them): the
 * quiz question with its countdown, the revealed distribution, the top 10; one survey
 * question's results at a time; a ranking poll by Borda points. Only what the public view
 * holds: the screen joins without a host key.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { inlineStyle, numbers } from '@plenum/elements';
import {
  ratingScale,
  type PollResults,
  type PollView,
  type QuizView,
  type RankingResults,
  type RoomView,
  type SurveyView,
} from '@plenum/protocol';
import { taOf } from './activity-strings.js';
import { stringsOf, type Lang } from './i18n.js';

/** Shows a text (cut to fit for the eye, whole for assistive technology): present-view's own. */
type Clamp = (text: string) => TemplateResult;

const letters = 'ABCDEFGHIJKLMNOPQRST';

function bars(
  lang: Lang,
  clamped: Clamp,
  rows: { label: string; percent: number; count: number; mark?: boolean; number?: string }[],
) {
  const s = stringsOf(lang);
  return html`<ul class="bars ${rows.length > 6 ? 'two' : ''}">
    ${rows.map(
      (row) =>
        html`<li data-fit-item class=${row.mark ? 'right' : ''}>
          <span class="label"
            >${row.mark ? html`<span aria-hidden="true">✓ </span>` : nothing}${clamped(row.label)}</span
          >
          <span class="number">${row.number ?? s.percentOf(row.percent, row.count)}</span>
          <span class="track" aria-hidden="true"
            ><span style=${inlineStyle({ width: `${row.percent}%` })}></span
          ></span>
        </li>`,
    )}
  </ul>`;
}

export function quizScreen(state: RoomView, quiz: QuizView, lang: Lang, now: () => number, clamped: Clamp) {
  const s = taOf(lang);
  const question = quiz.current === null ? undefined : quiz.questions.find((q) => q.index === quiz.current);
  const room = html`<p class="room">${clamped(state.title)}</p>`;
  if (quiz.status === 'closed' || quiz.phase === 'leaderboard') {
    const board = quiz.leaderboard ?? [];
    return html`${room}
      <h1 data-present="leaderboard">${clamped(quiz.title)}: ${s.top}</h1>
      ${
        board.length
          ? html`<ol class="top board">
              ${board.map(
                (entry) =>
                  html`<li data-fit-item>
                    <p class="text">
                      <strong>${entry.rank}.</strong>
                      ${clamped(entry.nickname || s.participant(entry.player))}
                    </p>
                    <p class="meta">${s.points(entry.score)}</p>
                  </li>`,
              )}
            </ol>`
          : html`<p>${s.noPlayers}</p>`
      }
      <p data-fit-more hidden></p>`;
  }
  if (!question)
    return html`${room}
      <h1 data-present="quiz">${clamped(quiz.title)}</h1>
      <p class="status">${s.questions(quiz.questionCount)} · ${s.players(quiz.players)}</p>`;
  const head = html`${room}
    <p class="status">${s.question(question.index + 1)} / ${quiz.questionCount}</p>
    <h1 data-present="quiz-question">${clamped(question.text)}</h1>`;
  if (quiz.phase === 'question')
    return html`${head}
      ${
        question.endsAt !== undefined
          ? html`<plenum-console-countdown
              class="countdown"
              .endsAt=${question.endsAt}
              .now=${now}
              lang=${lang}
            ></plenum-console-countdown>`
          : nothing
      }
      <ul class="options ${question.options.length > 6 ? 'two' : ''}">
        ${question.options.map(
          (option, i) =>
            html`<li data-fit-item><strong aria-hidden="true">${letters[i]}</strong> ${clamped(option)}</li>`,
        )}
      </ul>
      <p class="status">${s.answers(question.responses)}</p>
      <p data-fit-more hidden></p>`;
  const results = question.results;
  const correct = question.correct ?? [];
  return html`${head}
    ${bars(
      lang,
      clamped,
      question.options.map((option, i) => ({
        label: correct.includes(i) ? `${option} (${s.correctMark})` : option,
        percent: results?.percentages[i] ?? 0,
        count: results?.counts[i] ?? 0,
        mark: correct.includes(i),
      })),
    )}
    ${results ? html`<p class="status">${s.correctShare(results.correctResponses, results.responses)}</p>` : nothing}
    <p data-fit-more hidden></p>`;
}

export function surveyScreen(state: RoomView, survey: SurveyView, index: number, lang: Lang, clamped: Clamp) {
  const s = taOf(lang);
  const question = survey.questions[index];
  const results = survey.results?.[index];
  return html`<p class="room">${clamped(state.title)}</p>
    <p class="status">${clamped(survey.title)} · ${s.question(index + 1)} / ${survey.questions.length}</p>
    <h1 data-present="survey">${clamped(question?.text ?? survey.title)}</h1>
    <p class="status">${s.responses(survey.responses)}</p>
    ${
      !question
        ? nothing
        : results
          ? pollResults(lang, clamped, question.options, results)
          : html`<p class="coming">${stringsOf(lang).resultsHidden}</p>`
    }
    <p data-fit-more hidden></p>`;
}

/** Results of one kind on screen: bars (choice, rating, ranking) or the answers with their counts (open). */
function pollResults(lang: Lang, clamped: Clamp, options: readonly string[], results: PollResults) {
  const t = taOf(lang);
  switch (results.kind) {
    case 'open':
      return results.answers.length
        ? html`<ol class="top">
            ${results.answers.map(
              (answer) =>
                html`<li data-fit-item>
                  <p class="text">${clamped(answer.text)}</p>
                  <p class="meta">${answer.count}</p>
                </li>`,
            )}
          </ol>`
        : html`<p>${t.noAnswersYet}</p>`;
    case 'rating': {
      const word = (n: number) => stringsOf(lang).stars?.(n) ?? `${n} ★`;
      return html`<p class="average">${numbers(lang).decimal(results.average)} / ${ratingScale}</p>
        ${bars(
          lang,
          clamped,
          [...results.distribution].reverse().map((count, i) => ({
            label: word(ratingScale - i),
            percent: [...results.percentages].reverse()[i] ?? 0,
            count,
          })),
        )}`;
    }
    case 'ranking':
      return rankingBars(lang, clamped, options, results);
    default:
      return bars(
        lang,
        clamped,
        options.map((option, i) => ({
          label: option,
          percent: results.percentages[i] ?? 0,
          count: results.counts[i] ?? 0,
        })),
      );
  }
}

/** A ranking poll on screen: the options from the top down, bars by Borda points. */
export function rankingBars(lang: Lang, clamped: Clamp, options: readonly string[], results: RankingResults) {
  const s = taOf(lang);
  const top = Math.max(1, ...results.points);
  const decimal = numbers(lang).decimal;
  return bars(
    lang,
    clamped,
    results.order.map((option, place) => ({
      label: `${place + 1}. ${options[option] ?? ''}`,
      percent: Math.round(((results.points[option] ?? 0) * 100) / top),
      count: results.points[option] ?? 0,
      number: s.averageRank(
        decimal(results.averageRanks[option] ?? 0),
        s.points(results.points[option] ?? 0),
      ),
    })),
  );
}

/** A ranking poll's results for the present view. */
export const rankingScreen = (lang: Lang, clamped: Clamp, poll: PollView) =>
  poll.results?.kind === 'ranking' ? rankingBars(lang, clamped, poll.options, poll.results) : nothing;
