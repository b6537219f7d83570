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
    const shared = this.#takeShared(record, now);
    const patches: TickPatches = {
      public: { type: 'patch', seq, ...shared },
      host: { type: 'patch', seq, ...shared },
    };
    // Every part is taken (each clears what it sent), in this order: counts look at the questions.
    const changed = [
      Object.keys(shared).length > 0,
      this.#takeCounts(record, patches),
      this.#takeQuestions(record, patches),
      this.#takePolls(record, patches),
      this.#takeActivities(record, patches),
      this.#takeFull(record, patches),
    ];
    return changed.includes(true) ? patches : undefined;
  }

  /** What both audiences see alike: the room's settings, the screen, reactions, the online count. */
  #takeShared(record: RoomRecord, now: number): Omit<Patch, 'type' | 'seq'> {
    const shared: Omit<Patch, 'type' | 'seq'> = {};
    if (this.#room) {
      shared.title = record.title;
      shared.moderation = record.moderation;
      this.#room = false;
    }
    if (this.#settings) {
      if (record.lang !== undefined) shared.lang = record.lang;
      if (record.timeZone !== undefined) shared.timeZone = record.timeZone;
      shared.eventPage = record.eventPage ?? null;
      this.#settings = false;
    }
    if (this.#currentPoll) {
      shared.currentPoll = record.currentPoll;
      this.#currentPoll = false;
    }
    if (this.#screen) {
      shared.screen = record.screen;
      this.#screen = false;
    }
    // Reactions travel as new totals once per burst window: never one per click.
    if (this.#burst.size > 0 && now - this.#burstStarted >= timing.burstMs) {
      shared.reactions = {};
      for (const emoji of this.#burst.keys()) shared.reactions[emoji] = record.reactions[emoji] ?? 0;
      this.#burst.clear();
      this.#burstStarted = now;
    }
    if (this.#online !== undefined && now >= this.#onlineDue!) {
      shared.online = this.#online;
      this.#online = this.#onlineDue = undefined;
      this.#onlineSentAt = now;
    }
    return shared;
  }

  /** Upvote counts of questions that travel whole in no patch of this tick. */
  #takeCounts(record: RoomRecord, patches: TickPatches): boolean {
    if (this.#counts.size === 0) return false;
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
    this.#counts.clear();
    if (!any) return false;
    patches.public.upvotes = visible;
    patches.host.upvotes = all;
    return true;
  }

  #takeQuestions(record: RoomRecord, patches: TickPatches): boolean {
    if (this.#questions.size === 0 && this.#removedQuestions.size === 0) return false;
    const removed = this.#removedQuestions;
    // A question leaving the public (dismissed, back to review) is removed from public copies.
    const { visible, hidden, all } = sortOut(
      this.#questions,
      removed,
      (id) => record.questions.get(id),
      questionView,
      (question, view) => (isPublicQuestion(question) ? view : undefined),
    );
    if (visible.length) patches.public.questions = visible;
    if (hidden.length) patches.public.removedQuestions = hidden;
    if (all.length) patches.host.questions = all;
    if (removed.size) patches.host.removedQuestions = [...removed];
    // Clients hold a window of the questions: the counts say how many each list has in all.
    patches.public.questionCounts = countQuestions(record.questions.values(), false);
    patches.host.questionCounts = countQuestions(record.questions.values(), true);
    this.#questions.clear();
    removed.clear();
    return true;
  }

  #takePolls(record: RoomRecord, patches: TickPatches): boolean {
    if (this.#polls.size === 0 && this.#removedPolls.size === 0) return false;
    const removed = this.#removedPolls;
    const { visible, hidden, all } = sortOut(
      this.#polls,
      removed,
      (id) => record.polls.get(id),
      (poll) => pollView(poll, true),
      (poll) => (isPublicPoll(poll) ? pollView(poll) : undefined),
    );
    if (visible.length) patches.public.polls = visible;
    if (hidden.length) patches.public.removedPolls = hidden;
    if (all.length) patches.host.polls = all;
    if (removed.size) patches.host.removedPolls = [...removed];
    this.#polls.clear();
    removed.clear();
    return true;
  }

  /** Quizzes and surveys, as polls travel. */
  #takeActivities(record: RoomRecord, patches: TickPatches): boolean {
    const quizzes = entities(
      this.#quizzes,
      (id) => record.quizzes.get(id),
      isPublicQuiz,
      (quiz, host) => quizView(record, quiz, host),
    );
    if (quizzes) {
      Object.assign(patches.public, { quizzes: quizzes.public, removedQuizzes: quizzes.removedPublic });
      Object.assign(patches.host, { quizzes: quizzes.host, removedQuizzes: quizzes.removedHost });
    }
    const surveys = entities(this.#surveys, (id) => record.surveys.get(id), isPublicSurvey, surveyView);
    if (surveys) {
      Object.assign(patches.public, { surveys: surveys.public, removedSurveys: surveys.removedPublic });
      Object.assign(patches.host, { surveys: surveys.host, removedSurveys: surveys.removedHost });
    }
    return quizzes !== undefined || surveys !== undefined;
  }

  /** The caps reached, told to the hosts whenever that changes. */
  #takeFull(record: RoomRecord, patches: TickPatches): boolean {
    const full = capsReached(record) ?? {};
    const fullJson = JSON.stringify(full);
    if (fullJson === this.#full) return false;
    this.#full = fullJson;
    patches.host.full = full;
    return true;
  }
}

/**
 * Changed entities of one kind as each audience sees them: the hosts all of them, the public
 * those it may see; the rest (and whatever was removed) the public is told to drop.
 */
function sortOut<Entity, View>(
  changed: ReadonlySet<string>,
  removed: ReadonlySet<string>,
  find: (id: string) => Entity | undefined,
  forHosts: (entity: Entity) => View,
  forPublic: (entity: Entity, hostView: View) => View | undefined,
): { visible: View[]; hidden: string[]; all: View[] } {
  const visible: View[] = [];
  const hidden = [...removed];
  const all: View[] = [];
  for (const id of changed) {
    const entity = find(id);
    if (!entity) {
      hidden.push(id);
      continue;
    }
    const view = forHosts(entity);
    all.push(view);
    const seen = forPublic(entity, view);
    if (seen === undefined) hidden.push(id);
    else visible.push(seen);
  }
  return { visible, hidden, all };
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
  const removedHost = [...removed, ...[...changed].filter((id) => get(id) === undefined)];
  const { visible, hidden, all } = sortOut(
    changed,
    removed,
    get,
    (record) => view(record, true),
    (record) => (isPublic(record) ? view(record, false) : undefined),
  );
  changed.clear();
  removed.clear();
  const some = <T>(list: T[]) => (list.length ? list : undefined);
  return {
    public: some(visible),
    host: some(all),
    removedPublic: some(hidden),
    removedHost: some(removedHost),
  };
}
