/**
 * The report tab's quizzes, surveys and rehearsal resets (report-view.ts shows them after
 * the polls): per quiz question the share of right answers and the median answer time, the
 * final leaderboard by nickname; per survey question its results; every reset with its time
 * and how many answers it removed. The same numbers as the downloads.
 */
import { html, nothing } from 'lit';
import { numbers } from '@plenum/elements';
import type { Report } from '@plenum/protocol';
import { ta } from './activity-strings.js';
import { timeOfDay } from './format.js';
import { $lang } from './i18n.js';
import { renderResults } from './results.js';

const seconds = (ms: number) => numbers($lang.get()).decimal(ms / 1000);

export function reportActivities(report: Report) {
  const s = ta();
  const quizzes = report.quizzes ?? [];
  const surveys = report.surveys ?? [];
  const resets = report.resets ?? [];
  return html`${
    quizzes.length
      ? html`<section aria-labelledby="report-quizzes">
          <h3 id="report-quizzes">${s.quizzes}</h3>
          <div class="columns">
            ${quizzes.map(
              (quiz) =>
                html`<div class="panel" data-report-quiz=${quiz.id}>
                  <h4>${quiz.title}</h4>
                  <p class="muted">${s.players(quiz.players)}</p>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">${s.questionText}</th>
                        <th scope="col">${s.rightShare}</th>
                        <th scope="col">${s.medianTime}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${quiz.questions.map(
                        (question) =>
                          html`<tr>
                            <td>${question.index + 1}. ${question.text}</td>
                            <td>${question.correctShare} % (${s.responses(question.responses)})</td>
                            <td>
                              ${question.medianMs === null ? '–' : s.secondsShort(seconds(question.medianMs))}
                            </td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                  <h5>${s.finalBoard}</h5>
                  ${
                    quiz.leaderboard.length
                      ? html`<ol class="plain">
                          ${quiz.leaderboard.map(
                            (entry) =>
                              html`<li>
                                ${entry.rank}. ${entry.nickname || s.participant(entry.player)} ·
                                ${s.points(entry.score)}
                              </li>`,
                          )}
                        </ol>`
                      : html`<p class="muted">${s.noPlayers}</p>`
                  }
                </div>`,
            )}
          </div>
        </section>`
      : nothing
  }
  ${
    surveys.length
      ? html`<section aria-labelledby="report-surveys">
          <h3 id="report-surveys">${s.surveys}</h3>
          <div class="columns">
            ${surveys.map(
              (survey) =>
                html`<div class="panel" data-report-survey=${survey.id}>
                  <h4>${survey.title}</h4>
                  <p class="muted">${s.responses(survey.responses)}</p>
                  ${survey.questions.map(
                    (question, index) =>
                      html`<h5>${index + 1}. ${question.text}</h5>
                        ${renderResults(
                          question.options,
                          question.results.kind === 'multiple'
                            ? { ...question.results, percentages: question.percentages }
                            : question.results,
                        )}`,
                  )}
                </div>`,
            )}
          </div>
        </section>`
      : nothing
  }
  ${
    resets.length
      ? html`<section aria-labelledby="report-resets">
          <h3 id="report-resets">${s.resets}</h3>
          <ul class="plain">
            ${resets.map(
              (reset) =>
                html`<li>
                  ${timeOfDay(reset.at, report.timeZone)}:
                  ${s.resetLine(reset.title, s.answers(reset.answers))}
                </li>`,
            )}
          </ul>
        </section>`
      : nothing
  }`;
}
