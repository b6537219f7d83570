/**
 * The event in numbers: what the host takes home after the event. Plain JSON data, so the
 * HTTP API can send it as is or turn it into CSV, Markdown, text or chapters. Never a
 * participant id.
 */
import { activityLimits } from './limits.js';
import { pollResults } from './polls.js';
import { leaderboard } from './quiz.js';
import { minuteMs } from './reactions.js';
import { recordingLink, type Recording } from './recording.js';
import type { QuizQuestionRecord, ResetRecord, RoomRecord } from './room.js';
import type { Lang } from './settings.js';
import {
  questionStatuses,
  type Moderation,
  type NetworkShare,
  type PollKind,
  type PollResults,
  type PollStatus,
  type LeaderboardEntry,
  type QuestionStatus,
  type QuizKind,
  type SurveyKind,
} from './state.js';

export interface ReportQuestion {
  id: string;
  text: string;
  name?: string;
  status: QuestionStatus;
  label?: string;
  upvotes: number;
  answered: boolean;
  createdAt: number;
  answeredAt?: number;
  /** The host's reply, when there is one. */
  reply?: string;
  /**
   * The recording at the moment the question was answered (asked, while it is not), when the
   * room has a recording with a start time: where a viewer hears the answer.
   */
  recordingAt?: string;
}

export interface ReportPoll {
  id: string;
  title: string;
  kind: PollKind;
  status: PollStatus;
  options: string[];
  responses: number;
  results: PollResults;
  /** One network cast an unusual share of the votes (counted in memory; no address kept). */
  network?: NetworkShare;
  /**
   * What the report prints per option (single, multiple) or star (rating): the share of
   * respondents. Single choice and rating sum to exactly 100; multiple choice may sum to
   * more, as one person ticks several. Empty for open polls.
   */
  percentages: number[];
}

export interface ReportQuizQuestion {
  /** 0-based, as in the quiz. */
  index: number;
  text: string;
  kind: QuizKind;
  options: string[];
  correct: number[];
  /** Seconds. */
  timeLimit: number;
  /** When the host started it; absent for a question not played. */
  startedAt?: number;
  responses: number;
  /** Answers per option. */
  counts: number[];
  /** Respondents wholly right, in whole percent of the respondents (0 without any). */
  correctShare: number;
  /** The median time to answer in ms (the mean of the middle two for an even count); null without answers. */
  medianMs: number | null;
}

export interface ReportQuiz {
  id: string;
  title: string;
  status: PollStatus;
  speedPoints: boolean;
  players: number;
  questions: ReportQuizQuestion[];
  /** The final leaderboard's first places (revealed questions count), by number and nickname. */
  leaderboard: LeaderboardEntry[];
}

export interface ReportSurveyQuestion {
  text: string;
  kind: SurveyKind;
  options: string[];
  responses: number;
  results: PollResults;
  /** As a poll's `percentages`. */
  percentages: number[];
}

export interface ReportSurvey {
  id: string;
  title: string;
  status: PollStatus;
  /** Participants who sent answers. */
  responses: number;
  questions: ReportSurveyQuestion[];
}

export interface ReportMinute {
  /** Minutes since the room was created (0 = the first minute). */
  minute: number;
  /** When the minute began, ms since epoch. */
  at: number;
  total: number;
  byEmoji: Record<string, number>;
}

export interface Report {
  room: string;
  title: string;
  moderation: Moderation;
  /** The language and time zone this report is told in: the room's, unless a download chose others. */
  lang: Lang;
  timeZone: string;
  createdAt: number;
  recording?: Recording;
  eventPage?: string;
  /** "The event in numbers" as a paragraph to paste, in `lang` (written by the server). */
  paragraph?: string;
  /**
   * Set by a server that expires rooms: how long it keeps an idle room, and when this one is
   * erased (report included) unless something happens in it before.
   */
  retention?: { days: number; expiresAt: number };
  audience: {
    /** Distinct participants who ever joined. */
    viewers: number;
    /** Most connections open at once (tabs count), and when. */
    peakConnections: number;
    peakAt: number | null;
    /** Connections open when the report was made. */
    connectionsNow: number;
    /** Distinct participants who asked, upvoted, voted or reacted at least once. */
    activeParticipants: number;
  };
  questions: {
    total: number;
    byStatus: Record<QuestionStatus, number>;
    /** Questions per label; unlabelled ones are not listed. */
    byLabel: Record<string, number>;
    upvotes: number;
    /** Every question in the order asked. */
    list: ReportQuestion[];
  };
  /** What the audience wrote: every question asked and every open answer given. */
  contributions: {
    total: number;
    questions: number;
    openAnswers: number;
    /** Questions per label (labels are on questions). */
    byLabel: Record<string, number>;
  };
  /** Responses to all polls together. */
  pollResponses: number;
  polls: ReportPoll[];
  quizzes: ReportQuiz[];
  surveys: ReportSurvey[];
  /** Rehearsal resets: when, what, and how many answers each removed. */
  resets: ResetRecord[];
  reactions: {
    total: number;
    byEmoji: Record<string, number>;
    /** Minutes with at least one reaction, in order; quiet minutes are left out. */
    perMinute: ReportMinute[];
  };
}

export interface ReportDefaults {
  /** For rooms that have none of their own (made before rooms had a language). */
  lang: Lang;
  timeZone: string;
}

/** Rounded share of respondents per option: ticks of multiple choice count per person. */
function shareOfRespondents(counts: readonly number[], responses: number): number[] {
  return counts.map((count) => (responses === 0 ? 0 : Math.round((count * 100) / responses)));
}

