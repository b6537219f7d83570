import { describe, expect, it } from 'vitest';
import { createRoom, report, type RoomRecord } from '@plenum/protocol';
import { eventInNumbers } from './content.js';
import { reportCsv } from './csv.js';
import { reportAnswer } from './download.js';
import { act, host, person, start } from './fixture.js';
import { reportMarkdown } from './markdown.js';
import { reportText } from './text.js';
import { wordsFor } from './words.js';

const at = (m: number, s = 0) => start + (m * 60 + s) * 1000;

/**
 * A rehearsed poll (reset at 11:50), a quiz of two questions played by four (one with a
 * nickname, two tied), a ranking poll and a feedback survey.
 */
function event(): RoomRecord {
  const room = createRoom({ id: 'kommune-2021', title: 'Kommune digital', createdAt: start });
  act(room, { type: 'room-update', lang: 'de', timeZone: 'Europe/Berlin' }, host, start);
  const rehearsal = act(
    room,
    { type: 'poll-create', title: 'Probe', kind: 'single', options: ['A', 'B'] },
    host,
    at(-20),
  );
  act(room, { type: 'poll-update', poll: rehearsal, status: 'open' }, host, at(-20));
  for (const n of [1, 2, 3]) act(room, { type: 'vote', poll: rehearsal, choice: 0 }, person(n), at(-15));
  act(room, { type: 'poll-reset', poll: rehearsal }, host, at(-10));
  act(room, { type: 'poll-delete', poll: rehearsal }, host, at(-10));

  const quiz = act(
    room,
    {
      type: 'quiz-create',
      title: 'Aufwärmen',
      questions: [
        {
          text: 'Hauptstadt von NRW?',
          kind: 'single',
          options: ['Köln', 'Düsseldorf', 'Bonn'],
          correct: [1],
        },
        {
          text: 'Welche sind Flüsse?',
          kind: 'multiple',
          options: ['Rhein', 'Harz', 'Ruhr'],
          correct: [0, 2],
          timeLimit: 30,
        },
      ],
      speedPoints: false,
    },
    host,
    at(0),
  );
  act(room, { type: 'nickname', nickname: 'Ada' }, person(3), at(1));
  act(room, { type: 'quiz-start', quiz, question: 0 }, host, at(2));
  act(room, { type: 'quiz-answer', quiz, question: 0, choice: 1 }, person(1), at(2, 3));
  act(room, { type: 'quiz-answer', quiz, question: 0, choice: 1 }, person(2), at(2, 4));
  act(room, { type: 'quiz-answer', quiz, question: 0, choice: 0 }, person(3), at(2, 8));
  act(room, { type: 'quiz-answer', quiz, question: 0, choice: 1 }, person(4), at(2, 10));
  act(room, { type: 'quiz-reveal', quiz }, host, at(2, 20));
  act(room, { type: 'quiz-start', quiz, question: 1 }, host, at(3));
  act(room, { type: 'quiz-answer', quiz, question: 1, choice: [0, 2] }, person(1), at(3, 5));
  act(room, { type: 'quiz-answer', quiz, question: 1, choice: [0, 2] }, person(3), at(3, 6));
  act(room, { type: 'quiz-answer', quiz, question: 1, choice: [0, 1] }, person(2), at(3, 12));
  act(room, { type: 'quiz-update', quiz, status: 'closed' }, host, at(4));

  const ranking = act(
    room,
    { type: 'poll-create', title: 'Was zuerst?', kind: 'ranking', options: ['Radwege', 'Schulen', 'Parks'] },
    host,
    at(5),
  );
  act(room, { type: 'poll-update', poll: ranking, status: 'open' }, host, at(5));
  for (const [n, order] of [
    [1, 0, 2],
    [1, 2, 0],
    [0, 1, 2],
  ].entries())
    act(room, { type: 'vote', poll: ranking, choice: order }, person(n), at(6));

  const survey = act(
    room,
    {
      type: 'survey-create',
      title: 'Feedback',
      questions: [
        { text: 'Wie fanden Sie es?', kind: 'rating' },
        { text: 'Was fehlte?', kind: 'open' },
      ],
    },
    host,
    at(7),
  );
  act(room, { type: 'survey-update', survey, status: 'open' }, host, at(7));
  act(room, { type: 'survey-answer', survey, answers: [5, 'Kaffee'] }, person(1), at(8));
  act(room, { type: 'survey-answer', survey, answers: [4, null] }, person(2), at(8));
  return room;
}

