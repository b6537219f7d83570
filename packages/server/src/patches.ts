/**
 * Coalesces changes between ticks: however many actions arrive, each client receives at
 * most one patch per tick, built from the entities' state at that moment. There are two
 * audiences, each serialised once per tick: the public and the hosts (who also see what
 * waits for moderation, drafts, and hidden results).
 */
import {
  capsReached,
  countQuestions,
  isPublicPoll,
  isPublicQuestion,
  isPublicQuiz,
  isPublicSurvey,
  pollView,
  questionView,
  quizView,
  surveyView,
  timing,
  type Changes,
  type Patch,
  type RoomRecord,
} from '@plenum/protocol';

const onlineEveryMs = 1000;

export interface TickPatches {
  public: Patch;
  host: Patch;
}

export class PatchBuilder {
  #questions = new Set<string>();
  /** Questions whose upvote count is all that changed: they travel as numbers, not whole. */
  #counts = new Set<string>();
  #removedQuestions = new Set<string>();
  #polls = new Set<string>();
  #removedPolls = new Set<string>();
  /** Quizzes and surveys: changed, and removed. */
  #quizzes = [new Set<string>(), new Set<string>()] as const;
  #surveys = [new Set<string>(), new Set<string>()] as const;
  #room = false;
  /** The language, time zone or event page changed. */
  #settings = false;
  #currentPoll = false;
  #screen = false;
  /** Reactions since the last burst went out, per emoji. */
  #burst = new Map<string, number>();
  #burstStarted = 0;
  #online: number | undefined;
  #onlineSentAt = -Infinity;
  #onlineDue: number | undefined;
  /** Participants whose own view (their questions in review, upvotes, votes) changed. */
  readonly mine = new Set<string>();
  /** The caps reached as hosts last heard of them (JSON), to tell them when that changes. */
  #full = '{}';