function reportPercentages(results: PollResults): number[] {
  switch (results.kind) {
    case 'single':
    case 'rating':
      return [...results.percentages];
    case 'multiple':
      return shareOfRespondents(results.counts, results.responses);
    case 'open':
    case 'ranking':
      return [];
  }
}

/** The median of answer times, ms; the mean of the two middle ones for an even count. */
export function medianMs(question: Pick<QuizQuestionRecord, 'answers'>): number | null {
  const times = [...question.answers.values()].map((answer) => answer.ms).sort((a, b) => a - b);
  if (times.length === 0) return null;
  const middle = times.length >> 1;
  return times.length % 2 ? times[middle]! : Math.round((times[middle - 1]! + times[middle]!) / 2);
}

function reportQuizzes(room: RoomRecord): ReportQuiz[] {
  return [...room.quizzes.values()].map((quiz) => ({
    id: quiz.id,
    title: quiz.title,
    status: quiz.status,
    speedPoints: quiz.speedPoints,
    players: quiz.scores.size,
    questions: quiz.questions.map((question, index) => ({
      index,
      text: question.text,
      kind: question.kind,
      options: [...question.options],
      correct: [...question.correct],
      timeLimit: question.timeLimit,
      ...(question.startedAt !== undefined && { startedAt: question.startedAt }),
      responses: question.answers.size,
      counts: [...question.tally],
      correctShare: question.answers.size ? Math.round((question.right * 100) / question.answers.size) : 0,
      medianMs: medianMs(question),
    })),
    leaderboard: leaderboard(room, quiz, activityLimits.leaderboard),
  }));
}

function reportSurveys(room: RoomRecord): ReportSurvey[] {
  return [...room.surveys.values()].map((survey) => ({
    id: survey.id,
    title: survey.title,
    status: survey.status,
    responses: survey.responses.size,
    questions: survey.questions.map((question) => {
      const results = pollResults(question);
      return {
        text: question.title,
        kind: question.kind as SurveyKind,
        options: [...question.options],
        responses: question.responses.size,
        results,
        percentages: reportPercentages(results),
      };
    }),
  }));
}

export function report(room: RoomRecord, defaults: ReportDefaults = { lang: 'en', timeZone: 'UTC' }): Report {
  const byStatus = Object.fromEntries(questionStatuses.map((status) => [status, 0])) as Record<
    QuestionStatus,
    number
  >;
  // A Map, not `{}`: a label is free text, and "__proto__" must stay a label.
  const byLabel = new Map<string, number>();
  let upvotes = 0;
  const list: ReportQuestion[] = [];
  for (const question of room.questions.values()) {
    byStatus[question.status] += 1;
    if (question.label !== undefined) byLabel.set(question.label, (byLabel.get(question.label) ?? 0) + 1);
    upvotes += question.upvoters.size;
    const link = recordingLink(room.recording, question.answeredAt ?? question.createdAt);
    list.push({
      id: question.id,
      text: question.text,
      ...(question.name !== undefined && { name: question.name }),
      status: question.status,
      ...(question.label !== undefined && { label: question.label }),
      upvotes: question.upvoters.size,
      answered: question.status === 'answered',
      createdAt: question.createdAt,
      ...(question.answeredAt !== undefined && { answeredAt: question.answeredAt }),
      ...(question.reply !== undefined && { reply: question.reply }),
      ...(link !== undefined && { recordingAt: link }),
    });
  }

  const polls: ReportPoll[] = [...room.polls.values()].map((poll) => {
    const results = pollResults(poll);
    return {
      id: poll.id,
      title: poll.title,
      kind: poll.kind,
      status: poll.status,
      options: [...poll.options],
      responses: poll.responses.size,
      results,
      percentages: reportPercentages(results),
      ...(poll.network && { network: { ...poll.network } }),
    };
  });
  const openAnswers = polls.reduce((sum, poll) => sum + (poll.kind === 'open' ? poll.responses : 0), 0);
  const labels = Object.fromEntries(byLabel);

  const perMinute: ReportMinute[] = [...room.reactionMinutes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minute, byEmoji]) => ({
      minute,
      at: room.createdAt + minute * minuteMs,
      total: Object.values(byEmoji).reduce((sum, count) => sum + count, 0),
      byEmoji: { ...byEmoji },
    }));

  return {
    room: room.id,
    title: room.title,
    moderation: room.moderation,
    lang: room.lang ?? defaults.lang,
    timeZone: room.timeZone ?? defaults.timeZone,
    createdAt: room.createdAt,
    ...(room.recording && { recording: { ...room.recording } }),
    ...(room.eventPage !== undefined && { eventPage: room.eventPage }),
    audience: {
      viewers: room.presence.viewers.size,
      peakConnections: room.presence.peak,
      peakAt: room.presence.peakAt,
      connectionsNow: room.presence.online,
      activeParticipants: room.active.size,
    },
    questions: { total: list.length, byStatus, byLabel: labels, upvotes, list },
    contributions: {
      total: list.length + openAnswers,
      questions: list.length,
      openAnswers,
      byLabel: { ...labels },
    },
    pollResponses: polls.reduce((sum, poll) => sum + poll.responses, 0),
    polls,
    quizzes: reportQuizzes(room),
    surveys: reportSurveys(room),
    resets: room.resets.map((reset) => ({ ...reset })),
    reactions: {
      total: Object.values(room.reactions).reduce((sum, count) => sum + count, 0),
      byEmoji: { ...room.reactions },
      perMinute,
    },
  };
}
