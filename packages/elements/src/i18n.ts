/**
 * Every visible and accessible string, one catalogue per language. Pages override strings
 * with `setStrings('de', { … })` (top-level keys are replaced as a whole).
 */
import type { RankingStrings } from './poll/ranking.js';
import type { QuizStrings } from './quiz/quiz-view.js';
import type { SurveyStrings } from './survey/survey-view.js';
import { ratingScale } from '@plenum/protocol';
import { browserLang, langOf, type Lang } from './i18n-core.js';
import { numbers, type Numbers } from './plural.js';

const en = (words: Numbers) => ({
  reactionsLabel: 'Reactions',
  react: (name: string, count: number) => `${name}, ${count} so far`,
  emoji: {
    '👍': 'Thumbs up',
    '👏': 'Applause',
    '❤️': 'Love',
    '😂': 'Laughing',
    '🎉': 'Celebrate',
    '🤔': 'Thinking',
  } as Record<string, string>,
  status: {
    connecting: 'Connecting…',
    open: 'Connected',
    reconnecting: 'Connection lost. Reconnecting…',
    offline: 'You are offline. We will reconnect when you are back.',
    closed: 'Not connected.',
  },
  errors: {
    empty: 'Please write something first.',
    too_long: 'That is too long.',
    rate_limited: 'Slow down a little.',
    closed: 'Too late: this is closed now.',
    not_found: 'This no longer exists.',
    forbidden: 'You are not allowed to do that.',
    too_many_choices: 'You chose more options than allowed.',
    own_question: 'You cannot upvote your own question.',
    unknown_room: 'This room does not exist (any more).',
    room_full: 'This room has reached its limit: nothing more can be added here.',
    invalid: 'That was not accepted. Please check your input.',
    fallback: 'Something went wrong. Please try again.',
  } as Record<string, string>,

  // <plenum-questions>
  questions: 'Questions',
  askLabel: 'Your question',
  nameLabel: 'Your name (optional)',
  charsLeft: (n: number) => `${n} characters left`,
  send: 'Send question',
  sending: 'Sending…',
  sentLive: 'Thank you! Your question is now live.',
  sentReview: 'Thank you! Your question will appear once a moderator approves it.',
  sortLabel: 'Sort questions',
  popular: 'Popular',
  recent: 'Recent',
  liveTab: (n: number) => `Live (${n})`,
  answeredTab: (n: number) => `Answered (${n})`,
  loadingQuestions: 'Loading questions…',
  noQuestions: 'No questions yet. Be the first to ask!',
  noAnswered: 'No answered questions yet.',
  anonymous: 'Anonymous',
  upvote: (n: number) => `Upvote, ${words.count(n, { one: 'vote', other: 'votes' })}`,
  votes: (n: number) => words.count(n, { one: 'vote', other: 'votes' }),
  highlighted: 'On stage now',
  pinned: 'Pinned',
  answered: 'Answered',
  review: 'Awaiting moderation',
  yours: 'Your question',
  edited: 'edited',
  reply: 'Reply from the host',
  edit: 'Edit',
  editLabel: 'Edit your question',
  save: 'Save',
  cancel: 'Cancel',
  remove: 'Delete',
  confirmRemove: 'Delete this question?',
  newQuestions: (n: number) => words.count(n, { one: 'new question', other: 'new questions' }),
  showMore: 'Show more questions',
  loadingMore: 'Loading more questions…',
  notShown: (n: number) =>
    words.count(n, { one: 'more question not shown yet', other: 'more questions not shown yet' }),

  // <plenum-poll>
  poll: 'Poll',
  loadingPoll: 'Loading poll…',
  noPoll: 'No poll open right now.',
  vote: 'Vote',
  changeVote: 'Change vote',
  voted: 'Thank you! Your vote has been counted.',
  submitAnswer: 'Submit answer',
  changeAnswer: 'Change answer',
  answerSent: 'Thank you! Your answer has arrived.',
  answerWaiting: (text: string) => `Your answer “${text}” appears once the host approves it.`,
  mentions: (n: number) => words.count(n, { one: 'mention', other: 'mentions' }),
  chooseFirst: 'Please choose an answer first.',
  chooseUpTo: (n: number) => `Choose up to ${n}.`,
  maxReached: (n: number) => `You have chosen the maximum of ${n}.`,
  answerLabel: 'Your answer',
  stars: (n: number) => words.count(n, { one: 'star', other: 'stars' }),
  ratingLabel: `Your rating, 1 to ${ratingScale} stars`,
  resultsHidden: 'Results coming up.',
  results: 'Results',
  finalResults: 'This poll is closed. Final results:',
  responses: (n: number) => words.count(n, { one: 'response', other: 'responses' }),
  average: (avg: number, n: number) =>
    `Average ${words.decimal(avg)} of ${ratingScale} from ${words.count(n, { one: 'rating', other: 'ratings' })}`,
  yourChoice: 'your choice',
  noAnswers: 'No answers yet.',
  resultLine: (label: string, percent: number, count: number) =>
    `${label}: ${percent} %, ${words.count(count, { one: 'vote', other: 'votes' })}`,
});

