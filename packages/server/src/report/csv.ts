/**
 * The report as spreadsheets, one table per file, for the Excel of the room's language:
 * UTF-8 with a byte-order mark (or Excel reads umlauts as Latin-1), `;` between cells in
 * German (Excel's list separator there, as the comma is the decimal mark), `,` in English.
 */
import type { Report } from '@plenum/protocol';
import { correctOptions, listedQuestions, playerName, resultRows } from './content.js';
import type { Words } from './words.js';

export const csvTables = [
  'numbers',
  'questions',
  'polls',
  'quizzes',
  'leaderboard',
  'surveys',
  'resets',
] as const;
export type CsvTable = (typeof csvTables)[number];

const bom = '\uFEFF';
type Cell = string | number | undefined;

/**
 * One cell. Text is always quoted, so a `;`, tab or line break inside it never splits it;
 * text a spreadsheet would run as a formula (=, +, -, @, or a leading tab or CR) gets a
 * leading apostrophe: questions come from the audience, and a report must not execute them.
 */
function cell(value: Cell, words: Words): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : words.decimal(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function reportCsv(report: Report, words: Words, table: CsvTable, all = false): string {
  const separator = words.lang === 'de' ? ';' : ',';
  const row = (...cells: Cell[]) => cells.map((value) => cell(value, words)).join(separator);
  const lines = rows(report, words, table, all).map((cells) => row(...cells));
  return bom + lines.join('\r\n') + '\r\n';
}

function rows(report: Report, words: Words, table: CsvTable, all: boolean): Cell[][] {
  const n = words.nouns;
  switch (table) {
    case 'numbers': {
      const a = report.audience;
      return [
        [words.eventInNumbers, ''],
        [words.numbersLabels.room, report.room],
        [words.numbersLabels.title, report.title],
        [words.numbersLabels.viewers, a.viewers],
        [words.numbersLabels.peak, a.peakConnections],
        [words.numbersLabels.active, a.activeParticipants],
        [n.contribution[1], report.contributions.total],
        [n.question[1], report.questions.total],
        ...Object.entries(report.questions.byStatus).map(([status, count]): Cell[] => [
          `${n.question[1]}: ${words.statusNames[status as keyof typeof words.statusNames]}`,
          count,
        ]),
        ...Object.entries(report.questions.byLabel).map(([label, count]): Cell[] => [
          `${n.question[1]}: ${label}`,
          count,
        ]),
        [n.openAnswer[1], report.contributions.openAnswers],
        [n.upvote[1], report.questions.upvotes],
        [words.numbersLabels.pollResponses, report.pollResponses],
        [n.reaction[1], report.reactions.total],
        ...(report.retention
          ? [[words.numbersLabels.keptUntil, words.sortable(report.retention.expiresAt)] as Cell[]]
          : []),
      ];
    }
    case 'questions':
      return [
        [
          words.numbersLabels.askedAt,
          words.question,
          words.name,
          words.upvotesColumn,
          words.status,
          'Label',
          words.reply,
          words.numbersLabels.answeredAt,
          words.recording,
        ],
        ...listedQuestions(report, all).map((q): Cell[] => [
          words.sortable(q.createdAt),
          q.text,
          q.name,
          q.upvotes,
          words.statusNames[q.status],
          q.label,
          q.reply,
          q.answeredAt === undefined ? undefined : words.sortable(q.answeredAt),
          q.recordingAt,
        ]),
      ];
    case 'polls':
      return [
        [
          words.poll,
          words.numbersLabels.kind,
          n.response[1],
          words.answer,
          words.countColumn,
          words.numbersLabels.percent,
          words.averageRankColumn,
        ],
        // A ranking's rows go from its top down; its count is the Borda points.
        ...report.polls.flatMap((poll) =>
          resultRows(poll, words).map((r): Cell[] => [
            poll.title,
            words.kindNames[poll.kind],
            poll.responses,
            r.label,
            r.count,
            r.percent,
            r.averageRank,
          ]),
        ),
      ];
    case 'quizzes':
      return [
        [
          words.quiz,
          words.question,
          words.correctAnswer,
          n.response[1],
          words.shareCorrect,
          `${words.medianTime} (s)`,
          words.numbersLabels.askedAt,
        ],
        ...report.quizzes.flatMap((quiz) =>
          quiz.questions.map((q): Cell[] => [
            quiz.title,
            q.text,
            correctOptions(q, words),
            q.responses,
            q.correctShare,
            q.medianMs === null ? undefined : Math.round(q.medianMs / 100) / 10,
            q.startedAt === undefined ? undefined : words.sortable(q.startedAt),
          ]),
        ),
      ];
    case 'leaderboard':
      return [
        [words.quiz, words.rankColumn, words.name, words.pointsColumn],
        ...report.quizzes.flatMap((quiz) =>
          quiz.leaderboard.map((entry): Cell[] => [
            quiz.title,
            entry.rank,
            playerName(entry, words),
            entry.score,
          ]),
        ),
      ];
    case 'surveys':
      return [
        [
          words.survey,
          words.question,
          words.numbersLabels.kind,
          n.response[1],
          words.answer,
          words.countColumn,
          words.numbersLabels.percent,
        ],
        ...report.surveys.flatMap((survey) =>
          survey.questions.flatMap((question) =>
            resultRows(question, words).map((r): Cell[] => [
              survey.title,
              question.text,
              words.kindNames[question.kind],
              question.responses,
              r.label,
              r.count,
              r.percent,
            ]),
          ),
        ),
      ];
    case 'resets':
      return [
        [words.timeColumn, words.numbersLabels.kind, words.numbersLabels.title, words.removedColumn],
        ...report.resets.map((reset): Cell[] => [
          words.sortable(reset.at),
          words.resetKindNames[reset.kind],
          reset.title,
          reset.answers,
        ]),
      ];
  }
}
