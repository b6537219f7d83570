/**
 * `GET /api/rooms/:room/report`: the query (format, lang, tz, include, table) checked and
 * turned into the answer's type, file name and body.
 */
import { isLang, isTimeZone, type Lang, type Report } from '@plenum/protocol';
import { HttpError } from '../http-util.js';
import { reportChapters } from './chapters.js';
import { eventInNumbers } from './content.js';
import { csvTables, reportCsv, type CsvTable } from './csv.js';
import { reportMarkdown } from './markdown.js';
import { reportText } from './text.js';
import { wordsFor } from './words.js';

export const reportFormats = ['json', 'md', 'txt', 'csv', 'chapters'] as const;
type ReportFormat = (typeof reportFormats)[number];

export interface ReportAnswer {
  type: string;
  /** The download's name, e.g. "plenum-r1-questions.csv"; none for JSON. */
  filename?: string;
  body: string | Report;
}

/** The report in the format the query asks for; a bad parameter is a 400 naming it. */
export function reportAnswer(report: Report, query: URLSearchParams): ReportAnswer {
  const format = (query.get('format') ?? 'json') as ReportFormat;
  if (!reportFormats.includes(format)) throw invalid(`format is one of ${reportFormats.join(', ')}.`);
  const lang = query.get('lang') ?? report.lang;
  if (!isLang(lang)) throw invalid('lang is "de" or "en".');
  const timeZone = query.get('tz') ?? report.timeZone;
  if (!isTimeZone(timeZone))
    throw invalid(`tz: "${timeZone}" is not a time zone (an IANA name such as "Europe/Berlin").`);
  const include = query.get('include') ?? 'published';
  if (include !== 'published' && include !== 'all') throw invalid('include is "published" or "all".');
  const all = include === 'all';
  const words = wordsFor(lang as Lang, timeZone);
  const told: Report = { ...report, lang: lang as Lang, timeZone, paragraph: eventInNumbers(report, words) };
  const file = `plenum-${report.room}`;
  switch (format) {
    case 'json':
      return { type: 'application/json', body: told };
    case 'md':
      return {
        type: 'text/markdown; charset=utf-8',
        filename: `${file}.md`,
        body: reportMarkdown(told, words, all),
      };
    case 'txt':
      return {
        type: 'text/plain; charset=utf-8',
        filename: `${file}.txt`,
        body: reportText(told, words, all),
      };
    case 'chapters':
      if (report.recording?.startsAt === undefined) {
        throw new HttpError(
          409,
          'no_recording',
          "Chapters need the recording's start time: set it with the room's recording.",
        );
      }
      return {
        type: 'text/plain; charset=utf-8',
        filename: `${file}-chapters.txt`,
        body: reportChapters(told, words),
      };
    case 'csv': {
      const table = (query.get('table') ?? 'questions') as CsvTable;
      if (!csvTables.includes(table)) throw invalid(`table is one of ${csvTables.join(', ')}.`);
      return {
        type: 'text/csv; charset=utf-8',
        filename: `${file}-${table}.csv`,
        body: reportCsv(told, words, table, all),
      };
    }
  }
}

const invalid = (message: string) => new HttpError(400, 'invalid', message);
