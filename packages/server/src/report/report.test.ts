import { describe, expect, it } from 'vitest';
import { createRoom, join, report, type RoomRecord } from '@plenum/protocol';
import { reportChapters } from './chapters.js';
import { eventInNumbers } from './content.js';
import { reportCsv } from './csv.js';
import { act, host, person, start } from './fixture.js';
import { reportMarkdown } from './markdown.js';
import { reportText } from './text.js';
import { wordsFor } from './words.js';

/** From 12:00 in Berlin (CEST), when the livestream and its recording start. */
const at = (h: number, m: number, s = 0) => start + ((h * 60 + m) * 60 + s) * 1000;

/**
 * The fixture event: 1,234 viewers, questions answered (with replies), live, dismissed and
 * in review, one poll of each kind, a recording that starts with the stream.
 */
function event(): RoomRecord {
  const room = createRoom({ id: 'dsn-2021-10-01', title: 'Digitale Souveränität', createdAt: start });
  for (let n = 0; n < 1234; n++) join(room, person(n).participant, start + n);
  act(room, { type: 'room-update', lang: 'de', timeZone: 'Europe/Berlin' }, host, start);
  act(
    room,
    { type: 'room-update', recording: { url: 'https://www.youtube.com/watch?v=abc', startsAt: start } },
    host,
    start,
  );

  const q1 = act(
    room,
    {
      type: 'ask',
      text: 'Wie stark betrachten Sie Open-Source-Software als Teil der digitalen Souveränität?',
      name: 'Anna',
    },
    person(1),
    at(0, 5),
  );
  const q2 = act(room, { type: 'ask', text: 'Wann kommt der digitale Bauantrag?' }, person(2), at(0, 7));
  const q3 = act(room, { type: 'ask', text: 'Kauft jetzt Krypto!' }, person(3), at(0, 8));
  const q4 = act(room, { type: 'ask', text: 'Gibt es die Folien | als PDF?\r\nDanke' }, person(4), at(0, 9));
  const q5 = act(room, { type: 'ask', text: 'Was kostet das?' }, person(5), at(0, 30));
  for (const n of [2, 3, 6]) act(room, { type: 'upvote', question: q1 }, person(n), at(0, 10));
  act(room, { type: 'upvote', question: q2 }, person(1), at(0, 10));
  act(
    room,
    { type: 'moderate', question: q1, status: 'answered', reply: 'Als zentralen Baustein.' },
    host,
    at(0, 10, 44),
  );
  act(room, { type: 'moderate', question: q2, label: 'Organisatorisches' }, host, at(0, 11));
  act(room, { type: 'moderate', question: q3, status: 'dismissed' }, host, at(0, 11));
  act(
    room,
    { type: 'moderate', question: q4, status: 'answered', label: 'Organisatorisches' },
    host,
    at(0, 10, 50),
  );
  act(room, { type: 'moderate', question: q5, status: 'review' }, host, at(0, 31));

  const rank = act(
    room,
    {
      type: 'poll-create',
      title: 'Wo steht Ihre Verwaltung?',
      kind: 'single',
      options: ['an der Spitze', 'im Mittelfeld', 'auf den hinteren Rängen'],
    },
    host,
    at(0, 12),
  );
  act(room, { type: 'poll-update', poll: rank, status: 'open' }, host, at(0, 12));
  // 1 × Spitze, 30 × Mittelfeld, 4 × hinten: 2.86 %, 85.71 %, 11.43 % → 3 + 86 + 11 = 100.
  for (let n = 0; n < 35; n++) {
    act(room, { type: 'vote', poll: rank, choice: n === 0 ? 0 : n <= 30 ? 1 : 2 }, person(n), at(0, 13));
  }
  const tools = act(
    room,
    {
      type: 'poll-create',
      title: 'Was nutzen Sie?',
      kind: 'multiple',
      options: ['Linux', 'LibreOffice', 'Nextcloud'],
    },
    host,
    at(0, 14),
  );
  act(room, { type: 'poll-update', poll: tools, status: 'open' }, host, at(0, 14));
  const ticks = [[0, 1], [0, 1, 2], [0], [1]];
  for (const [n, choice] of ticks.entries())
    act(room, { type: 'vote', poll: tools, choice }, person(n), at(0, 15));
  const missing = act(
    room,
    { type: 'poll-create', title: 'Welche Leistung fehlt online?', kind: 'open' },
    host,
    at(0, 16),
  );
  act(room, { type: 'poll-update', poll: missing, status: 'open' }, host, at(0, 16));
  for (const [n, choice] of ['Kinderreisepass', ' kinderreisepass ', 'Wohngeld'].entries()) {
    act(room, { type: 'vote', poll: missing, choice }, person(n), at(0, 17));
  }
  act(room, { type: 'react', emoji: '👏' }, person(7), at(0, 18));
  return room;
}

