/**
 * The console's strings: the widgets' catalogue for everything the two say alike (one core,
 * see packages/elements/src/i18n-core.ts), and here only what the console alone says. A name
 * the widgets' catalogue has is theirs: writing it here again is a type error. The language
 * follows the browser until the host picks one; the choice is kept in localStorage.
 */
import { PlenumError } from '@plenum/client';
import {
  browserLang,
  langOf,
  langs,
  numbers,
  strings as widgetStrings,
  type Lang,
  type Numbers,
  type Strings as WidgetStrings,
} from '@plenum/elements';
import { ratingScale, type ErrorCode } from '@plenum/protocol';
import { ApiError } from './api.js';
import { atom } from 'nanostores';

export { langs, type Lang };

/** Each language in its own words, for the switch and the room's language picker. */
export const langNames: Record<Lang, string> = { en: 'English', de: 'Deutsch' };

/** What the console writes itself: no name of the widgets' catalogue. */
type OwnOnly = { [K in keyof WidgetStrings]?: never } & Record<string, unknown>;

const en = (words: Numbers, w: WidgetStrings) =>
  ({
    langSwitch: 'Language',
    appTitle: 'Plenum host console',
    home: 'All rooms',
    loading: 'Loading…',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy. Please select the text and copy it by hand.',
    yes: 'Yes',
    /** The console's wording of a refusal, where the widgets' (`errors`) does not fit a host. */
    hostErrors: {
      room_full: 'This room has reached a limit: nothing more of this can be added.',
      unauthorized:
        'The host key does not match this room. Check the host link, or open the room from the browser you created it in.',
      forbidden: 'The key is not accepted.',
      passcode:
        'This room needs its passcode (or it changed). Open this screen with the present view link from the console’s share tab: it carries the code.',
      missingKey: 'This link has no host key. Paste the host key below, or open the full host link.',
      version: 'The server speaks another protocol version. Reload the page.',
      rate_limited: 'Too many actions at once. Please wait a moment.',
      closed: 'Not possible any more: this has changed meanwhile.',
      exists: 'A room with this id exists already. Choose another id.',
      network: 'The server cannot be reached. Check your connection.',
    } as Record<string, string>,

    // home
    createTitle: 'Create a room',
    roomTitle: 'Event title',
    roomId: 'Room id (optional)',
    roomIdHint: 'Up to 64 letters, digits, dashes and underscores. Leave empty for a random id.',
    moderationPost: 'Appear at once (post-moderation)',
    moderationPre: 'Wait for approval (pre-moderation)',
    eventPage: 'Event page URL (optional)',
    eventPageHint:
      'Where you embed the widgets. Without it, participants join on a plain page of this server.',
    passcodeLabel: 'Passcode (optional)',
    passcodeHint:
      'At least 4 characters. Participants need it to join; the participant link and its QR code can carry it. The host link needs none.',
    linkHasPasscode:
      'This link, its QR code and the present view link contain the passcode: whoever has them can join. Hand them only to your audience.',
    passcodeUnknown:
      'This room has a passcode that this browser does not know, so the links here do not carry it: participants type it. Set it again here to put it in the links.',
    savePasscode: 'Set passcode',
    removePasscode: 'Remove passcode',
    passcodeSaved:
      'Saved: new participants need this passcode; the links and QR code carry it. Whoever is in the room stays.',
    passcodeRemoved: 'Passcode removed: anyone with the room’s link can join.',
    recordingUrl: 'Recording URL (optional)',
    recordingStart: 'Recording starts at (optional)',
    recordingHint:
      'Kept with the room on this server. The report links each question to its moment in the recording.',
    recordingZone: (zone: string) => `Hours and minutes on the room’s clock (${zone}).`,
    recordingFarAway: (date: string) =>
      `This start is more than a day away from the room’s activity (${date}): links into the recording would miss the moment. Check the date. It is saved as entered.`,
    roomLang: 'Language of the room',
    roomLangHint: 'The report, the present view and the join page speak it.',
    timeZone: 'Time zone',
    timeZoneHint: 'Times in the report and the recording’s start are on this clock, e.g. Europe/Berlin.',
    timeZoneInvalid: 'This is not a time zone. Pick one from the list, e.g. Europe/Berlin.',
    adminToken: 'Admin token',
    adminTokenHint: 'This server asks for its admin token to create rooms.',
    adminTokenWrong: 'The admin token is wrong.',
    create: 'Create room',
    creating: 'Creating…',
    yourRooms: 'Rooms hosted in this browser',
    noRooms: 'No rooms yet. Create one above.',
    open: 'Open',
    removeFromList: 'Remove from list',
    removeNote: 'Removing only forgets the room in this browser. The room itself stays on the server.',
    keyWarning: 'Keep the host link secret: anyone with it can moderate this room.',
    keyLabel: 'Host key',
    useKey: 'Open with this key',

    // host
    tabsLabel: 'Room sections',
    tabShare: 'Share',
    tabReport: 'Report',
    online: (n: number) => `${words.integer(n)} online`,
    presentOpen: 'Open present view',
    newWindow: '(opens in a new window)',
    roomIdLabel: 'Room id',
    renameRoom: 'Rename',

    // share
    participantLink: 'Participant link',
    qrFor: (url: string) => `QR code for ${url}`,
    embedSnippet: 'Embed snippet',
    hostLink: 'Host link (secret)',
    presentLink: 'Present view link (no secret, safe for a venue PC or OBS)',
    settings: 'Settings',

    // questions
    views: 'Show questions',
    viewReview: (n: number) => `Review (${n})`,
    viewDismissed: (n: number) => `Dismissed (${n})`,
    empty: {
      review: 'Nothing waiting for review.',
      live: 'No live questions yet.',
      answered: w.noAnswered,
      dismissed: 'No dismissed questions.',
    } as Record<string, string>,
    showNewQuestions: (n: number) => `${w.newQuestions(n)} — show`,
    upvoteCount: (n: number) => words.count(n, { one: 'upvote', other: 'upvotes' }),
    askedAt: (time: string) => `asked at ${time}`,
    replyBadge: 'Reply',
    /** The buttons of a question's actions (question-actions.ts), and the poll's reopen. */
    actions: {
      approve: 'Approve',
      dismiss: 'Dismiss',
      restore: 'Restore',
      answer: 'Mark answered',
      reopen: 'Reopen',
      label: 'Label',
      reply: 'Reply',
      edit: w.edit,
      delete: w.remove,
    },
    highlightToggle: (on: boolean): string => (on ? 'Highlight: on' : 'Highlight: off'),
    pinToggle: (on: boolean): string => (on ? 'Pinned: yes' : 'Pinned: no'),
    select: 'Select',
    selectAll: 'Select all',
    selectNone: 'Select none',
    selectedCount: (n: number) => `${words.integer(n)} selected`,
    bulkLabel: 'Selected questions',
    duplicatesTitle: (n: number) =>
      words.count(n, { one: 'group of duplicates', other: 'groups of duplicates' }),
    duplicateGroup: (text: string, others: number) =>
      `“${text}” and ${words.count(others, { one: 'similar question', other: 'similar questions' })}`,
    mergeInto: (n: number) => `Merge ${n} into one`,
    deleteConfirm: 'Delete this question for good?',
    questionText: 'Question text',
    labelText: 'Label (e.g. a topic)',
    replyText: 'Written reply (shown to everyone)',
    actionsFor: 'Actions',
    shortcuts: 'Keyboard shortcuts',
    shortcutsIntro: 'With a question focused (Tab to it, or click its text):',
    keys: [
      ['A', 'Approve'],
      ['D', 'Dismiss'],
      ['X', 'Mark answered / reopen'],
      ['H', 'Highlight on stage (one at a time)'],
      ['P', 'Pin / unpin'],
      ['E', 'Edit'],
      ['R', 'Reply'],
      ['L', 'Label'],
      ['S', 'Select for a bulk action (Shift-click a checkbox: a range)'],
      ['J / ↓', 'Next question'],
      ['K / ↑', 'Previous question'],
      ['?', 'This help'],
    ] as [string, string][],

    // polls
    pollNew: 'New poll',
    pollEdit: 'Edit poll',
    pollTitle: 'Question of the poll',
    pollKind: 'Kind',
    kinds: {
      single: 'Single choice',
      multiple: 'Multiple choice',
      open: 'Open answer',
      rating: `Rating (1–${ratingScale} stars)`,
    } as Record<string, string>,
    options: 'Options',
    option: (n: number) => `Option ${n}`,
    addOption: 'Add option',
    removeOption: (n: number) => `Remove option ${n}`,
    maxChoices: 'At most this many choices',
    createDraft: 'Save as draft',
    createOpen: 'Save and open',
    pollStatus: { draft: 'Draft', open: 'Voting', closed: 'Voting closed' } as Record<string, string>,
    current: 'Shown to participants',
    pollVotes: (n: number) => words.count(n, { one: 'vote', other: 'votes' }),
    polls: 'Polls',
    closePoll: 'End voting',
    resultsShown: 'Results: visible',
    resultsHiddenToggle: 'Results: hidden',
    moveUp: (title: string) => `Move “${title}” up`,
    moveDown: (title: string) => `Move “${title}” down`,
    moved: (title: string, n: number, of: number) => `“${title}” is now poll ${n} of ${of}.`,
    moderateAnswers: 'Moderate answers',
    answerStatus: { pending: 'waiting for approval', hidden: 'hidden' } as Record<string, string>,
    hideAnswer: 'Hide',
    showAnswer: 'Show again',
    mergeAnswers: (n: number) => `Merge selected answers (${n})`,
    duplicate: 'Duplicate',
    deletePollConfirm: 'Delete this poll and its votes?',
    noPolls: 'No polls yet.',
    ratingAverage: (average: number) => `Average ${words.decimal(average)} of ${ratingScale}`,
    resultsHiddenNote: 'Results are hidden from participants.',
    networkShare: (share: number, voters: number) =>
      `One network cast ${share} % of the votes (${voters}). Usual for a venue’s Wi-Fi, where everyone shares one address; otherwise one machine may be voting under many names.`,

    // present
    join: 'Join at',
    presentLabel: 'Present view',

    // join
    joinTitle: 'Take part',

    // the big screen (the host's control)
    screenControl: 'Big screen',
    screenNow: (what: string) => `Now on screen: ${what}`,
    screenShow: 'Show on screen',
    screenShowing: 'On screen',
    screenJoin: 'How to join (QR code)',
    screenBlank: 'Blank (title only)',
    screenQuestions: 'Top questions',
    screenPoll: (title: string) => `poll “${title}”`,
    screenQuestion: (text: string) => `question “${text}”`,
    screenGone: 'nothing (it was removed)',
    highlightedOffScreen: (text: string) => `The highlighted question is not on screen: “${text}”`,
    showHighlighted: 'Show it on screen',

    // the big screen itself (in the room's language)
    votingOpen: (n: number) => `${w.responses(n)} so far`,
    votingClosed: 'Voting closed',
    moreItems: (n: number) => `+ ${words.integer(n)} more`,
    percentOf: (percent: number, count: number) => `${percent} % (${words.integer(count)})`,
    privacyNote: 'Anonymous unless you give your name: no account, no cookies, no tracking.',

    // report
    reportTitle: 'The event in numbers',
    reportRefresh: 'Refresh',
    viewers: 'Viewers',
    peak: 'Peak concurrent',
    active: 'Active participants',
    upvotes: 'Upvotes',
    byStatus: 'Questions by status',
    byLabel: 'Questions by label',
    statusNames: {
      review: 'In review',
      live: 'Live',
      answered: w.answered,
      dismissed: 'Dismissed',
    } as Record<string, string>,
    reactionsOverTime: 'Reactions over time',
    reactionsChart: (total: number, minutes: number) =>
      `Bar chart: ${words.count(total, { one: 'reaction', other: 'reactions' })} over ${words.count(minutes, { one: 'minute', other: 'minutes' })}.`,
    noReactions: 'No reactions.',
    questionsList: 'All questions',
    time: 'Time',
    question: 'Question',
    statusCol: 'Status',
    recording: 'Recording',
    atRecording: (time: string) => `Watch at ${time}`,
    downloads: 'Downloads',
    download: (format: string) => `Download ${format}`,
    retentionNote: (date: string, days: number) =>
      `This room and its report are kept until ${date}, as this server erases rooms after ${days} days without activity. Download the report to keep it.`,
    recordingSettings: 'Recording',
    recordingSaved: 'Saved: the question list links into this recording.',
    roomSettings: 'Room',
    roomSettingsSaved: 'Saved: reports, the present view and the join page follow it.',
    eventPageSaved: 'Saved with the room: every host device shares this link and QR code.',
    contributions: 'Contributions',
    pollResponsesTotal: 'Poll responses',
    paragraphLabel: 'The event in numbers, ready to paste (in the room’s language)',
    downloadNames: {
      md: 'Markdown',
      txt: 'Text',
      chapters: 'YouTube chapters',
      json: 'JSON',
      numbers: 'CSV: numbers',
      questions: 'CSV: questions',
      polls: 'CSV: polls',
    } as Record<string, string>,
    includeAll: 'Full archive: with questions in review and dismissed ones',
    downloadsHint:
      'Published lists hold live and answered questions. Chapters list the answered questions for a YouTube description and need the recording’s start.',
    erase: 'Erase this room',
    eraseWarn: 'This deletes every question, poll and vote of this room on the server. It cannot be undone.',
    eraseConfirmLabel: (room: string) => `Type the room id “${room}” to confirm`,
    eraseConfirm: 'Erase for good',
    erased: 'The room was erased.',
    capReached: {
      questions: (n: number) => `Question limit reached (${words.integer(n)}): new questions are refused.`,
      polls: (n: number) => `Poll limit reached (${words.integer(n)}): delete a poll to create another.`,
      openAnswers: (n: number) =>
        `An open poll has reached its limit of ${words.integer(n)} different answers: new answers are refused.`,
      log: (n: number) =>
        `Log limit reached (${words.integer(n)} entries): participants can no longer act; you still can.`,
    } as Record<string, (n: number) => string>,
    capsLabel: 'Room limits',
    /** A whole number as the language writes it: "1,234". */
    number: words.integer,
  }) satisfies OwnOnly;

