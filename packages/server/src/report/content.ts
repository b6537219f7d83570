/** What every format of the report shows, decided once: which questions, which result rows. */
import type { Report, ReportPoll, ReportQuestion } from '@plenum/protocol';
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
  count: number;
  /** Share of respondents; none for open answers. */
  percent?: number;
}

/** One row per option (single, multiple), star (rating) or grouped answer (open). */
export function resultRows(poll: ReportPoll, words: Words): ResultRow[] {
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
    // From the top of the ranking down; the count is the option's Borda points.
    case 'ranking':
      return results.order.map((i) => ({ label: poll.options[i]!, count: results.points[i] ?? 0 }));
  }
}

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
  return sentences.join(' ');
}

function pollInWords(poll: ReportPoll, words: Words): string {
  const results = poll.results;
  if (results.kind === 'rating') {
    return words.average(words.decimal(results.average), words.count(results.responses, 'rating'));
  }
  const rows = resultRows(poll, words);
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