const fixture = event();
const de = report(fixture);
const en = { ...de, lang: 'en' as const };
const wordsDe = wordsFor('de', 'Europe/Berlin');
const wordsEn = wordsFor('en', 'Europe/Berlin');
const nbsp = '\u00a0';

describe('the report of one event, in German and English', () => {
  it('counts, plurals and dates in the locale and the room’s zone', () => {
    expect([wordsDe.count(1, 'upvote'), wordsDe.count(2, 'upvote'), wordsDe.count(1234, 'upvote')]).toEqual([
      '1 Unterstützung',
      '2 Unterstützungen',
      '1.234 Unterstützungen',
    ]);
    expect([wordsEn.count(1, 'upvote'), wordsEn.count(1234, 'upvote')]).toEqual([
      '1 upvote',
      '1,234 upvotes',
    ]);
    expect(wordsDe.percent(86)).toBe(`86${nbsp}%`);
    const at = Date.UTC(2021, 9, 1, 10, 5);
    expect([wordsDe.dateTime(at), wordsEn.dateTime(at), wordsDe.sortable(at)]).toEqual([
      '01.10.2021, 12:05',
      '01/10/2021, 12:05',
      '2021-10-01 12:05',
    ]);
    expect(wordsFor('de', 'UTC').time(at)).toBe('10:05');
  });

  it('takes the room’s language and zone', () => {
    expect([de.lang, de.timeZone]).toEqual(['de', 'Europe/Berlin']);
  });

  it('writes the event in numbers as a paragraph to paste', () => {
    expect(eventInNumbers(de, wordsDe)).toBe(
      '1.234 Personen haben zugeschaut, 35 haben sich live beteiligt. ' +
        'Es kamen 8 Beiträge (5 Fragen und 3 offene Antworten), davon 2 mit dem Label „Organisatorisches“. ' +
        '42 Antworten in 3 Umfragen. ' +
        `„Wo steht Ihre Verwaltung?“: 86${nbsp}% im Mittelfeld, 11${nbsp}% auf den hinteren Rängen und 3${nbsp}% an der Spitze. ` +
        `„Was nutzen Sie?“: 75${nbsp}% Linux, 75${nbsp}% LibreOffice und 25${nbsp}% Nextcloud. ` +
        '„Welche Leistung fehlt online?“: „Kinderreisepass“ (2×) und „Wohngeld“ (1×).',
    );
    expect(eventInNumbers(en, wordsEn)).toBe(
      '1,234 people watched, 35 took part live. ' +
        'They sent 8 contributions (5 questions and 3 open answers), of which 2 labelled “Organisatorisches”. ' +
        '42 responses in 3 polls. ' +
        '“Wo steht Ihre Verwaltung?”: 86% im Mittelfeld, 11% auf den hinteren Rängen and 3% an der Spitze. ' +
        '“Was nutzen Sie?”: 75% Linux, 75% LibreOffice and 25% Nextcloud. ' +
        '“Welche Leistung fehlt online?”: “Kinderreisepass” (2×) and “Wohngeld” (1×).',
    );
  });

  it('publishes live and answered questions with local times, replies and answer-time links', () => {
    expect(reportMarkdown(de, wordsDe)).toBe(EXPECTED_MD_DE);
    expect(reportMarkdown(en, wordsEn)).toBe(EXPECTED_MD_EN);
  });

  it('gives the host the whole archive with a status column on request', () => {
    const all = reportMarkdown(de, wordsDe, true);
    expect(all).toContain('| Uhrzeit | Frage | Name | Unterstützungen | Status | Antwort | Aufzeichnung |');
    expect(all).toContain('| 12:08 | Kauft jetzt Krypto! |  | 0 | verworfen |  | [ab 00:08:00](');
    expect(all).toContain('| 12:30 | Was kostet das? |  | 0 | in Prüfung |  | [ab 00:30:00](');
  });

  it('tells the same as plain text', () => {
    expect(reportText(de, wordsDe)).toBe(EXPECTED_TXT_DE);
  });

  it('lists the answered questions as YouTube chapters, starting at 00:00:00', () => {
    expect(reportChapters(de, wordsDe)).toBe(
      '00:00:00 Beginn\n' +
        '00:10:44 Wie stark betrachten Sie Open-Source-Software als Teil der digitalen Souveränität?\n' +
        '00:10:54 Gibt es die Folien | als PDF? Danke\n',
    );
    expect(reportChapters(en, wordsEn).split('\n')[0]).toBe('00:00:00 Start');
  });

  it('makes CSV a German Excel opens: BOM, semicolons, every text quoted, local times', () => {
    const questions = reportCsv(de, wordsDe, 'questions');
    expect(questions.startsWith('\uFEFF"Gestellt um";"Frage";"Name";"Unterstützungen";"Status";')).toBe(true);
    expect(questions).toContain(
      '"2021-10-01 12:05";"Wie stark betrachten Sie Open-Source-Software als Teil der digitalen Souveränität?";"Anna";3;"beantwortet";;"Als zentralen Baustein.";"2021-10-01 12:10";"https://www.youtube.com/watch?v=abc&t=644s"\r\n',
    );
    expect(questions).not.toContain('Krypto');
    expect(reportCsv(de, wordsDe, 'questions', true)).toContain('"Kauft jetzt Krypto!"');
    const polls = reportCsv(de, wordsDe, 'polls');
    expect(polls).toContain('"Wo steht Ihre Verwaltung?";"Einfachauswahl";35;"im Mittelfeld";30;86;\r\n');
    expect(polls).toContain('"Was nutzen Sie?";"Mehrfachauswahl";4;"Linux";3;75;\r\n');
    const numbers = reportCsv(de, wordsDe, 'numbers');
    expect(numbers).toContain('"Zuschauende";1234\r\n');
    expect(numbers).toContain('"Beiträge";8\r\n');
    expect(numbers).toContain('"Antworten auf Umfragen";42\r\n');
    const english = reportCsv(en, wordsEn, 'numbers');
    expect(english.startsWith('\uFEFF"The event in numbers",""\r\n')).toBe(true);
    expect(english).toContain('"Viewers",1234\r\n');
  });
});