type Own = ReturnType<typeof en>;

const de = (words: Numbers, w: WidgetStrings): Own => ({
  langSwitch: 'Sprache',
  appTitle: 'Plenum-Moderationskonsole',
  home: 'Alle Räume',
  loading: 'Wird geladen…',
  copy: 'Kopieren',
  copied: 'Kopiert.',
  copyFailed: 'Kopieren nicht möglich. Bitte den Text markieren und von Hand kopieren.',
  yes: 'Ja',
  hostErrors: {
    room_full: 'Dieser Raum hat eine Obergrenze erreicht: Davon kann nichts mehr hinzukommen.',
    unauthorized:
      'Der Moderationsschlüssel passt nicht zu diesem Raum. Prüfen Sie den Moderationslink oder öffnen Sie den Raum in dem Browser, in dem Sie ihn angelegt haben.',
    forbidden: 'Der Schlüssel wird nicht akzeptiert.',
    passcode:
      'Dieser Raum braucht seinen Zugangscode (oder er hat sich geändert). Öffnen Sie diese Ansicht mit dem Link zur Präsentationsansicht aus dem Reiter „Teilen“ der Konsole: Er enthält den Code.',
    missingKey:
      'Dieser Link enthält keinen Moderationsschlüssel. Fügen Sie ihn unten ein oder öffnen Sie den vollständigen Moderationslink.',
    version: 'Der Server spricht eine andere Protokollversion. Bitte laden Sie die Seite neu.',
    rate_limited: 'Zu viele Aktionen auf einmal. Bitte kurz warten.',
    closed: 'Nicht mehr möglich: Das hat sich inzwischen geändert.',
    exists: 'Einen Raum mit dieser Kennung gibt es schon. Bitte eine andere wählen.',
    network: 'Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung.',
  },

  createTitle: 'Raum anlegen',
  roomTitle: 'Titel der Veranstaltung',
  roomId: 'Raumkennung (optional)',
  roomIdHint:
    'Bis zu 64 Buchstaben, Ziffern, Binde- und Unterstriche. Leer lassen für eine zufällige Kennung.',
  moderationPost: 'Erscheinen sofort (Nachmoderation)',
  moderationPre: 'Erst nach Freigabe (Vorabmoderation)',
  eventPage: 'Adresse der Veranstaltungsseite (optional)',
  eventPageHint:
    'Wo Sie die Widgets einbinden. Ohne sie nehmen Teilnehmende auf einer einfachen Seite dieses Servers teil.',
  passcodeLabel: 'Zugangscode (optional)',
  passcodeHint:
    'Mindestens 4 Zeichen. Teilnehmende brauchen ihn zum Eintreten; der Link für Teilnehmende und sein QR-Code können ihn enthalten. Der Moderationslink braucht keinen.',
  linkHasPasscode:
    'Dieser Link, sein QR-Code und der Link zur Präsentationsansicht enthalten den Zugangscode: Wer sie hat, kann eintreten. Geben Sie sie nur Ihrem Publikum.',
  passcodeUnknown:
    'Dieser Raum hat einen Zugangscode, den dieser Browser nicht kennt; die Links hier enthalten ihn daher nicht, und Teilnehmende tippen ihn ein. Setzen Sie ihn hier neu, damit die Links ihn enthalten.',
  savePasscode: 'Zugangscode festlegen',
  removePasscode: 'Zugangscode entfernen',
  passcodeSaved:
    'Gespeichert: Neue Teilnehmende brauchen diesen Zugangscode; Links und QR-Code enthalten ihn. Wer schon im Raum ist, bleibt.',
  passcodeRemoved: 'Zugangscode entfernt: Alle mit dem Link zum Raum können eintreten.',
  recordingUrl: 'Adresse der Aufzeichnung (optional)',
  recordingStart: 'Beginn der Aufzeichnung (optional)',
  recordingHint:
    'Wird mit dem Raum auf diesem Server gespeichert. Der Bericht verlinkt jede Frage auf ihre Stelle in der Aufzeichnung.',
  recordingZone: (zone: string) => `Stunden und Minuten nach der Uhr des Raums (${zone}).`,
  recordingFarAway: (date: string) =>
    `Dieser Beginn liegt mehr als einen Tag neben der Aktivität des Raums (${date}): Links in die Aufzeichnung träfen die Stelle nicht. Bitte das Datum prüfen. Gespeichert wird wie eingegeben.`,
  roomLang: 'Sprache des Raums',
  roomLangHint: 'In ihr sprechen der Bericht, die Präsentationsansicht und die Teilnahmeseite.',
  timeZone: 'Zeitzone',
  timeZoneHint: 'Zeiten im Bericht und der Beginn der Aufzeichnung folgen dieser Uhr, z. B. Europe/Berlin.',
  timeZoneInvalid: 'Das ist keine Zeitzone. Bitte eine aus der Liste wählen, z. B. Europe/Berlin.',
  adminToken: 'Admin-Token',
  adminTokenHint: 'Dieser Server verlangt zum Anlegen von Räumen sein Admin-Token.',
  adminTokenWrong: 'Das Admin-Token ist falsch.',
  create: 'Raum anlegen',
  creating: 'Wird angelegt…',
  yourRooms: 'In diesem Browser moderierte Räume',
  noRooms: 'Noch keine Räume. Legen Sie oben einen an.',
  open: 'Öffnen',
  removeFromList: 'Aus der Liste entfernen',
  removeNote: 'Entfernen vergisst den Raum nur in diesem Browser. Der Raum selbst bleibt auf dem Server.',
  keyWarning: 'Halten Sie den Moderationslink geheim: Wer ihn hat, kann diesen Raum moderieren.',
  keyLabel: 'Moderationsschlüssel',
  useKey: 'Mit diesem Schlüssel öffnen',

  tabsLabel: 'Bereiche des Raums',
  tabShare: 'Teilen',
  tabReport: 'Bericht',
  online: (n: number) => `${words.integer(n)} online`,
  presentOpen: 'Präsentationsansicht öffnen',
  newWindow: '(öffnet ein neues Fenster)',
  roomIdLabel: 'Raumkennung',
  renameRoom: 'Umbenennen',

  participantLink: 'Link für Teilnehmende',
  qrFor: (url: string) => `QR-Code für ${url}`,
  embedSnippet: 'Code zum Einbinden',
  hostLink: 'Moderationslink (geheim)',
  presentLink: 'Link zur Präsentationsansicht (ohne Geheimnis, sicher für Saal-PC oder OBS)',
  settings: 'Einstellungen',

  views: 'Fragen anzeigen',
  viewReview: (n: number) => `Zu prüfen (${n})`,
  viewDismissed: (n: number) => `Verworfen (${n})`,
  empty: {
    review: 'Nichts zu prüfen.',
    live: 'Noch keine offenen Fragen.',
    answered: w.noAnswered,
    dismissed: 'Keine verworfenen Fragen.',
  },
  showNewQuestions: (n: number) => `${w.newQuestions(n)} – anzeigen`,
  upvoteCount: (n: number) => words.count(n, { one: 'Unterstützung', other: 'Unterstützungen' }),
  askedAt: (time: string) => `gestellt um ${time}`,
  replyBadge: 'Antwort',
  actions: {
    approve: 'Freigeben',
    dismiss: 'Verwerfen',
    restore: 'Wiederherstellen',
    answer: 'Als beantwortet markieren',
    reopen: 'Wieder öffnen',
    label: 'Schlagwort',
    reply: 'Antworten',
    edit: w.edit,
    delete: w.remove,
  },
  highlightToggle: (on: boolean) => (on ? 'Hervorhebung: an' : 'Hervorhebung: aus'),
  pinToggle: (on: boolean) => (on ? 'Angeheftet: ja' : 'Angeheftet: nein'),
  select: 'Auswählen',
  selectAll: 'Alle auswählen',
  selectNone: 'Auswahl aufheben',
  selectedCount: (n: number) => `${words.integer(n)} ausgewählt`,
  bulkLabel: 'Ausgewählte Fragen',
  duplicatesTitle: (n: number) =>
    words.count(n, { one: 'Gruppe ähnlicher Fragen', other: 'Gruppen ähnlicher Fragen' }),
  duplicateGroup: (text: string, others: number) =>
    `„${text}“ und ${words.count(others, { one: 'ähnliche Frage', other: 'ähnliche Fragen' })}`,
  mergeInto: (n: number) => `${n} zu einer zusammenführen`,
  deleteConfirm: 'Diese Frage endgültig löschen?',
  questionText: 'Text der Frage',
  labelText: 'Schlagwort (z. B. ein Thema)',
  replyText: 'Schriftliche Antwort (für alle sichtbar)',
  actionsFor: 'Aktionen',
  shortcuts: 'Tastenkürzel',
  shortcutsIntro: 'Wenn eine Frage den Fokus hat (mit Tab hinspringen oder ihren Text anklicken):',
  keys: [
    ['A', 'Freigeben'],
    ['D', 'Verwerfen'],
    ['X', 'Beantwortet / wieder öffnen'],
    ['H', 'Auf der Bühne hervorheben (immer nur eine)'],
    ['P', 'Anheften / lösen'],
    ['E', 'Bearbeiten'],
    ['R', 'Antworten'],
    ['L', 'Schlagwort'],
    ['S', 'Für eine Sammelaktion auswählen (Umschalt-Klick aufs Kästchen: ein Bereich)'],
    ['J / ↓', 'Nächste Frage'],
    ['K / ↑', 'Vorige Frage'],
    ['?', 'Diese Hilfe'],
  ],

  pollNew: 'Neue Umfrage',
  pollEdit: 'Umfrage bearbeiten',
  pollTitle: 'Fragestellung',
  pollKind: 'Art',
  kinds: {
    single: 'Einfachauswahl',
    multiple: 'Mehrfachauswahl',
    open: 'Freie Antwort',
    rating: `Bewertung (1–${ratingScale} Sterne)`,
  },
  options: 'Antwortmöglichkeiten',
  option: (n: number) => `Antwortmöglichkeit ${n}`,
  addOption: 'Antwortmöglichkeit hinzufügen',
  removeOption: (n: number) => `Antwortmöglichkeit ${n} entfernen`,
  maxChoices: 'Höchstens so viele Auswahlen',
  createDraft: 'Als Entwurf speichern',
  createOpen: 'Speichern und öffnen',
  pollStatus: { draft: 'Entwurf', open: 'Läuft', closed: 'Beendet' },
  current: 'Wird Teilnehmenden gezeigt',
  pollVotes: (n: number) => words.count(n, { one: 'Stimme', other: 'Stimmen' }),
  polls: 'Umfragen',
  closePoll: 'Abstimmung beenden',
  resultsShown: 'Ergebnisse: sichtbar',
  resultsHiddenToggle: 'Ergebnisse: verborgen',
  moveUp: (title: string) => `„${title}“ nach oben`,
  moveDown: (title: string) => `„${title}“ nach unten`,
  moved: (title: string, n: number, of: number) => `„${title}“ ist jetzt Umfrage ${n} von ${of}.`,
  moderateAnswers: 'Antworten moderieren',
  answerStatus: { pending: 'wartet auf Freigabe', hidden: 'verborgen' },
  hideAnswer: 'Verbergen',
  showAnswer: 'Wieder zeigen',
  mergeAnswers: (n: number) => `Ausgewählte Antworten zusammenführen (${n})`,
  duplicate: 'Duplizieren',
  deletePollConfirm: 'Diese Umfrage samt Stimmen löschen?',
  noPolls: 'Noch keine Umfragen.',
  ratingAverage: (average: number) => `Durchschnitt ${words.decimal(average)} von ${ratingScale}`,
  resultsHiddenNote: 'Die Ergebnisse sind für Teilnehmende verborgen.',
  networkShare: (share: number, voters: number) =>
    `Ein Netzwerk hat ${share} % der Stimmen abgegeben (${voters}). Üblich im WLAN eines Veranstaltungsorts, wo alle eine Adresse teilen; sonst stimmt womöglich ein Rechner unter vielen Namen ab.`,

  join: 'Mitmachen unter',
  presentLabel: 'Präsentationsansicht',

  joinTitle: 'Mitmachen',

  screenControl: 'Leinwand',
  screenNow: (what: string) => `Jetzt auf der Leinwand: ${what}`,
  screenShow: 'Auf der Leinwand zeigen',
  screenShowing: 'Auf der Leinwand',
  screenJoin: 'Mitmachen (QR-Code)',
  screenBlank: 'Leer (nur Titel)',
  screenQuestions: 'Top-Fragen',
  screenPoll: (title: string) => `Umfrage „${title}“`,
  screenQuestion: (text: string) => `Frage „${text}“`,
  screenGone: 'nichts (es wurde entfernt)',
  highlightedOffScreen: (text: string) => `Die hervorgehobene Frage ist nicht auf der Leinwand: „${text}“`,
  showHighlighted: 'Auf der Leinwand zeigen',

  votingOpen: (n: number) => `Bisher ${w.responses(n)}`,
  votingClosed: 'Abstimmung beendet',
  moreItems: (n: number) => `+ ${words.integer(n)} weitere`,
  percentOf: (percent: number, count: number) => `${percent} % (${words.integer(count)})`,
  privacyNote: 'Anonym, solange Sie keinen Namen angeben: kein Konto, keine Cookies, kein Tracking.',

  reportTitle: 'Die Veranstaltung in Zahlen',
  reportRefresh: 'Aktualisieren',
  viewers: 'Zuschauende',
  peak: 'Maximal gleichzeitig verbunden',
  active: 'Aktive Teilnehmende',
  upvotes: 'Unterstützungen',
  byStatus: 'Fragen nach Status',
  byLabel: 'Fragen nach Schlagwort',
  statusNames: {
    review: 'In Prüfung',
    live: 'Offen',
    answered: w.answered,
    dismissed: 'Verworfen',
  },
  reactionsOverTime: 'Reaktionen im Verlauf',
  reactionsChart: (total: number, minutes: number) =>
    `Balkendiagramm: ${words.count(total, { one: 'Reaktion', other: 'Reaktionen' })} über ${words.count(minutes, { one: 'Minute', other: 'Minuten' })}.`,
  noReactions: 'Keine Reaktionen.',
  questionsList: 'Alle Fragen',
  time: 'Uhrzeit',
  question: 'Frage',
  statusCol: 'Status',
  recording: 'Aufzeichnung',
  atRecording: (time: string) => `Ansehen ab ${time}`,
  downloads: 'Herunterladen',
  download: (format: string) => `${format} herunterladen`,
  retentionNote: (date: string, days: number) =>
    `Dieser Raum und sein Bericht bleiben bis zum ${date} erhalten, denn dieser Server löscht Räume nach ${days} Tagen ohne Aktivität. Laden Sie den Bericht herunter, um ihn zu behalten.`,
  recordingSettings: 'Aufzeichnung',
  recordingSaved: 'Gespeichert: Die Fragenliste verlinkt in diese Aufzeichnung.',
  roomSettings: 'Raum',
  roomSettingsSaved: 'Gespeichert: Berichte, Präsentationsansicht und Teilnahmeseite folgen dem.',
  eventPageSaved: 'Mit dem Raum gespeichert: Alle Geräte der Moderation teilen diesen Link und QR-Code.',
  contributions: 'Beiträge',
  pollResponsesTotal: 'Antworten auf Umfragen',
  paragraphLabel: 'Das Event in Zahlen, zum Einfügen (in der Sprache des Raums)',
  downloadNames: {
    md: 'Markdown',
    txt: 'Text',
    chapters: 'YouTube-Kapitel',
    json: 'JSON',
    numbers: 'CSV: Zahlen',
    questions: 'CSV: Fragen',
    polls: 'CSV: Umfragen',
  },
  includeAll: 'Vollständiges Archiv: mit Fragen in Prüfung und verworfenen',
  downloadsHint:
    'Veröffentlichte Listen enthalten offene und beantwortete Fragen. Kapitel listen die beantworteten Fragen für eine YouTube-Beschreibung und brauchen den Beginn der Aufzeichnung.',
  erase: 'Diesen Raum löschen',
  eraseWarn:
    'Damit werden alle Fragen, Umfragen und Stimmen dieses Raums auf dem Server gelöscht. Das lässt sich nicht rückgängig machen.',
  eraseConfirmLabel: (room: string) => `Zur Bestätigung die Raumkennung „${room}“ eingeben`,
  eraseConfirm: 'Endgültig löschen',
  erased: 'Der Raum wurde gelöscht.',
  capReached: {
    questions: (n) => `Fragen-Obergrenze erreicht (${words.integer(n)}): Neue Fragen werden abgelehnt.`,
    polls: (n) =>
      `Umfragen-Obergrenze erreicht (${words.integer(n)}): Löschen Sie eine Umfrage, um eine neue anzulegen.`,
    openAnswers: (n) =>
      `Eine offene Umfrage hat ihre Obergrenze von ${words.integer(n)} verschiedenen Antworten erreicht: Neue Antworten werden abgelehnt.`,
    log: (n) =>
      `Protokoll-Obergrenze erreicht (${words.integer(n)} Einträge): Teilnehmende können nichts mehr tun, Sie schon.`,
  },
  capsLabel: 'Obergrenzen des Raums',
  number: words.integer,
});

