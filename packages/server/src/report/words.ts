/**
 * The words and number formats a report speaks, per language: headings, labels, statuses,
 * plurals, and numbers, percentages and times in the locale and the room's time zone.
 */
import {
  ratingScale,
  type Lang,
  type PollKind,
  type PollStatus,
  type QuestionStatus,
  zonedDateTime,
} from '@plenum/protocol';

/** A noun's two forms; the number goes in front ("1 Unterstützung", "2 Unterstützungen"). */
type Noun = readonly [one: string, other: string];

const strings = {
  de: {
    locale: 'de-DE',
    quotes: ['„', '“'],
    eventInNumbers: 'Das Event in Zahlen',
    questions: 'Fragen',
    poll: 'Umfrage',
    timeColumn: 'Uhrzeit',
    upvotesColumn: 'Unterstützungen',
    ticksColumn: 'Stimmen',
    question: 'Frage',
    name: 'Name',
    status: 'Status',
    reply: 'Antwort',
    recording: 'Aufzeichnung',
    answer: 'Antwort',
    countColumn: 'Anzahl',
    share: 'Anteil',
    shareOfRespondents: 'Anteil der Antwortenden',
    start: 'Beginn',
    answered: 'beantwortet',
    at: (offset: string) => `ab ${offset}`,
    keptUntil: (date: string, days: number) =>
      `Gespeichert bis ${date}: Räume ohne Aktivität werden nach ${days} Tagen gelöscht.`,
    statusNames: { review: 'in Prüfung', live: 'offen', answered: 'beantwortet', dismissed: 'verworfen' },
    kindNames: {
      single: 'Einfachauswahl',
      multiple: 'Mehrfachauswahl',
      open: 'offene Frage',
      rating: 'Bewertung',
      ranking: 'Rangfolge',
    },
    pollStatusNames: { draft: 'Entwurf', open: 'läuft', closed: 'beendet' },
    quiz: 'Quiz',
    survey: 'Fragebogen',
    leaderboard: 'Bestenliste',
    rankColumn: 'Platz',
    pointsColumn: 'Punkte',
    averageRankColumn: 'Ø Platz',
    correctAnswer: 'Richtige Antwort',
    shareCorrect: 'Anteil richtig',
    medianTime: 'Antwortzeit (Median)',
    notPlayed: 'nicht gespielt',
    /** A player without a nickname, as the widgets call them. */
    player: (n: number) => `Teilnehmer ${n}`,
    played: (players: string, one: boolean) =>
      `${players} ${one ? 'Person hat' : 'Personen haben'} mitgespielt`,
    speedPoints: (on: boolean) => (on ? 'mit Punkten für Tempo' : 'ohne Punkte für Tempo'),
    won: (name: string) => `vorn: ${name}`,
    seconds: (s: string) => `${s} s`,
    resets: 'Zurückgesetzt (Probelauf)',
    resetKindNames: { poll: 'Umfrage', quiz: 'Quiz', survey: 'Fragebogen' },
    removed: (answers: string) => `${answers} entfernt`,
    removedColumn: 'Entfernte Antworten',
    nouns: {
      question: ['Frage', 'Fragen'],
      upvote: ['Unterstützung', 'Unterstützungen'],
      response: ['Antwort', 'Antworten'],
      poll: ['Umfrage', 'Umfragen'],
      reaction: ['Reaktion', 'Reaktionen'],
      contribution: ['Beitrag', 'Beiträge'],
      openAnswer: ['offene Antwort', 'offene Antworten'],
      tick: ['Stimme', 'Stimmen'],
      rating: ['Bewertung', 'Bewertungen'],
      connection: ['Verbindung', 'Verbindungen'],
      moreAnswers: ['weitere Antwort', 'weitere Antworten'],
      point: ['Punkt', 'Punkte'],
    },
    watched: (viewers: string, one: boolean) =>
      `${viewers} ${one ? 'Person hat' : 'Personen haben'} zugeschaut`,
    tookPart: (active: string, one: boolean) => `${active} ${one ? 'hat' : 'haben'} sich live beteiligt`,
    peak: (peak: string) => `höchstens ${peak} gleichzeitig verbunden`,
    wrote: (contributions: string, one: boolean) => `Es ${one ? 'kam' : 'kamen'} ${contributions}`,
    labelled: (count: string, label: string) => `${count} mit dem Label ${label}`,
    ofWhich: 'davon',
    responsesIn: (responses: string, polls: string) => `${responses} in ${polls}`,
    average: (average: string, ratings: string) =>
      `im Schnitt ${average} von ${ratingScale} Sternen (${ratings})`,
    stars: (n: number) => `${n} ★`,
    averageLabel: 'Durchschnitt',
    networkShare: (share: string, voters: string) =>
      `Hinweis: Ein Netzwerk hat ${share} der Stimmen abgegeben (${voters}).`,
    numbersLabels: {
      room: 'Raum',
      title: 'Titel',
      viewers: 'Zuschauende',
      peak: 'Maximal gleichzeitig verbunden',
      active: 'Live beteiligt',
      pollResponses: 'Antworten auf Umfragen',
      keptUntil: 'Gelöscht, wenn ungenutzt, ab',
      askedAt: 'Gestellt um',
      answeredAt: 'Beantwortet um',
      kind: 'Art',
      percent: 'Prozent',
    },
  },
  en: {
    locale: 'en-GB',
    quotes: ['“', '”'],
    eventInNumbers: 'The event in numbers',
    questions: 'Questions',
    poll: 'Poll',
    timeColumn: 'Time',
    upvotesColumn: 'Upvotes',
    ticksColumn: 'Ticks',
    question: 'Question',
    name: 'Name',
    status: 'Status',
    reply: 'Reply',
    recording: 'Recording',
    answer: 'Answer',
    countColumn: 'Count',
    share: 'Share',
    shareOfRespondents: 'Share of respondents',
    start: 'Start',
    answered: 'answered',
    at: (offset: string) => `at ${offset}`,
    keptUntil: (date: string, days: number) => `Kept until ${date}: rooms idle for ${days} days are erased.`,
    statusNames: { review: 'in review', live: 'open', answered: 'answered', dismissed: 'dismissed' },
    kindNames: {
      single: 'single choice',
      multiple: 'multiple choice',
      open: 'open question',
      rating: 'rating',
      ranking: 'ranking',
    },
    pollStatusNames: { draft: 'draft', open: 'open', closed: 'closed' },
    quiz: 'Quiz',
    survey: 'Survey',
    leaderboard: 'Leaderboard',
    rankColumn: 'Rank',
    pointsColumn: 'Points',
    averageRankColumn: 'Average rank',
    correctAnswer: 'Correct answer',
    shareCorrect: 'Share correct',
    medianTime: 'Median answer time',
    notPlayed: 'not played',
    player: (n: number) => `Participant ${n}`,
    played: (players: string, one: boolean) => `${players} ${one ? 'player' : 'players'}`,
    speedPoints: (on: boolean) => (on ? 'with speed points' : 'without speed points'),
    won: (name: string) => `leading: ${name}`,
    seconds: (s: string) => `${s} s`,
    resets: 'Reset (rehearsal)',
    resetKindNames: { poll: 'Poll', quiz: 'Quiz', survey: 'Survey' },
    removed: (answers: string) => `${answers} removed`,
    removedColumn: 'Answers removed',
    nouns: {
      question: ['question', 'questions'],
      upvote: ['upvote', 'upvotes'],
      response: ['response', 'responses'],
      poll: ['poll', 'polls'],
      reaction: ['reaction', 'reactions'],
      contribution: ['contribution', 'contributions'],
      openAnswer: ['open answer', 'open answers'],
      tick: ['tick', 'ticks'],
      rating: ['rating', 'ratings'],
      connection: ['connection', 'connections'],
      moreAnswers: ['more answer', 'more answers'],
      point: ['point', 'points'],
    },
    watched: (viewers: string, one: boolean) => `${viewers} ${one ? 'person' : 'people'} watched`,
    tookPart: (active: string) => `${active} took part live`,
    peak: (peak: string) => `at most ${peak} connected at once`,
    wrote: (contributions: string) => `They sent ${contributions}`,
    labelled: (count: string, label: string) => `${count} labelled ${label}`,
    ofWhich: 'of which',
    responsesIn: (responses: string, polls: string) => `${responses} in ${polls}`,
    average: (average: string, ratings: string) =>
      `${average} of ${ratingScale} stars on average (${ratings})`,
    stars: (n: number) => `${n} ★`,
    averageLabel: 'Average',
    networkShare: (share: string, voters: string) =>
      `Note: one network cast ${share} of the votes (${voters}).`,
    numbersLabels: {
      room: 'Room',
      title: 'Title',
      viewers: 'Viewers',
      peak: 'Peak concurrent connections',
      active: 'Took part live',
      pollResponses: 'Poll responses',
      keptUntil: 'Erased unless used again from',
      askedAt: 'Asked at',
      answeredAt: 'Answered at',
      kind: 'Kind',
      percent: 'Percent',
    },
  },
} satisfies Record<Lang, unknown>;

