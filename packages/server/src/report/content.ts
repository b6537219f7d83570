/** What every format of the report shows, decided once: which questions, which result rows. */
import type {
  LeaderboardEntry,
  Report,
  ReportPoll,
  ReportQuestion,
  ReportQuiz,
  ReportQuizQuestion,
} from '@plenum/protocol';
import type { Words } from './words.js';

/**
 * The published list: live and answered questions. `all` is the host's archive (review and
 * dismissed too), which every format then shows with a status.
 */
export function listedQuestions(report: Report, all: boolean): ReportQuestion[] {
  return all
    ? report.questions.list
    : report.questions.list.filter((q) => q.status === 'live' || q.status === 'answered');
}

/** Seconds into the recording of the moment a question's link points at, if it has one. */
export function recordingSeconds(report: Report, question: ReportQuestion): number | undefined {
  const startsAt = report.recording?.startsAt;
  if (question.recordingAt === undefined || startsAt === undefined) return undefined;
  return Math.floor(((question.answeredAt ?? question.createdAt) - startsAt) / 1000);
}

export interface ResultRow {
  label: string;
  /** Borda points for a ranking. */
  count: number;
  /** Share of respondents; none for open answers and rankings. */
  percent?: number;
  /** Rankings: the place in the results (1 = top) and the mean place given. */
  place?: number;
  averageRank?: number;
}

/** What the rows are made of: a poll, or one question of a survey. */
export type Tallied = Pick<ReportPoll, 'options' | 'results' | 'percentages'>;

/**
 * One row per option (single, multiple), star (rating) or grouped answer (open); a ranking
 * from its top down, with points and mean places.
 */
export function resultRows(poll: Tallied, words: Words): ResultRow[] {
  const results = poll.results;
  switch (results.kind) {
    case 'single':
    case 'multiple':
      return poll.options.map((label, i) => ({
        label,
        count: results.counts[i] ?? 0,
        percent: poll.percentages[i] ?? 0,
      }));
    case 'rating':
      return results.distribution.map((count, i) => ({
        label: words.stars(i + 1),
        count,
        percent: poll.percentages[i] ?? 0,
      }));
    case 'open':
      return results.answers.map((answer) => ({ label: answer.text, count: answer.count }));
    case 'ranking':
      return results.order.map((i, place) => ({
        label: poll.options[i]!,
        count: results.points[i] ?? 0,
        place: place + 1,
        averageRank: results.averageRanks[i] ?? 0,
      }));
  }
}

/** A leaderboard's name for a player: their nickname, or "Teilnehmer 17" in the report's language. */
export const playerName = (entry: LeaderboardEntry, words: Words): string =>
  entry.nickname ?? words.player(entry.player);

/** A quiz question's correct options, as text. */
export const correctOptions = (question: ReportQuizQuestion, words: Words): string =>
  words.list(question.correct.map((i) => question.options[i] ?? ''));

/** A median answer time in seconds to one decimal ("2,5 s"), or "–" for a question nobody answered. */
export const medianTime = (question: ReportQuizQuestion, words: Words): string =>
  question.medianMs === null ? '–' : words.seconds(words.decimal(question.medianMs / 1000));

/** The line under a quiz's heading: players, status, speed points. */
export const quizSummary = (quiz: ReportQuiz, words: Words): string =>
  `${words.played(words.number(quiz.players), quiz.players === 1)} (${words.pollStatusNames[quiz.status]}, ${words.speedPoints(quiz.speedPoints)})`;

/** How many grouped open answers the paragraph names before it says "and N more". */
const namedAnswers = 10;

/**
 * "The event in numbers" as one paragraph to paste beside the recording, written from the
 * numbers: audience, contributions and their labels, polls with their results in words.
 */
export function eventInNumbers(report: Report, words: Words): string {
  const a = report.audience;
  const sentences = [
    `${words.watched(words.number(a.viewers), a.viewers === 1)}, ${words.tookPart(
      words.number(a.activeParticipants),
      a.activeParticipants === 1,
    )}.`,
  ];
  const c = report.contributions;
  if (c.total > 0) {
    const parts = [
      ...(c.questions > 0 ? [words.count(c.questions, 'question')] : []),
      ...(c.openAnswers > 0 ? [words.count(c.openAnswers, 'openAnswer')] : []),
    ];
    const labels = Object.entries(c.byLabel)
      .sort((x, y) => y[1] - x[1])
      .map(([label, count]) => words.labelled(words.number(count), words.quote(label)));
    sentences.push(
      `${words.wrote(words.count(c.total, 'contribution'), c.total === 1)} (${words.list(parts)})${
        labels.length ? `, ${words.ofWhich} ${words.list(labels)}` : ''
      }.`,
    );
  }
  const polls = report.polls.filter((poll) => poll.responses > 0);
  if (polls.length > 0) {
    const responses = words.count(report.pollResponses, 'response');
    sentences.push(`${words.responsesIn(responses, words.count(polls.length, 'poll'))}.`);
  }
  for (const poll of polls) sentences.push(`${words.quote(poll.title)}: ${pollInWords(poll, words)}.`);
  for (const quiz of report.quizzes.filter((quiz) => quiz.players > 0)) {
    const first = quiz.leaderboard.filter((entry) => entry.rank === 1 && entry.score > 0);
    const leading = first.length
      ? `, ${words.won(words.list(first.map((e) => words.quote(playerName(e, words)))))}`
      : '';
    sentences.push(
      `${words.quote(quiz.title)} (${words.quiz}): ${words.played(words.number(quiz.players), quiz.players === 1)}${leading}.`,
    );
  }
  for (const survey of report.surveys.filter((survey) => survey.responses > 0))
    sentences.push(
      `${words.quote(survey.title)} (${words.survey}): ${words.count(survey.responses, 'response')}.`,
    );
  return sentences.join(' ');
}

function pollInWords(poll: ReportPoll, words: Words): string {
  const results = poll.results;
  if (results.kind === 'rating') {
    return words.average(words.decimal(results.average), words.count(results.responses, 'rating'));
  }
  const rows = resultRows(poll, words);
  if (results.kind === 'ranking') {
    return words.list(rows.slice(0, 3).map((row) => `${row.place}. ${row.label}`));
  }
  if (results.kind === 'open') {
    const named = rows
      .slice(0, namedAnswers)
      .map((row) => `${words.quote(row.label)} (${words.number(row.count)}×)`);
    const more = rows.length - namedAnswers;
    return words.list(more > 0 ? [...named, words.count(more, 'moreAnswers')] : named);
  }
  // Largest share first: "86 % im Mittelfeld, 11 % auf den hinteren Rängen und 3 % an der Spitze".
  const shares = rows
    .filter((row) => row.count > 0)
    .sort((x, y) => (y.percent ?? 0) - (x.percent ?? 0))
    .map((row) => `${words.percent(row.percent ?? 0)} ${row.label}`);
  return words.list(shares);
}