/** The console's strings in one language: the widgets' and its own. */
export type Strings = WidgetStrings & Own;

const own = { en, de };
const catalogue: Partial<Record<Lang, Strings>> = {};
const storageKey = 'plenum:console:lang';

function initialLang(): Lang {
  try {
    const stored = langOf(localStorage.getItem(storageKey));
    if (stored) return stored;
  } catch {
    // Storage may be blocked; the browser's language is a fine default.
  }
  return browserLang();
}

export const $lang = atom<Lang>(initialLang());

export function setLang(lang: Lang): void {
  $lang.set(lang);
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not remembered, but switched for this page.
  }
}

/** The strings of one language, whatever the console speaks. */
export const stringsOf = (lang: Lang): Strings =>
  (catalogue[lang] ??= { ...widgetStrings(lang), ...own[lang](numbers(lang), widgetStrings(lang)) });

/** The strings of the current language. */
export const t = (): Strings => stringsOf($lang.get());

/**
 * The language of a room's own pages (the big screen, the join page): the room's, once it has
 * one, else the console's.
 */
export const roomLang = (state: { lang?: string } | undefined): Lang => langOf(state?.lang) ?? $lang.get();

/** The message for a refusal: a PlenumError (socket), an ApiError (HTTP), or their code. */
export function errorText(reason: PlenumError | ApiError | ErrorCode | unknown): string {
  const code =
    typeof reason === 'string'
      ? reason
      : reason instanceof PlenumError || reason instanceof ApiError
        ? reason.code
        : 'fallback';
  const s = t();
  return s.hostErrors[code] ?? s.errors[code] ?? s.errors.fallback!;
}
