/**
 * What the console says about quizzes, surveys, ranking polls and rehearsal resets: its own
 * catalogue beside i18n.ts, in the console's language (`ta()`) or a room's (`taOf`, for the
 * big screen, which speaks the room's language).
 */
import { numbers } from '@plenum/elements';
import { $lang, type Lang } from './i18n.js';

const en = () => {
  const n = numbers('en');
  return {
    quizzes: 'Quizzes',
    surveys: 'Surveys',
    quizNew: 'New quiz',
    surveyNew: 'New survey',
    noQuizzes: 'No quizzes yet.',
    noSurveys: 'No surveys yet.',
    title: 'Title',
    speedPoints: 'Points for speed (500 for a right answer plus up to 500 the faster it came)',
    question: (i: number) => `Question ${i}`,
    questionText: 'Question',
    kind: 'Kind',
    quizKinds: { single: 'Single choice', multiple: 'Multiple choice (every right one)' },
    surveyKinds: {
      rating: 'Rating (1–5 stars)',
      single: 'Single choice',
      multiple: 'Multiple choice',
      open: 'Open answer',
    },
    options: 'Options',
    option: (i: number) => `Option ${i}`,
    correct: (option: string) => `“${option || '…'}” is right`,
    addOption: 'Add option',
    removeOption: (i: number) => `Remove option ${i}`,
    timeLimit: 'Time limit (seconds, 5–300)',
    maxChoices: 'At most this many choices (optional)',
    addQuestion: 'Add question',
    removeQuestion: (i: number) => `Remove question ${i}`,
    resultsVisible: 'Participants see the results',
    save: 'Save draft',
    cancel: 'Cancel',
    edit: 'Edit',
    delete: 'Delete',
    deleteConfirm: (title: string) => `Delete “${title}” with all its answers?`,
    open: 'Open',
    close: 'End',
    reopen: 'Reopen',
    status: { draft: 'Draft', open: 'Open', closed: 'Closed' },
    questions: (count: number) => n.count(count, { one: 'question', other: 'questions' }),
    players: (count: number) => n.count(count, { one: 'player', other: 'players' }),
    answers: (count: number) => n.count(count, { one: 'answer', other: 'answers' }),
    responses: (count: number) => n.count(count, { one: 'response', other: 'responses' }),
    points: (count: number) => n.count(count, { one: 'point', other: 'points' }),
    start: (i: number) => `Start question ${i}`,
    reveal: 'Reveal the answer',
    leaderboard: 'Show the leaderboard',
    lobby: 'Open: nobody has a question yet. Start the first when the room is ready.',
    phase: {
      question: (i: number, count: number) => `Question ${i} of ${count}: taking answers`,
      revealed: (i: number, count: number) => `Question ${i} of ${count}: answer revealed`,
      leaderboard: (i: number, count: number) => `After question ${i} of ${count}: leaderboard`,
    },
    correctMark: 'right',
    correctShare: (right: number, of: number) => `${right} of ${of} answered right`,
    top: 'Top 10',
    noPlayers: 'Nobody has scored yet.',
    participant: (number: number) => `Participant ${number}`,
    rank: (rank: number) => `Rank ${rank}`,
    secondsLeft: (count: number): string => (count === 1 ? 'second left' : 'seconds left'),
    timeUp: 'Time is up.',
    showQuestion: (i: number) => `Show question ${i} on screen`,
    resultsShown: 'Results: visible',
    resultsHidden: 'Results: hidden',
    reset: 'Reset answers…',
    resetConfirm: (title: string, count: string) =>
      `Remove all ${count} of “${title}”? Use this after a rehearsal: the report will say when and how many were removed.`,
    resetDo: 'Remove answers',
    resetDone: (title: string) => `The answers of “${title}” were removed.`,
    needOptions: 'A question needs a text and at least 2 options, one of them right.',
    needTitle: 'Please give it a title and at least one question.',
    saved: 'Saved.',
    rankingHint: 'Participants put the options in their order (at most 10 options).',
    averageRank: (average: string, points: string) => `average rank ${average} · ${points}`,
    noAnswersYet: 'No answers yet.',
  };
};

export type ActivityStrings = ReturnType<typeof en>;

