/**
 * The answered questions as a YouTube chapter list, ready for a video description:
 * "00:10:44 Wie stark betrachten Sie Open-Source-Software …".
 *
 * YouTube shows chapters only when the list starts at 00:00 and each chapter lasts at least
 * 10 seconds, so the list opens with "00:00:00 Beginn" (unless a question was answered
 * right at the start) and a question answered within 10 s of the one before moves to 10 s
 * after it. Questions answered before the recording started have no moment in it: left out.
 */
import type { Report } from '@plenum/protocol';
import { recordingSeconds } from './content.js';
import { clock, type Words } from './words.js';

/** YouTube cuts longer chapter titles. */
const titleMax = 100;
const minChapterSeconds = 10;

export function reportChapters(report: Report, words: Words): string {
  const answered = report.questions.list
    .filter((q) => q.status === 'answered')
    .map((q) => ({ seconds: recordingSeconds(report, q), text: q.text }))
    .filter((q): q is { seconds: number; text: string } => q.seconds !== undefined && q.seconds >= 0)
    .sort((a, b) => a.seconds - b.seconds);
  const chapters: { seconds: number; title: string }[] = [];
  if (answered[0]?.seconds !== 0) chapters.push({ seconds: 0, title: words.start });
  for (const question of answered) {
    const previous = chapters.at(-1);
    const seconds = previous ? Math.max(question.seconds, previous.seconds + minChapterSeconds) : 0;
    chapters.push({ seconds, title: chapterTitle(question.text) });
  }
  return chapters.map((chapter) => `${clock(chapter.seconds)} ${chapter.title}\n`).join('');
}

function chapterTitle(text: string): string {
  const one = text.replace(/[\s\u0085]+/g, ' ').trim();
  return one.length > titleMax ? `${one.slice(0, titleMax - 1).trimEnd()}…` : one;
}