const de = report(event());
const en = { ...de, lang: 'en' as const };
const wordsDe = wordsFor('de', 'Europe/Berlin');
const wordsEn = wordsFor('en', 'Europe/Berlin');
const nbsp = '\u00a0';

describe('quizzes, rankings, surveys and resets in the report', () => {
  it('names them in the paragraph to paste', () => {
    expect(eventInNumbers(de, wordsDe)).toContain(
      '„Was zuerst?“: 1. Schulen, 2. Radwege und 3. Parks. ' +
        '„Aufwärmen“ (Quiz): 4 Personen haben mitgespielt, vorn: „Teilnehmer 2“. ' +
        '„Feedback“ (Fragebogen): 2 Antworten.',
    );
    expect(eventInNumbers(en, wordsEn)).toContain(
      '“Was zuerst?”: 1. Schulen, 2. Radwege and 3. Parks. ' +
        '“Aufwärmen” (Quiz): 4 players, leading: “Participant 2”. “Feedback” (Survey): 2 responses.',
    );
  });

  it('Markdown: the ranking, each quiz question’s share right and median time, the leaderboard, the survey, the reset', () => {
    const md = reportMarkdown(de, wordsDe);
    expect(md).toContain(
      [
        '## Umfrage: Was zuerst?',
        '',
        '3 Antworten (Rangfolge, läuft)',
        '',
        '| Platz | Antwort | Punkte | Ø Platz |',
        '| ---: | --- | ---: | ---: |',
        '| 1 | Schulen | 5 | 1,3 |',
        '| 2 | Radwege | 3 | 2 |',
        '| 3 | Parks | 1 | 2,7 |',
        '',
        '## Quiz: Aufwärmen',
        '',
        '4 Personen haben mitgespielt (beendet, ohne Punkte für Tempo)',
        '',
        '| Frage | Richtige Antwort | Anzahl | Anteil richtig | Antwortzeit (Median) |',
        '| --- | --- | ---: | ---: | ---: |',
        `| 1. Hauptstadt von NRW? | Düsseldorf | 4 | 75${nbsp}% | 6 s |`,
        `| 2. Welche sind Flüsse? | Rhein und Ruhr | 3 | 67${nbsp}% | 6 s |`,
        '',
        '### Bestenliste',
        '',
        '| Platz | Name | Punkte |',
        '| ---: | --- | ---: |',
        '| 1 | Teilnehmer 2 | 2.000 |',
        '| 2 | Ada | 1.000 |',
        '| 2 | Teilnehmer 3 | 1.000 |',
        '| 2 | Teilnehmer 4 | 1.000 |',
        '',
        '## Fragebogen: Feedback',
        '',
        '2 Antworten (läuft)',
        '',
        '### 1. Wie fanden Sie es?',
        '',
        '2 Antworten (Bewertung)',
        '',
        'Durchschnitt: 4,5 ★',
        '',
      ].join('\n'),
    );
    expect(md).toContain(
      '### 2. Was fehlte?\n\n1 Antwort (offene Frage)\n\n| Antwort | Anzahl |\n| --- | ---: |\n| Kaffee | 1 |\n',
    );
    expect(md).toContain(
      '## Zurückgesetzt (Probelauf)\n\n- 01.10.2021, 11:50: Umfrage „Probe“, 3 Antworten entfernt\n',
    );
    expect(reportMarkdown(en, wordsEn)).toContain('| 1 | Participant 2 | 2,000 |');
    // Nothing of the rehearsal but the reset itself.
    expect(md).not.toContain('## Umfrage: Probe');
  });

  it('text: the same, line by line', () => {
    const text = reportText(en, wordsEn);
    expect(text).toContain(
      [
        'Poll: Was zuerst? – 3 responses (ranking)',
        '  1. Schulen: 5 points · Average rank 1.3',
        '  2. Radwege: 3 points · Average rank 2',
        '  3. Parks: 1 point · Average rank 2.7',
        '',
        'Quiz: Aufwärmen – 4 players (closed, without speed points)',
        '  1. Hauptstadt von NRW?',
        '     Correct answer: Düsseldorf · 4 responses · Share correct: 75% · Median answer time: 6 s',
        '  2. Welche sind Flüsse?',
        '     Correct answer: Rhein and Ruhr · 3 responses · Share correct: 67% · Median answer time: 6 s',
        '  Leaderboard:',
        '  1. Participant 2: 2,000 points',
        '  2. Ada: 1,000 points',
        '  2. Participant 3: 1,000 points',
        '  2. Participant 4: 1,000 points',
        '',
        'Survey: Feedback – 2 responses',
        '  1. Wie fanden Sie es? – 2 responses (rating)',
      ].join('\n'),
    );
    expect(text).toContain('  2. Was fehlte? – 1 response (open question)\n     Kaffee: 1 response\n');
    expect(text).toContain('Reset (rehearsal):\n  01/10/2021, 11:50: Poll “Probe”, 3 responses removed\n');
    expect(reportText(de, wordsDe)).toContain('  1. Teilnehmer 2: 2.000 Punkte');
  });

  it('CSV: a table each for quizzes, the leaderboard, surveys and resets; rankings among the polls', () => {
    expect(reportCsv(de, wordsDe, 'polls')).toContain(
      '"Umfrage";"Art";"Antworten";"Antwort";"Anzahl";"Prozent";"Ø Platz"\r\n"Was zuerst?";"Rangfolge";3;"Schulen";5;;1,3\r\n',
    );
    expect(reportCsv(de, wordsDe, 'quizzes')).toBe(
      '\uFEFF"Quiz";"Frage";"Richtige Antwort";"Antworten";"Anteil richtig";"Antwortzeit (Median) (s)";"Gestellt um"\r\n' +
        '"Aufwärmen";"Hauptstadt von NRW?";"Düsseldorf";4;75;6;"2021-10-01 12:02"\r\n' +
        '"Aufwärmen";"Welche sind Flüsse?";"Rhein und Ruhr";3;67;6;"2021-10-01 12:03"\r\n',
    );
    expect(reportCsv(en, wordsEn, 'leaderboard')).toBe(
      '\uFEFF"Quiz","Rank","Name","Points"\r\n' +
        '"Aufwärmen",1,"Participant 2",2000\r\n"Aufwärmen",2,"Ada",1000\r\n' +
        '"Aufwärmen",2,"Participant 3",1000\r\n"Aufwärmen",2,"Participant 4",1000\r\n',
    );
    const surveys = reportCsv(de, wordsDe, 'surveys');
    expect(surveys).toContain('"Feedback";"Wie fanden Sie es?";"Bewertung";2;"5 ★";1;50\r\n');
    expect(surveys).toContain('"Feedback";"Was fehlte?";"offene Frage";1;"Kaffee";1;\r\n');
    expect(reportCsv(en, wordsEn, 'resets')).toBe(
      '\uFEFF"Time","Kind","Title","Answers removed"\r\n"2021-10-01 11:50","Poll","Probe",3\r\n',
    );
  });

  it('JSON: the numbers as data, players by number and nickname, never a participant id', () => {
    const body = reportAnswer(de, new URLSearchParams({ format: 'json' })).body;
    expect(body).toMatchObject({
      resets: [{ at: at(-10), kind: 'poll', title: 'Probe', answers: 3 }],
      quizzes: [
        {
          title: 'Aufwärmen',
          players: 4,
          questions: [
            { correct: [1], responses: 4, correctShare: 75, medianMs: 6_000 },
            { correct: [0, 2], responses: 3, correctShare: 67, medianMs: 6_000 },
          ],
          leaderboard: [{ rank: 1, player: 2, score: 2000 }, { rank: 2, player: 1, nickname: 'Ada' }, {}, {}],
        },
      ],
      surveys: [
        { title: 'Feedback', responses: 2, questions: [{ results: { kind: 'rating', average: 4.5 } }, {}] },
      ],
    });
    expect(JSON.stringify(body)).not.toMatch(/person-/);
    expect(reportAnswer(de, new URLSearchParams({ format: 'csv', table: 'leaderboard' })).filename).toBe(
      'plenum-kommune-2021-leaderboard.csv',
    );
  });
});