const de = (): ActivityStrings => {
  const n = numbers('de');
  return {
    quizzes: 'Quiz',
    surveys: 'Befragungen',
    quizNew: 'Neues Quiz',
    surveyNew: 'Neue Befragung',
    noQuizzes: 'Noch kein Quiz.',
    noSurveys: 'Noch keine Befragung.',
    title: 'Titel',
    speedPoints: 'Punkte für Tempo (500 für eine richtige Antwort, bis zu 500 mehr, je schneller sie kam)',
    question: (i) => `Frage ${i}`,
    questionText: 'Frage',
    kind: 'Art',
    quizKinds: { single: 'Einfachauswahl', multiple: 'Mehrfachauswahl (alle richtigen)' },
    surveyKinds: {
      rating: 'Bewertung (1–5 Sterne)',
      single: 'Einfachauswahl',
      multiple: 'Mehrfachauswahl',
      open: 'Offene Antwort',
    },
    options: 'Antworten',
    option: (i) => `Antwort ${i}`,
    correct: (option) => `„${option || '…'}“ ist richtig`,
    addOption: 'Antwort hinzufügen',
    removeOption: (i) => `Antwort ${i} entfernen`,
    timeLimit: 'Zeitlimit (Sekunden, 5–300)',
    maxChoices: 'Höchstens so viele Antworten (optional)',
    addQuestion: 'Frage hinzufügen',
    removeQuestion: (i) => `Frage ${i} entfernen`,
    resultsVisible: 'Teilnehmende sehen die Ergebnisse',
    save: 'Entwurf speichern',
    cancel: 'Abbrechen',
    edit: 'Bearbeiten',
    delete: 'Löschen',
    deleteConfirm: (title) => `„${title}“ mit allen Antworten löschen?`,
    open: 'Öffnen',
    close: 'Beenden',
    reopen: 'Wieder öffnen',
    status: { draft: 'Entwurf', open: 'Offen', closed: 'Beendet' },
    questions: (count) => n.count(count, { one: 'Frage', other: 'Fragen' }),
    players: (count) => n.count(count, { one: 'Person spielt', other: 'Personen spielen' }),
    answers: (count) => n.count(count, { one: 'Antwort', other: 'Antworten' }),
    responses: (count) => n.count(count, { one: 'Antwort', other: 'Antworten' }),
    points: (count) => n.count(count, { one: 'Punkt', other: 'Punkte' }),
    start: (i) => `Frage ${i} starten`,
    reveal: 'Auflösung zeigen',
    leaderboard: 'Bestenliste zeigen',
    lobby: 'Offen: Noch läuft keine Frage. Starten Sie die erste, wenn der Saal bereit ist.',
    phase: {
      question: (i, count) => `Frage ${i} von ${count}: Antworten laufen`,
      revealed: (i, count) => `Frage ${i} von ${count}: aufgelöst`,
      leaderboard: (i, count) => `Nach Frage ${i} von ${count}: Bestenliste`,
    },
    correctMark: 'richtig',
    correctShare: (right, of) => `${right} von ${of} richtig`,
    top: 'Top 10',
    noPlayers: 'Noch hat niemand Punkte.',
    participant: (number) => `Teilnehmer ${number}`,
    rank: (rank) => `Platz ${rank}`,
    secondsLeft: (count) => (count === 1 ? 'Sekunde übrig' : 'Sekunden übrig'),
    timeUp: 'Die Zeit ist um.',
    showQuestion: (i) => `Frage ${i} auf dem Bildschirm zeigen`,
    resultsShown: 'Ergebnisse: sichtbar',
    resultsHidden: 'Ergebnisse: verborgen',
    reset: 'Antworten zurücksetzen…',
    resetConfirm: (title, count) =>
      `Alle ${count} von „${title}“ entfernen? Für nach der Probe: Der Bericht nennt, wann und wie viele entfernt wurden.`,
    resetDo: 'Antworten entfernen',
    resetDone: (title) => `Die Antworten von „${title}“ wurden entfernt.`,
    needOptions: 'Eine Frage braucht einen Text und mindestens 2 Antworten, davon eine richtige.',
    needTitle: 'Bitte geben Sie einen Titel und mindestens eine Frage an.',
    saved: 'Gespeichert.',
    rankingHint: 'Teilnehmende bringen die Antworten in ihre Reihenfolge (höchstens 10 Antworten).',
    averageRank: (average, points) => `Rang im Schnitt ${average} · ${points}`,
    noAnswersYet: 'Noch keine Antworten.',
  };
};

const catalogues: Partial<Record<Lang, ActivityStrings>> = {};

export const taOf = (lang: Lang): ActivityStrings => (catalogues[lang] ??= lang === 'de' ? de() : en());

/** In the console's language. */
export const ta = (): ActivityStrings => taOf($lang.get());
