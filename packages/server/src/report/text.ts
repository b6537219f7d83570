/**
 * The report as plain text in the room's language, to paste into a web page's editor:
 * the paragraph, then the question list with times, names, replies and recording links.
 */
import type { PollKind, Report } from '@plenum/protocol';
import {
  correctOptions,
  eventInNumbers,
  listedQuestions,
  medianTime,
  playerName,
  quizSummary,
  recordingSeconds,
  resultRows,
  type Tallied,
} from './content.js';
import { clock, type Words } from './words.js';

/** One line of audience text: its line breaks (CR, LF, U+0085, U+2028, U+2029) become spaces. */
const line = (text: string) => text.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ');

export function reportText(report: Report, words: Words, all = false): string {
  const out = [
    `${line(report.title || report.room)} — ${words.eventInNumbers}`,
    '',
    line(eventInNumbers(report, words)),
    '',
  ];
  if (report.retention) {
    out.push(words.keptUntil(words.dateTime(report.retention.expiresAt), report.retention.days), '');
  }
  const questions = listedQuestions(report, all);
  if (questions.length) {
    out.push(words.questions, '');
    for (const q of questions) {
      const marks = [
        ...(all && q.status !== 'answered' ? [words.statusNames[q.status]] : []),
        ...(q.status === 'answered' ? [words.answered] : []),
      ];
      const name = q.name ? ` – ${line(q.name)}` : '';
      out.push(
        `${words.time(q.createdAt)} ${line(q.text)}${marks.length ? ` (${marks.join(', ')})` : ''}${name}`,
      );
      if (q.reply) out.push(`  ${words.reply}: ${line(q.reply)}`);
      const seconds = recordingSeconds(report, q);
      if (q.recordingAt && seconds !== undefined) {
        out.push(`  ${words.recording} ${words.at(clock(seconds))}: ${q.recordingAt}`);
      }
    }
    out.push('');
  }
  for (const poll of report.polls) {
    out.push(
      `${words.poll}: ${line(poll.title)} – ${words.count(poll.responses, 'response')} (${words.kindNames[poll.kind]})`,
    );
    out.push(...resultLines(poll, poll.kind, words, '  '), '');
  }
  for (const quiz of report.quizzes) {
    out.push(`${words.quiz}: ${line(quiz.title)} – ${quizSummary(quiz, words)}`);
    for (const q of quiz.questions) {
      const played = q.startedAt === undefined ? ` (${words.notPlayed})` : '';
      out.push(
        `  ${q.index + 1}. ${line(q.text)}${played}`,
        `     ${words.correctAnswer}: ${line(correctOptions(q, words))} · ${words.count(q.responses, 'response')} · ${words.shareCorrect}: ${words.percent(q.correctShare)} · ${words.medianTime}: ${medianTime(q, words)}`,
      );
    }
    if (quiz.leaderboard.length) {
      out.push(`  ${words.leaderboard}:`);
      for (const entry of quiz.leaderboard)
        out.push(`  ${entry.rank}. ${line(playerName(entry, words))}: ${words.count(entry.score, 'point')}`);
    }
    out.push('');
  }
  for (const survey of report.surveys) {
    out.push(`${words.survey}: ${line(survey.title)} – ${words.count(survey.responses, 'response')}`);
    survey.questions.forEach((question, i) => {
      out.push(
        `  ${i + 1}. ${line(question.text)} – ${words.count(question.responses, 'response')} (${words.kindNames[question.kind]})`,
        ...resultLines(question, question.kind, words, '     '),
      );
    });
    out.push('');
  }
  if (report.resets.length) {
    out.push(`${words.resets}:`);
    for (const reset of report.resets)
      out.push(
        `  ${words.dateTime(reset.at)}: ${words.resetKindNames[reset.kind]} ${words.quote(line(reset.title))}, ${words.removed(words.count(reset.answers, 'response'))}`,
      );
    out.push('');
  }
  return out.join('\n');
}

/** A poll's or a survey question's results, one line each. */
function resultLines(poll: Tallied, kind: PollKind, words: Words, indent: string): string[] {
  return resultRows(poll, words).map((row) => {
    if (row.place !== undefined)
      return `${indent}${row.place}. ${line(row.label)}: ${words.count(row.count, 'point')} · ${words.averageRankColumn} ${words.decimal(row.averageRank ?? 0)}`;
    const percent = row.percent === undefined ? '' : `${words.percent(row.percent)} · `;
    const count = words.count(row.count, kind === 'multiple' ? 'tick' : 'response');
    return `${indent}${line(row.label)}: ${percent}${count}`;
  });
}
