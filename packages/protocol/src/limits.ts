/** Wire protocol version; a client speaking another version is refused with `version`. */
export const PROTOCOL_VERSION = 1;

/** The limits every side agrees on. The server enforces them; the UI shows them. */
export const limits = {
  questionText: 500,
  displayName: 60,
  openAnswer: 100,
  pollTitle: 200,
  pollOption: 100,
  pollOptions: 20,
  label: 40,
  /** Questions or answer groups one merge may take in. */
  mergeMax: 50,
  reply: 500,
  roomTitle: 120,
  recordingUrl: 2000,
  emoji: 16,
  emojis: 12,
  actionId: 64,
  participantId: 64,
  /** A room's passcode: what a host reads out or prints, so short but not trivial. */
  passcodeMin: 4,
  passcode: 64,
  /** Frames over this close the connection with 1009. */
  frameBytes: 16 * 1024,
  /** Reactions a participant may send per second; more are dropped with `rate_limited`. */
  reactionsPerSecond: 5,
  /** Any action: a short burst allowance, refilled per second. */
  actionsPerSecond: 20,
  actionsBurst: 40,
  /** A welcome carries this many questions per list (status) and order; the rest are paged. */
  welcomeQuestions: 100,
  /** The host's review queue comes whole up to this many. */
  welcomeReview: 1000,
  /** Questions per `more` page. */
  pageQuestions: 100,
} as const;

/**
 * The limits of quizzes, ranking polls, surveys and nicknames: apart from `limits`, which
 * plenum.js reads, so a page without these elements downloads none of them.
 */
export const activityLimits = {
  /** Options a ranking poll may have: more than ten are hard to put in order. */
  rankingOptions: 10,
  /** A quiz question's text; its options are `pollOption` long, at most `pollOptions`. */
  quizQuestion: 300,
  quizQuestions: 50,
  /** A quiz question's time limit in seconds: the range and the default. */
  quizTimeMin: 5,
  quizTimeMax: 300,
  quizTime: 20,
  /** Places on a quiz's leaderboard (the big screen's top ten). */
  leaderboard: 10,
  /** A player's nickname on the leaderboard. */
  nickname: 24,
  surveyQuestion: 300,
  surveyQuestions: 30,
} as const;

/** Timing of the server's coalescing: reaction bursts and patch ticks. */
export const timing = {
  /** Patches go out at most this often to a client (≈ 20/s). */
  tickMs: 50,
  /** Reactions are summed into bursts per window. */
  burstMs: 250,
} as const;

export const defaultEmojis = ['👍', '👏', '❤️', '😂', '🎉', '🤔'] as const;
