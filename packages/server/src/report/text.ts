/**
 * The report as plain text in the room's language, to paste into a web page's editor:
 * the paragraph, then the question list with times, names, replies and recording links.
 */
import type { Report } from '@plenum/protocol';
import { eventInNumbers, listedQuestions, recordingSeconds, resultRows } from './content.js';
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
    for (const row of resultRows(poll, words)) {
      const percent = row.percent === undefined ? '' : `${words.percent(row.percent)} · `;
      const count = words.count(row.count, poll.kind === 'multiple' ? 'tick' : 'response');
      out.push(`  ${line(row.label)}: ${percent}${count}`);
    }
    out.push('');
  }
  return out.join('\n');
}