type Strings = (typeof strings)['de'] & {
  statusNames: Record<QuestionStatus, string>;
  kindNames: Record<PollKind, string>;
  pollStatusNames: Record<PollStatus, string>;
  nouns: Record<string, Noun>;
};

export type Words = ReturnType<typeof wordsFor>;

/** Everything a format needs to speak `lang` and tell times in `timeZone`. */
export function wordsFor(lang: Lang, timeZone: string) {
  const s = strings[lang] as Strings;
  const numbers = new Intl.NumberFormat(s.locale);
  const decimals = new Intl.NumberFormat(s.locale, { maximumFractionDigits: 1 });
  const plural = new Intl.PluralRules(s.locale);
  const list = new Intl.ListFormat(s.locale, { type: 'conjunction' });
  const dateTime = new Intl.DateTimeFormat(s.locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const timeOfDay = new Intl.DateTimeFormat(s.locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return {
    ...s,
    lang,
    number: (n: number) => numbers.format(n),
    decimal: (n: number) => decimals.format(n),
    /** A whole percentage in the locale's style: "86 %" (with a no-break space) or "86%". */
    percent: (p: number) => new Intl.NumberFormat(s.locale, { style: 'percent' }).format(p / 100),
    /** "1 Unterstützung", "1.234 Unterstützungen". */
    count: (n: number, noun: keyof typeof s.nouns) =>
      `${numbers.format(n)} ${s.nouns[noun]![plural.select(n) === 'one' ? 0 : 1]}`,
    quote: (text: string) => `${s.quotes[0]}${text}${s.quotes[1]}`,
    list: (items: string[]) => list.format(items),
    /** "01.10.2021, 12:05" in the room's time zone. */
    dateTime: (at: number) => dateTime.format(at),
    /** "12:05" in the room's time zone. */
    time: (at: number) => timeOfDay.format(at),
    /** "2021-10-01 12:05" in the room's time zone: what a spreadsheet reads as a date in any locale. */
    sortable: (at: number) => zonedDateTime(at, timeZone, ' '),
  };
}

/** Seconds into the recording as YouTube writes them: "00:10:44". */
export function clock(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}