describe('audience text in the downloads', () => {
  const room = createRoom({ id: 'r', createdAt: start });
  act(
    room,
    {
      type: 'room-update',
      lang: 'de',
      recording: { url: 'https://video.example.org/a.mp4', startsAt: start },
    },
    host,
    start,
  );
  const texts = ['=HYPERLINK("https://evil.example")', 'a;b\tc', 'Zeile\u2028zwei\u2029drei\u0085vier\rfünf'];
  for (const text of texts) {
    const id = act(room, { type: 'ask', text }, person(1), start);
    act(room, { type: 'moderate', question: id, status: 'answered' }, host, start);
  }
  const data = report(room);

  it('CSV: quotes every text cell and defuses formulas', () => {
    const csv = reportCsv(data, wordsDe, 'questions');
    expect(csv).toContain(`;"'=HYPERLINK(""https://evil.example"")";`);
    expect(csv).toContain(';"a;b\tc";');
    expect(csv).not.toMatch(/(^|;)=HYPERLINK/m);
  });

  it('Markdown, text and chapters: every kind of line break becomes a space', () => {
    for (const out of [
      reportMarkdown(data, wordsDe),
      reportText(data, wordsDe),
      reportChapters(data, wordsDe),
    ]) {
      expect(out).toContain('Zeile zwei drei vier fünf');
      expect(out).not.toMatch(/[\u2028\u2029\u0085\r]/);
    }
  });
});

