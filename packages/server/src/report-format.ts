/** The report as a spreadsheet (CSV) and as a document (Markdown). */
import type { PollResults, Report } from '@plenum/protocol';

const time = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (=, +, -, @) gets a leading
 * apostrophe: questions come from the audience, and a report must not execute them.
 */
function cell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (...cells: (string | number | boolean | undefined)[]) => cells.map(cell).join(',');

/** Result rows as (label, count, percent). */
function resultRows(results: PollResults, options: string[]): [string, number, number | undefined][] {
  switch (results.kind) {
    case 'single':
    case 'multiple':
      return options.map((option, i) => [option, results.counts[i] ?? 0, results.percentages[i]]);
    case 'rating':
      return results.distribution.map((count, i) => [`${i + 1} ★`, count, results.percentages[i]]);
    case 'open':
      return results.answers.map((answer) => [answer.text, answer.count, undefined]);
  }
}

/** Three tables one after another: the numbers, the questions, the poll results. */
export function reportCsv(report: Report): string {
  const lines = [
    row('metric', 'value'),
    row('room', report.room),
    row('title', report.title),
    row('viewers', report.audience.viewers),
    row('peak concurrent connections', report.audience.peakConnections),
    row('active participants', report.audience.activeParticipants),
    row('questions', report.questions.total),
    ...Object.entries(report.questions.byStatus).map(([status, count]) => row(`questions ${status}`, count)),
    ...Object.entries(report.questions.byLabel).map(([label, count]) =>
      row(`questions labelled ${label}`, count),
    ),
    row('upvotes', report.questions.upvotes),
    row(
      'poll responses',
      report.polls.reduce((sum, poll) => sum + poll.responses, 0),
    ),
    row('reactions', report.reactions.total),
    ...(report.retention ? [row('erased unless used again (UTC)', time(report.retention.expiresAt))] : []),
    '',
    row('asked at (UTC)', 'question', 'name', 'upvotes', 'status', 'label', 'answered', 'recording'),
    ...report.questions.list.map((q) =>
      row(
        time(q.createdAt),
        q.text,
        q.name,
        q.upvotes,
        q.status,
        q.label,
        q.answered ? 'yes' : 'no',
        q.recordingAt,
      ),
    ),
    '',
    row('poll', 'kind', 'responses', 'answer', 'count', 'percent'),
    ...report.polls.flatMap((poll) =>
      resultRows(poll.results, poll.options).map(([label, count, percent]) =>
        row(poll.title, poll.kind, poll.responses, label, count, percent),
      ),
    ),
  ];
  return lines.join('\r\n') + '\r\n';
}

/** Markdown-safe table text: no pipes or line breaks from the audience break the table. */
const md = (text: string) => text.replace(/[\\|*_`<>[\]]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
/** A link target in a table: a normalised URL may still hold a pipe, which would end the cell. */
const mdUrl = (url: string) => `<${url.replaceAll('|', '%7C')}>`;

export function reportMarkdown(report: Report): string {
  const a = report.audience;
  const responses = report.polls.reduce((sum, poll) => sum + poll.responses, 0);
  const out = [
    `# ${md(report.title || report.room)} — the event in numbers`,
    '',
    `- **${a.viewers}** viewers, at most **${a.peakConnections}** connected at once`,
    `- **${a.activeParticipants}** took part actively`,
    `- **${report.questions.total}** questions (${Object.entries(report.questions.byStatus)
      .map(([status, count]) => `${count} ${status}`)
      .join(', ')}), **${report.questions.upvotes}** upvotes`,
    `- **${responses}** poll responses in ${report.polls.length} polls`,
    `- **${report.reactions.total}** reactions`,
    ...(report.recording ? [`- Recording: ${mdUrl(report.recording.url)}`] : []),
    ...(report.retention
      ? [
          `- Kept until ${time(report.retention.expiresAt)} UTC: rooms idle for ${report.retention.days} days are erased`,
        ]
      : []),
    '',
  ];
  if (report.questions.list.length) {
    out.push(
      '## Questions',
      '',
      '| asked at (UTC) | question | name | upvotes | answered |',
      '| --- | --- | --- | ---: | --- |',
    );
    for (const q of report.questions.list) {
      // The link sits on the time: the moment in the recording is what it points at.
      const asked = q.recordingAt ? `[${time(q.createdAt)}](${mdUrl(q.recordingAt)})` : time(q.createdAt);
      out.push(
        `| ${asked} | ${md(q.text)} | ${md(q.name ?? '')} | ${q.upvotes} | ${q.answered ? 'yes' : 'no'} |`,
      );
    }
    out.push('');
  }
  for (const poll of report.polls) {
    out.push(
      `## Poll: ${md(poll.title)}`,
      '',
      `${poll.responses} responses (${poll.kind}, ${poll.status})`,
      '',
    );
    // The host's network-share note (counted in memory; the server keeps no address).
    if (poll.network)
      out.push(`> Note: one network cast ${poll.network.share} % of the votes (${poll.network.voters}).`, '');
    out.push('| answer | count | percent |', '| --- | ---: | ---: |');
    for (const [label, count, percent] of resultRows(poll.results, poll.options)) {
      out.push(`| ${md(label)} | ${count} | ${percent === undefined ? '' : `${percent} %`} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
