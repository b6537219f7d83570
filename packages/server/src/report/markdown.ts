/** The report as a Markdown document in the room's language: paragraph, numbers, questions, polls. */
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

/**
 * Markdown-safe inline text: no pipe, bracket or emphasis from the audience changes the
 * document, and no line break of any kind (CR, LF, U+0085, U+2028, U+2029) ends a table row.
 */
export const md = (text: string): string =>
  text.replace(/[\\|*_`<>[\]#]/g, (c) => `\\${c}`).replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ');
/** A link target: a normalised URL may still hold a pipe, which would end a table cell. */
const mdUrl = (url: string) => `<${url.replaceAll('|', '%7C')}>`;

export function reportMarkdown(report: Report, words: Words, all = false): string {
  const a = report.audience;
  const c = report.contributions;
  const out = [
    `# ${md(report.title || report.room)} — ${words.eventInNumbers}`,
    '',
    md(eventInNumbers(report, words)),
    '',
    `- ${words.watched(`**${words.number(a.viewers)}**`, a.viewers === 1)}, ${words.peak(
      words.number(a.peakConnections),
    )}`,
    `- ${words.tookPart(`**${words.number(a.activeParticipants)}**`, a.activeParticipants === 1)}`,
    `- **${words.count(c.total, 'contribution')}**: ${words.list([
      words.count(c.questions, 'question'),
      words.count(c.openAnswers, 'openAnswer'),
    ])}`,
    `- ${words.count(report.questions.upvotes, 'upvote')}`,
    `- ${words.responsesIn(words.count(report.pollResponses, 'response'), words.count(report.polls.length, 'poll'))}`,
    `- ${words.count(report.reactions.total, 'reaction')}`,
    ...(report.recording ? [`- ${words.recording}: ${mdUrl(report.recording.url)}`] : []),
    ...(report.retention
      ? [`- ${words.keptUntil(words.dateTime(report.retention.expiresAt), report.retention.days)}`]
      : []),
    '',
  ];
  const questions = listedQuestions(report, all);
  if (questions.length) {
    const status = all ? ` ${words.status} |` : '';
    out.push(
      `## ${words.questions}`,
      '',
      `| ${words.timeColumn} | ${words.question} | ${words.name} | ${words.upvotesColumn} |${status} ${words.reply} | ${words.recording} |`,
      `| --- | --- | --- | ---: |${all ? ' --- |' : ''} --- | --- |`,
    );
    for (const q of questions) {
      const seconds = recordingSeconds(report, q);
      const link =
        q.recordingAt && seconds !== undefined
          ? `[${words.at(clock(seconds))}](${mdUrl(q.recordingAt)})`
          : '';
      const answered = q.status === 'answered' ? ` (${words.answered})` : '';
      out.push(
        `| ${words.time(q.createdAt)} | ${md(q.text)}${answered} | ${md(q.name ?? '')} | ${words.number(q.upvotes)} |${
          all ? ` ${words.statusNames[q.status]} |` : ''
        } ${md(q.reply ?? '')} | ${link} |`,
      );
    }
    out.push('');
  }
  for (const poll of report.polls) {
    out.push(
      `## ${words.poll}: ${md(poll.title)}`,
      '',
      `${words.count(poll.responses, 'response')} (${words.kindNames[poll.kind]}, ${words.pollStatusNames[poll.status]})`,
      '',
    );
    // The host's network-share note (counted in memory; the server keeps no address).
    if (poll.network)
      out.push(
        `> ${words.networkShare(words.percent(poll.network.share), words.number(poll.network.voters))}`,
        '',
      );
    out.push(...resultTable(poll, poll.kind, words), '');
  }
  for (const quiz of report.quizzes) {
    out.push(`## ${words.quiz}: ${md(quiz.title)}`, '', quizSummary(quiz, words), '');
    out.push(
      `| ${words.question} | ${words.correctAnswer} | ${words.countColumn} | ${words.shareCorrect} | ${words.medianTime} |`,
      '| --- | --- | ---: | ---: | ---: |',
    );
    for (const q of quiz.questions) {
      const played = q.startedAt === undefined ? ` (${words.notPlayed})` : '';
      out.push(
        `| ${q.index + 1}. ${md(q.text)}${played} | ${md(correctOptions(q, words))} | ${words.number(q.responses)} | ${words.percent(q.correctShare)} | ${medianTime(q, words)} |`,
      );
    }
    out.push('');
    if (quiz.leaderboard.length) {
      out.push(
        `### ${words.leaderboard}`,
        '',
        `| ${words.rankColumn} | ${words.name} | ${words.pointsColumn} |`,
        '| ---: | --- | ---: |',
        ...quiz.leaderboard.map(
          (entry) => `| ${entry.rank} | ${md(playerName(entry, words))} | ${words.number(entry.score)} |`,
        ),
        '',
      );
    }
  }
  for (const survey of report.surveys) {
    out.push(
      `## ${words.survey}: ${md(survey.title)}`,
      '',
      `${words.count(survey.responses, 'response')} (${words.pollStatusNames[survey.status]})`,
      '',
    );
    survey.questions.forEach((question, i) => {
      out.push(
        `### ${i + 1}. ${md(question.text)}`,
        '',
        `${words.count(question.responses, 'response')} (${words.kindNames[question.kind]})`,
        '',
        ...resultTable(question, question.kind, words),
        '',
      );
    });
  }
  if (report.resets.length) {
    out.push(`## ${words.resets}`, '');
    for (const reset of report.resets)
      out.push(
        `- ${words.dateTime(reset.at)}: ${words.resetKindNames[reset.kind]} ${words.quote(md(reset.title))}, ${words.removed(
          words.count(reset.answers, 'response'),
        )}`,
      );
    out.push('');
  }
  return out.join('\n');
}

/** A poll's or a survey question's results as a table (a rating's average above it). */
function resultTable(poll: Tallied, kind: PollKind, words: Words): string[] {
  const out: string[] = [];
  if (poll.results.kind === 'rating')
    out.push(`${words.averageLabel}: ${words.decimal(poll.results.average)} ★`, '');
  const rows = resultRows(poll, words);
  if (kind === 'ranking') {
    out.push(
      `| ${words.rankColumn} | ${words.answer} | ${words.pointsColumn} | ${words.averageRankColumn} |`,
      '| ---: | --- | ---: | ---: |',
      ...rows.map(
        (row) =>
          `| ${row.place} | ${md(row.label)} | ${words.number(row.count)} | ${words.decimal(row.averageRank ?? 0)} |`,
      ),
    );
    return out;
  }
  const multiple = kind === 'multiple';
  const open = kind === 'open';
  out.push(
    `| ${words.answer} | ${multiple ? words.ticksColumn : words.countColumn} |${
      open ? '' : ` ${multiple ? words.shareOfRespondents : words.share} |`
    }`,
    `| --- | ---: |${open ? '' : ' ---: |'}`,
  );
  for (const row of rows) {
    const percent = row.percent === undefined ? '' : ` ${words.percent(row.percent)} |`;
    out.push(`| ${md(row.label)} | ${words.number(row.count)} |${percent}`);
  }
  return out;
}