const EXPECTED_MD_DE = `# Digitale Souveränität — Das Event in Zahlen

1.234 Personen haben zugeschaut, 35 haben sich live beteiligt. Es kamen 8 Beiträge (5 Fragen und 3 offene Antworten), davon 2 mit dem Label „Organisatorisches“. 42 Antworten in 3 Umfragen. „Wo steht Ihre Verwaltung?“: 86${nbsp}% im Mittelfeld, 11${nbsp}% auf den hinteren Rängen und 3${nbsp}% an der Spitze. „Was nutzen Sie?“: 75${nbsp}% Linux, 75${nbsp}% LibreOffice und 25${nbsp}% Nextcloud. „Welche Leistung fehlt online?“: „Kinderreisepass“ (2×) und „Wohngeld“ (1×).

- **1.234** Personen haben zugeschaut, höchstens 1.234 gleichzeitig verbunden
- **35** haben sich live beteiligt
- **8 Beiträge**: 5 Fragen und 3 offene Antworten
- 4 Unterstützungen
- 42 Antworten in 3 Umfragen
- 1 Reaktion
- Aufzeichnung: <https://www.youtube.com/watch?v=abc>

## Fragen

| Uhrzeit | Frage | Name | Unterstützungen | Antwort | Aufzeichnung |
| --- | --- | --- | ---: | --- | --- |
| 12:05 | Wie stark betrachten Sie Open-Source-Software als Teil der digitalen Souveränität? (beantwortet) | Anna | 3 | Als zentralen Baustein. | [ab 00:10:44](<https://www.youtube.com/watch?v=abc&t=644s>) |
| 12:07 | Wann kommt der digitale Bauantrag? |  | 1 |  | [ab 00:07:00](<https://www.youtube.com/watch?v=abc&t=420s>) |
| 12:09 | Gibt es die Folien \\| als PDF? Danke (beantwortet) |  | 0 |  | [ab 00:10:50](<https://www.youtube.com/watch?v=abc&t=650s>) |

## Umfrage: Wo steht Ihre Verwaltung?

35 Antworten (Einfachauswahl, beendet)

| Antwort | Anzahl | Anteil |
| --- | ---: | ---: |
| an der Spitze | 1 | 3${nbsp}% |
| im Mittelfeld | 30 | 86${nbsp}% |
| auf den hinteren Rängen | 4 | 11${nbsp}% |

## Umfrage: Was nutzen Sie?

4 Antworten (Mehrfachauswahl, beendet)

| Antwort | Stimmen | Anteil der Antwortenden |
| --- | ---: | ---: |
| Linux | 3 | 75${nbsp}% |
| LibreOffice | 3 | 75${nbsp}% |
| Nextcloud | 1 | 25${nbsp}% |

## Umfrage: Welche Leistung fehlt online?

3 Antworten (offene Frage, läuft)

| Antwort | Anzahl |
| --- | ---: |
| Kinderreisepass | 2 |
| Wohngeld | 1 |
`;
const EXPECTED_MD_EN = `# Digitale Souveränität — The event in numbers

1,234 people watched, 35 took part live. They sent 8 contributions (5 questions and 3 open answers), of which 2 labelled “Organisatorisches”. 42 responses in 3 polls. “Wo steht Ihre Verwaltung?”: 86% im Mittelfeld, 11% auf den hinteren Rängen and 3% an der Spitze. “Was nutzen Sie?”: 75% Linux, 75% LibreOffice and 25% Nextcloud. “Welche Leistung fehlt online?”: “Kinderreisepass” (2×) and “Wohngeld” (1×).

- **1,234** people watched, at most 1,234 connected at once
- **35** took part live
- **8 contributions**: 5 questions and 3 open answers
- 4 upvotes
- 42 responses in 3 polls
- 1 reaction
- Recording: <https://www.youtube.com/watch?v=abc>

## Questions

| Time | Question | Name | Upvotes | Reply | Recording |
| --- | --- | --- | ---: | --- | --- |
| 12:05 | Wie stark betrachten Sie Open-Source-Software als Teil der digitalen Souveränität? (answered) | Anna | 3 | Als zentralen Baustein. | [at 00:10:44](<https://www.youtube.com/watch?v=abc&t=644s>) |
| 12:07 | Wann kommt der digitale Bauantrag? |  | 1 |  | [at 00:07:00](<https://www.youtube.com/watch?v=abc&t=420s>) |
| 12:09 | Gibt es die Folien \\| als PDF? Danke (answered) |  | 0 |  | [at 00:10:50](<https://www.youtube.com/watch?v=abc&t=650s>) |

## Poll: Wo steht Ihre Verwaltung?

35 responses (single choice, closed)

| Answer | Count | Share |
| --- | ---: | ---: |
| an der Spitze | 1 | 3% |
| im Mittelfeld | 30 | 86% |
| auf den hinteren Rängen | 4 | 11% |

## Poll: Was nutzen Sie?

4 responses (multiple choice, closed)

| Answer | Ticks | Share of respondents |
| --- | ---: | ---: |
| Linux | 3 | 75% |
| LibreOffice | 3 | 75% |
| Nextcloud | 1 | 25% |

## Poll: Welche Leistung fehlt online?

3 responses (open question, open)

| Answer | Count |
| --- | ---: |
| Kinderreisepass | 2 |
| Wohngeld | 1 |
`;
const EXPECTED_TXT_DE = `Digitale Souveränität — Das Event in Zahlen

1.234 Personen haben zugeschaut, 35 haben sich live beteiligt. Es kamen 8 Beiträge (5 Fragen und 3 offene Antworten), davon 2 mit dem Label „Organisatorisches“. 42 Antworten in 3 Umfragen. „Wo steht Ihre Verwaltung?“: 86${nbsp}% im Mittelfeld, 11${nbsp}% auf den hinteren Rängen und 3${nbsp}% an der Spitze. „Was nutzen Sie?“: 75${nbsp}% Linux, 75${nbsp}% LibreOffice und 25${nbsp}% Nextcloud. „Welche Leistung fehlt online?“: „Kinderreisepass“ (2×) und „Wohngeld“ (1×).

Fragen

12:05 Wie stark betrachten Sie Open-Source-Software als Teil der digitalen Souveränität? (beantwortet) – Anna
  Antwort: Als zentralen Baustein.
  Aufzeichnung ab 00:10:44: https://www.youtube.com/watch?v=abc&t=644s
12:07 Wann kommt der digitale Bauantrag?
  Aufzeichnung ab 00:07:00: https://www.youtube.com/watch?v=abc&t=420s
12:09 Gibt es die Folien | als PDF? Danke (beantwortet)
  Aufzeichnung ab 00:10:50: https://www.youtube.com/watch?v=abc&t=650s

Umfrage: Wo steht Ihre Verwaltung? – 35 Antworten (Einfachauswahl)
  an der Spitze: 3${nbsp}% · 1 Antwort
  im Mittelfeld: 86${nbsp}% · 30 Antworten
  auf den hinteren Rängen: 11${nbsp}% · 4 Antworten

Umfrage: Was nutzen Sie? – 4 Antworten (Mehrfachauswahl)
  Linux: 75${nbsp}% · 3 Stimmen
  LibreOffice: 75${nbsp}% · 3 Stimmen
  Nextcloud: 25${nbsp}% · 1 Stimme

Umfrage: Welche Leistung fehlt online? – 3 Antworten (offene Frage)
  Kinderreisepass: 2 Antworten
  Wohngeld: 1 Antwort
`;