/** The passcode prompt's words; built into its own file (passcode-prompt.ts), replaceable here. */
export interface PasscodeStrings {
  note: string;
  label: string;
  submit: string;
  wrong: string;
}

/**
 * The files loaded on demand (the passcode prompt, the quiz, the survey, a ranking poll) bring
 * their own words; a page may replace any of them here (`setStrings('de', { quiz: { … } })`).
 */
export type Strings = ReturnType<typeof en> & {
  passcode?: PasscodeStrings;
  quiz?: Partial<QuizStrings>;
  survey?: Partial<SurveyStrings>;
  ranking?: Partial<RankingStrings>;
};
export type { Lang };

const de = (words: Numbers): Strings => ({
  reactionsLabel: 'Reaktionen',
  react: (name, count) => `${name}, bisher ${count}`,
  emoji: {
    '👍': 'Daumen hoch',
    '👏': 'Applaus',
    '❤️': 'Herz',
    '😂': 'Lachen',
    '🎉': 'Feiern',
    '🤔': 'Nachdenken',
  },
  status: {
    connecting: 'Verbinde…',
    open: 'Verbunden',
    reconnecting: 'Verbindung unterbrochen. Verbinde neu…',
    offline: 'Sie sind offline. Wir verbinden neu, sobald Sie wieder online sind.',
    closed: 'Nicht verbunden.',
  },
  errors: {
    empty: 'Bitte schreiben Sie zuerst etwas.',
    too_long: 'Das ist zu lang.',
    rate_limited: 'Bitte etwas langsamer.',
    closed: 'Zu spät: Das ist jetzt geschlossen.',
    not_found: 'Das gibt es nicht mehr.',
    forbidden: 'Das dürfen Sie leider nicht.',
    too_many_choices: 'Sie haben mehr Antworten gewählt als erlaubt.',
    own_question: 'Ihre eigene Frage können Sie nicht unterstützen.',
    unknown_room: 'Diesen Raum gibt es nicht (mehr).',
    room_full: 'Dieser Raum hat seine Obergrenze erreicht: Hier kann nichts mehr hinzukommen.',
    invalid: 'Das wurde nicht angenommen. Bitte prüfen Sie Ihre Eingabe.',
    fallback: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
  },

  questions: 'Fragen',
  askLabel: 'Ihre Frage',
  nameLabel: 'Ihr Name (optional)',
  charsLeft: (n) => `Noch ${n} Zeichen`,
  send: 'Frage senden',
  sending: 'Wird gesendet…',
  sentLive: 'Danke! Ihre Frage ist jetzt sichtbar.',
  sentReview: 'Danke! Ihre Frage erscheint, sobald die Moderation sie freigibt.',
  sortLabel: 'Fragen sortieren',
  popular: 'Beliebt',
  recent: 'Neueste',
  liveTab: (n) => `Offen (${n})`,
  answeredTab: (n) => `Beantwortet (${n})`,
  loadingQuestions: 'Fragen werden geladen…',
  noQuestions: 'Noch keine Fragen. Stellen Sie die erste!',
  noAnswered: 'Noch keine beantworteten Fragen.',
  anonymous: 'Anonym',
  upvote: (n) => `Unterstützen, ${words.count(n, { one: 'Unterstützung', other: 'Unterstützungen' })}`,
  votes: (n) => words.count(n, { one: 'Unterstützung', other: 'Unterstützungen' }),
  highlighted: 'Jetzt auf der Bühne',
  pinned: 'Angeheftet',
  answered: 'Beantwortet',
  review: 'Wartet auf Freigabe',
  yours: 'Ihre Frage',
  edited: 'bearbeitet',
  reply: 'Antwort der Moderation',
  edit: 'Bearbeiten',
  editLabel: 'Ihre Frage bearbeiten',
  save: 'Speichern',
  cancel: 'Abbrechen',
  remove: 'Löschen',
  confirmRemove: 'Diese Frage löschen?',
  newQuestions: (n) => words.count(n, { one: 'neue Frage', other: 'neue Fragen' }),
  showMore: 'Weitere Fragen zeigen',
  loadingMore: 'Weitere Fragen werden geladen…',
  notShown: (n) =>
    words.count(n, {
      one: 'weitere Frage noch nicht angezeigt',
      other: 'weitere Fragen noch nicht angezeigt',
    }),

  poll: 'Umfrage',
  loadingPoll: 'Umfrage wird geladen…',
  noPoll: 'Gerade läuft keine Umfrage.',
  vote: 'Abstimmen',
  changeVote: 'Stimme ändern',
  voted: 'Danke! Ihre Stimme wurde gezählt.',
  submitAnswer: 'Antwort senden',
  changeAnswer: 'Antwort ändern',
  answerSent: 'Danke! Ihre Antwort ist angekommen.',
  answerWaiting: (text) => `Ihre Antwort „${text}“ erscheint, sobald die Moderation sie freigibt.`,
  mentions: (n) => words.count(n, { one: 'Nennung', other: 'Nennungen' }),
  chooseFirst: 'Bitte wählen Sie zuerst eine Antwort.',
  chooseUpTo: (n) => `Wählen Sie bis zu ${n}.`,
  maxReached: (n) => `Sie haben das Maximum von ${n} gewählt.`,
  answerLabel: 'Ihre Antwort',
  stars: (n) => words.count(n, { one: 'Stern', other: 'Sterne' }),
  ratingLabel: `Ihre Bewertung, 1 bis ${ratingScale} Sterne`,
  resultsHidden: 'Ergebnisse folgen.',
  results: 'Ergebnisse',
  finalResults: 'Diese Umfrage ist beendet. Endergebnis:',
  responses: (n) => words.count(n, { one: 'Antwort', other: 'Antworten' }),
  average: (avg, n) =>
    `Durchschnitt ${words.decimal(avg)} von ${ratingScale} aus ${words.count(n, { one: 'Bewertung', other: 'Bewertungen' })}`,
  yourChoice: 'Ihre Wahl',
  noAnswers: 'Noch keine Antworten.',
  resultLine: (label, percent, count) =>
    `${label}: ${percent} %, ${words.count(count, { one: 'Stimme', other: 'Stimmen' })}`,
});

const catalogue: Record<Lang, Strings> = { en: en(numbers('en')), de: de(numbers('de')) };

/** Replaces top-level entries of one language's catalogue (a page's own wording). */
export function setStrings(lang: Lang, overrides: Partial<Strings>): void {
  catalogue[lang] = { ...catalogue[lang], ...overrides };
}

/** The widgets' strings in one language. */
export const strings = (lang: Lang): Strings => catalogue[lang];

/** `lang` property, then the nearest `lang` in the page (across shadow roots), then the browser. */
export function resolveLang(element: HTMLElement): Lang {
  // The property first: during an update it is ahead of the reflected attribute.
  if (element.lang) return langOf(element.lang) ?? 'en';
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang'))
      return langOf(node.getAttribute('lang')) ?? 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return browserLang();
}