  add(changes: Changes, participant?: string, countsOnly = false): void {
    for (const id of changes.questions ?? []) (countsOnly ? this.#counts : this.#questions).add(id);
    for (const id of changes.removedQuestions ?? []) {
      this.#questions.delete(id);
      this.#removedQuestions.add(id);
    }
    for (const id of changes.polls ?? []) this.#polls.add(id);
    for (const id of changes.removedPolls ?? []) {
      this.#polls.delete(id);
      this.#removedPolls.add(id);
    }
    mark(this.#quizzes, changes.quizzes, changes.removedQuizzes);
    mark(this.#surveys, changes.surveys, changes.removedSurveys);
    if (changes.title !== undefined || changes.moderation !== undefined) this.#room = true;
    if (changes.settings) this.#settings = true;
    if (changes.currentPoll !== undefined) this.#currentPoll = true;
    if (changes.screen !== undefined) this.#screen = true;
    for (const [emoji, count] of Object.entries(changes.reactions ?? {})) {
      this.#burst.set(emoji, (this.#burst.get(emoji) ?? 0) + count);
    }
    if (changes.mine && participant !== undefined) this.mine.add(participant);
  }

  /** The count changes with every join: everyone hears of it at most once per second. */
  online(count: number, now: number): void {
    this.#online = count;
    this.#onlineDue ??= Math.max(now, this.#onlineSentAt + onlineEveryMs);
  }

  /** Something waits for a later tick (a burst whose window is not over, a held online count). */
  get pending(): boolean {
    return this.#burst.size > 0 || this.#online !== undefined;
  }

  /** This tick's patches, or nothing when nothing changed. */
  take(record: RoomRecord, seq: number, now: number): TickPatches | undefined {
    const shared: Omit<Patch, 'type' | 'seq'> = {};
    let changed = false;
    if (this.#room) {
      shared.title = record.title;
      shared.moderation = record.moderation;
      this.#room = false;
      changed = true;
    }
    if (this.#settings) {
      if (record.lang !== undefined) shared.lang = record.lang;
      if (record.timeZone !== undefined) shared.timeZone = record.timeZone;
      shared.eventPage = record.eventPage ?? null;
      this.#settings = false;
      changed = true;
    }
    if (this.#currentPoll) {
      shared.currentPoll = record.currentPoll;
      this.#currentPoll = false;
      changed = true;
    }
    if (this.#screen) {
      shared.screen = record.screen;
      this.#screen = false;
      changed = true;
    }
    // Reactions travel as new totals once per burst window: never one per click.
    if (this.#burst.size > 0 && now - this.#burstStarted >= timing.burstMs) {
      shared.reactions = {};
      for (const emoji of this.#burst.keys()) shared.reactions[emoji] = record.reactions[emoji] ?? 0;
      this.#burst.clear();
      this.#burstStarted = now;
      changed = true;
    }
    if (this.#online !== undefined && now >= this.#onlineDue!) {
      shared.online = this.#online;
      this.#online = this.#onlineDue = undefined;
      this.#onlineSentAt = now;
      changed = true;
    }

    const publicPatch: Patch = { type: 'patch', seq, ...shared };
    const hostPatch: Patch = { type: 'patch', seq, ...shared };
    if (this.#counts.size > 0) {
      const visible: Record<string, number> = {};
      const all: Record<string, number> = {};
      let any = false;
      for (const id of this.#counts) {
        const question = record.questions.get(id);
        if (!question || this.#questions.has(id) || this.#removedQuestions.has(id)) continue;
        all[id] = question.upvoters.size;
        if (isPublicQuestion(question)) visible[id] = question.upvoters.size;
        any = true;
      }
      if (any) {
        changed = true;
        publicPatch.upvotes = visible;
        hostPatch.upvotes = all;
      }
      this.#counts.clear();
    }
    if (this.#questions.size > 0 || this.#removedQuestions.size > 0) {
      changed = true;
      const visible = [];
      const hidden = [...this.#removedQuestions];
      const all = [];
      for (const id of this.#questions) {
        const question = record.questions.get(id);
        if (!question) {
          hidden.push(id);
          continue;
        }
        const view = questionView(question);
        all.push(view);
        // A question leaving the public (dismissed, back to review) is removed from public copies.
        if (isPublicQuestion(question)) visible.push(view);
        else hidden.push(id);
      }
      if (visible.length) publicPatch.questions = visible;
      if (hidden.length) publicPatch.removedQuestions = hidden;
      if (all.length) hostPatch.questions = all;
      if (this.#removedQuestions.size) hostPatch.removedQuestions = [...this.#removedQuestions];
      // Clients hold a window of the questions: the counts say how many each list has in all.
      publicPatch.questionCounts = countQuestions(record.questions.values(), false);
      hostPatch.questionCounts = countQuestions(record.questions.values(), true);
      this.#questions.clear();
      this.#removedQuestions.clear();
    }
    if (this.#polls.size > 0 || this.#removedPolls.size > 0) {
      changed = true;
      const visible = [];
      const hidden = [...this.#removedPolls];
      const all = [];
      for (const id of this.#polls) {
        const poll = record.polls.get(id);
        if (!poll) {
          hidden.push(id);
          continue;
        }
        all.push(pollView(poll, true));
        if (isPublicPoll(poll)) visible.push(pollView(poll));
        else hidden.push(id);
      }
      if (visible.length) publicPatch.polls = visible;
      if (hidden.length) publicPatch.removedPolls = hidden;
      if (all.length) hostPatch.polls = all;
      if (this.#removedPolls.size) hostPatch.removedPolls = [...this.#removedPolls];
      this.#polls.clear();
      this.#removedPolls.clear();
    }
    const quizzes = entities(
      this.#quizzes,
      (id) => record.quizzes.get(id),
      isPublicQuiz,
      (quiz, host) => quizView(record, quiz, host),
    );
    if (quizzes) {
      changed = true;
      Object.assign(publicPatch, { quizzes: quizzes.public, removedQuizzes: quizzes.removedPublic });
      Object.assign(hostPatch, { quizzes: quizzes.host, removedQuizzes: quizzes.removedHost });
    }
    const surveys = entities(this.#surveys, (id) => record.surveys.get(id), isPublicSurvey, surveyView);
    if (surveys) {
      changed = true;
      Object.assign(publicPatch, { surveys: surveys.public, removedSurveys: surveys.removedPublic });
      Object.assign(hostPatch, { surveys: surveys.host, removedSurveys: surveys.removedHost });
    }
    const full = capsReached(record) ?? {};
    const fullJson = JSON.stringify(full);
    if (fullJson !== this.#full) {
      this.#full = fullJson;
      hostPatch.full = full;
      changed = true;
    }
    return changed ? { public: publicPatch, host: hostPatch } : undefined;
  }
}

type Marks = readonly [changed: Set<string>, removed: Set<string>];

function mark([changed, removed]: Marks, ids: string[] | undefined, gone: string[] | undefined): void {
  for (const id of ids ?? []) changed.add(id);
  for (const id of gone ?? []) {
    changed.delete(id);
    removed.add(id);
  }
}

/**
 * The views of the marked quizzes or surveys for both audiences, as polls travel: one that
 * is gone, or no longer public, is removed from public copies. Empty lists are left out.
 */
function entities<R, V>(
  [changed, removed]: Marks,
  get: (id: string) => R | undefined,
  isPublic: (record: R) => boolean,
  view: (record: R, host: boolean) => V,
) {
  if (changed.size === 0 && removed.size === 0) return undefined;
  const publicViews: V[] = [];
  const hostViews: V[] = [];
  const removedPublic = [...removed];
  const removedHost = [...removed];
  for (const id of changed) {
    const record = get(id);
    if (!record) {
      removedPublic.push(id);
      removedHost.push(id);
      continue;
    }
    hostViews.push(view(record, true));
    if (isPublic(record)) publicViews.push(view(record, false));
    else removedPublic.push(id);
  }
  changed.clear();
  removed.clear();
  const some = <T>(list: T[]) => (list.length ? list : undefined);
  return {
    public: some(publicViews),
    host: some(hostViews),
    removedPublic: some(removedPublic),
    removedHost: some(removedHost),
  };
}
