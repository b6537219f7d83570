import { atom } from 'nanostores';
import { HostActions, PlenumError, type RoomLike, type Status } from '@plenum/client';
import {
  answerKey,
  apply,
  createRoom,
  mineView,
  newIdPrefixes,
  roomView,
  type Action,
  type ActionInput,
  type Actor,
  type Choice,
  type ErrorCode,
  type MineView,
  type PollView,
  type QuestionOrder,
  type QuestionRecord,
  type QuestionStatus,
  type QuestionView,
  type RoomRecord,
  type RoomView,
} from '@plenum/protocol';

export interface FakeRoomInit {
  /** `undefined` (the default) shows the loading state until `set()` is called. */
  state?: RoomView | undefined;
  mine?: MineView;
  status?: Status;
  /** The room as its host sees it (every question, with `host` actions), as the console's views use it. */
  host?: boolean;
}

/** A room with nothing in it yet, for building fixtures. */
export function emptyRoom(overrides: Partial<RoomView> = {}): RoomView {
  return {
    room: 'demo',
    title: 'Demo',
    moderation: 'post',
    emojis: ['👍', '👏', '❤️', '😂', '🎉', '🤔'],
    questions: [],
    polls: [],
    currentPoll: null,
    screen: { show: 'join' },
    reactions: {},
    online: 1,
    ...overrides,
  };
}

/** A room whose current poll is `poll` (none when null), with the participant's own vote if given. */
export function roomWithPoll(poll: PollView | null, vote?: Choice): FakeRoom {
  return new FakeRoom({
    state: emptyRoom({ room: 'dsn', polls: poll ? [poll] : [], currentPoll: poll?.id ?? null }),
    mine: { questions: [], upvoted: [], votes: poll && vote !== undefined ? { [poll.id]: vote } : {} },
  });
}

/** A question with sensible defaults. */
export function fakeQuestion(
  fields: Partial<QuestionView> & Pick<QuestionView, 'id' | 'text'>,
): QuestionView {
  return {
    upvotes: 0,
    status: 'live',
    highlighted: false,
    pinned: false,
    edited: false,
    createdAt: Date.now(),
    ...fields,
  };
}

/** The participant the fake room shows the room to. */
const me: Actor = { participant: 'fake-room-participant', host: false };
/** The host: builds the polls, and is the viewer of a room made with `host: true`. */
const host: Actor = { participant: 'fake-room-host', host: true };
const noMine: MineView = { questions: [], upvoted: [], votes: {} };

/**
 * An in-memory `RoomLike` for stories and tests. It keeps a room record and computes with the
 * real model (`apply`, `roomView`, `mineView`), so it refuses what the server refuses and shows
 * only what the server could send: results, averages and percentages are the model's, never
 * a fixture's. A view a story sets is read as "the room looks like this": its questions and
 * poll results become a record (others' upvotes and votes made up to match), and what the
 * participant sees of it is the model's view of that record.
 */
export class FakeRoom implements RoomLike {
  readonly $state = atom<RoomView | undefined>(undefined);
  readonly $mine = atom<MineView>(noMine);
  readonly $status = atom<Status>('open');
  readonly $error = atom<PlenumError | undefined>(undefined);
  /** Questions `loadMore` hands out, a page at a time (tests of a room bigger than its window). */
  readonly older: QuestionView[] = [];
  /** Every action called, in order, for assertions. */
  readonly calls: { action: string; args: unknown[] }[] = [];
  #record: RoomRecord | undefined;
  /** What a view carries that the record does not: the audience and the whole room's counts. */
  #extras: Pick<RoomView, 'online' | 'questionCounts'> = { online: 1 };
  #failure: PlenumError | undefined;
  #next = 1000;
  /** Who the room is shown to: the participant, or the host. */
  readonly #viewer: Actor;
  /** The host's actions, in a room made with `host: true`; computed with the model as the rest. */
  readonly host: HostActions | undefined;

  constructor(init: FakeRoomInit = {}) {
    this.#viewer = init.host ? host : me;
    this.host = init.host
      ? new HostActions(async (action) => {
          this.#check(action.type, [action]);
          return this.#perform(action, host);
        })
      : undefined;
    if (init.mine) this.$mine.set(init.mine);
    this.set(init.state);
    if (init.status) this.$status.set(init.status);
  }

  // ---------------------------------------------------------------- pushed by stories/tests

  /** The room looks like `view` now (undefined: still loading). */
  set(view: RoomView | undefined): void {
    this.#record = view && recordOf(view, this.$mine.get());
    this.#extras = view
      ? { online: view.online, ...(view.questionCounts && { questionCounts: view.questionCounts }) }
      : { online: 1 };
    this.#publish();
  }

  setMine(mine: MineView): void {
    this.$mine.set(mine);
    this.set(this.$state.get());
  }

  setStatus(status: Status): void {
    this.$status.set(status);
  }

  /** The next action rejects with this code. */
  fail(code: ErrorCode, message = code): void {
    this.#failure = new PlenumError(code, message);
  }

  /** Changes the view with a function of the current one. */
  update(change: (view: RoomView) => Partial<RoomView>): void {
    const view = this.#view();
    this.set({ ...view, ...change(view) });
  }

  addQuestion(fields: Partial<QuestionView> & Pick<QuestionView, 'text'>): QuestionView {
    const question = fakeQuestion({ id: `q${this.#next++}`, ...fields });
    this.update((view) => ({ questions: [...view.questions, question] }));
    return question;
  }

  updateQuestion(id: string, fields: Partial<QuestionView>): void {
    this.update((view) => ({
      questions: view.questions.map((q) => (q.id === id ? { ...q, ...fields } : q)),
    }));
  }

  updatePoll(id: string, fields: Partial<PollView>): void {
    this.update((view) => ({ polls: view.polls.map((p) => (p.id === id ? { ...p, ...fields } : p)) }));
  }

  /** The host acts in this room (creates, starts or reveals a quiz, opens a survey…), with the model. */
  hostAct(action: ActionInput): { id?: string } | undefined {
    return this.#perform(action, host);
  }

  /** `count` other participants each send `action` (quiz answers, votes, survey answers). */
  othersAct(action: ActionInput, count = 1): void {
    for (let i = 0; i < count; i++) this.#perform(action, someone());
  }

  /** Others reacted, one reaction each: the totals rise, which the reaction bar shows as a burst. */
  burst(emoji: string, count = 1): void {
    for (let i = 0; i < count; i++) this.#act({ type: 'react', emoji }, someone());
  }

  // ---------------------------------------------------------------- RoomLike actions

  /** Any action, as the participant (quiz answers, nicknames, survey answers). */
  async send(action: ActionInput): Promise<{ id?: string } | undefined> {
    this.#check(action.type, [action]);
    return this.#perform(action, me);
  }

  /** The fake's server runs on this machine's clock. */
  serverNow(): number {
    return Date.now();
  }

  async ask(text: string, options: { name?: string } = {}): Promise<string> {
    this.#check('ask', [text, options]);
    const id = `q${this.#next++}`;
    this.#act({ type: 'ask', text, ...(options.name && { name: options.name }) }, me, id);
    return id;
  }

  async upvote(question: string): Promise<void> {
    this.#check('upvote', [question]);
    this.#act({ type: 'upvote', question });
  }

  async vote(poll: string, choice: Choice): Promise<void> {
    this.#check('vote', [poll, choice]);
    this.#act({ type: 'vote', poll, choice });
  }

  async react(emoji: string): Promise<void> {
    this.#check('react', [emoji]);
    this.#act({ type: 'react', emoji });
  }

  async editQuestion(question: string, text: string): Promise<void> {
    this.#check('editQuestion', [question, text]);
    this.#act({ type: 'edit', question, text });
  }

  async deleteQuestion(question: string): Promise<void> {
    this.#check('deleteQuestion', [question]);
    this.#act({ type: 'delete', question });
  }

  async loadMore(status: QuestionStatus, sort: QuestionOrder): Promise<boolean> {
    this.#check('loadMore', [status, sort]);
    const page = this.older.splice(0, 2);
    this.update((view) => ({ questions: [...view.questions, ...page] }));
    return this.older.length > 0;
  }

  #check(action: string, args: unknown[]): void {
    this.calls.push({ action, args });
    const failure = this.#failure;
    this.#failure = undefined;
    if (failure) throw failure;
  }

  /** Applies an action, naming what it creates as the server would. */
  #perform(action: ActionInput, actor: Actor): { id: string } | undefined {
    const prefix = newIdPrefixes[action.type];
    const id = prefix === undefined ? undefined : `${prefix}${this.#next++}`;
    this.#act(action, actor, id);
    return id === undefined ? undefined : { id };
  }

  /** Applies an action with the real model; a refusal rejects as the server's error would. */
  #act(action: ActionInput, actor = me, newId?: string): void {
    const record = (this.#record ??= recordOf(emptyRoom(), this.$mine.get()));
    const outcome = apply(
      record,
      { ...action, id: `fake-${this.#next++}` } as Action,
      actor,
      Date.now(),
      newId,
    );
    if (!outcome.ok) throw new PlenumError(outcome.code, outcome.message);
    this.#publish();
  }

  #publish(): void {
    const record = this.#record;
    if (!record) return this.$state.set(undefined);
    this.$state.set({
      ...roomView(
        record,
        this.#extras.online,
        this.#viewer.host ? { host: true } : { participant: me.participant },
      ),
      ...(this.#extras.questionCounts && { questionCounts: this.#extras.questionCounts }),
    });
    this.$mine.set(mineView(record, me.participant));
  }

  #view(): RoomView {
    return this.$state.get() ?? emptyRoom();
  }
}

let others = 0;
/** Someone else in the room: a new participant each time. */
const someone = (): Actor => ({ participant: `fake-room-other-${++others}`, host: false });

/** The record behind a view: the participant (`mine`) and made-up others, as many as the view counts. */
function recordOf(view: RoomView, mine: MineView): RoomRecord {
  const record = createRoom({
    id: view.room,
    title: view.title,
    moderation: view.moderation,
    emojis: view.emojis,
    createdAt: 0,
  });
  if (view.lang !== undefined) record.lang = view.lang;
  if (view.timeZone !== undefined) record.timeZone = view.timeZone;
  if (view.eventPage !== undefined) record.eventPage = view.eventPage;
  record.reactions = { ...view.reactions };
  for (const question of view.questions) record.questions.set(question.id, questionRecord(question, mine));
  for (const poll of view.polls) addPoll(record, poll, mine.votes[poll.id]);
  record.currentPoll = view.currentPoll;
  record.screen = { ...view.screen };
  return record;
}

function questionRecord({ upvotes, ...question }: QuestionView, mine: MineView): QuestionRecord {
  const upvoters = new Set<string>(mine.upvoted.includes(question.id) ? [me.participant] : []);
  while (upvoters.size < upvotes) upvoters.add(someone().participant);
  return {
    ...question,
    author: mine.questions.includes(question.id) ? me.participant : someone().participant,
    upvoters,
    ...(mine.merged?.includes(question.id) && { coAuthors: new Set([me.participant]) }),
  };
}

/**
 * Creates the poll with the model and casts the votes its results count (the participant's
 * own among them), so every number the view shows is one the model computed.
 */
function addPoll(record: RoomRecord, poll: PollView, own: Choice | undefined): void {
  const run = (action: ActionInput, actor: Actor, newId?: string) => {
    const outcome = apply(record, { ...action, id: 'fake' } as Action, actor, poll.createdAt, newId);
    if (!outcome.ok) throw new Error(`The server cannot hold poll "${poll.id}": ${outcome.message}`);
  };
  const { title, kind, options, maxChoices } = poll;
  run(
    { type: 'poll-create', title, kind, options, ...(maxChoices !== undefined && { maxChoices }) },
    host,
    poll.id,
  );
  run({ type: 'poll-update', poll: poll.id, status: 'open' }, host);
  // Others' votes count as the host's own would: an open answer shown needs no approval.
  for (const choice of othersVotes(poll, own))
    run({ type: 'vote', poll: poll.id, choice }, { ...someone(), host: true });
  if (own !== undefined) run({ type: 'vote', poll: poll.id, choice: own }, me);
  const made = record.polls.get(poll.id)!;
  made.status = poll.status;
  made.resultsVisible = poll.resultsVisible;
}

/** The votes of everyone but the participant that give the view's results (or its count, when they are hidden). */
function othersVotes(poll: PollView, own: Choice | undefined): Choice[] {
  const results = poll.results;
  if (!results) {
    const placeholder: Choice =
      poll.kind === 'open'
        ? 'answer'
        : poll.kind === 'multiple'
          ? [0]
          : poll.kind === 'rating'
            ? 1
            : poll.kind === 'ranking'
              ? poll.options.map((_, i) => i)
              : 0;
    return new Array<Choice>(Math.max(0, poll.responses - (own === undefined ? 0 : 1))).fill(placeholder);
  }
  if (results.kind === 'open') {
    const key = typeof own === 'string' ? answerKey(own) : undefined;
    let counted = false;
    return results.answers.flatMap(({ text, count }) => {
      const theirs = !counted && answerKey(text) === key && count > 0 ? ((counted = true), count - 1) : count;
      return new Array<Choice>(theirs).fill(text);
    });
  }
  // Every other voter ranks as the results do: the same order, the model's numbers.
  if (results.kind === 'ranking')
    return new Array<Choice>(Math.max(0, results.responses - (own === undefined ? 0 : 1))).fill(
      results.order,
    );
  const rating = results.kind === 'rating';
  const counts = [...(rating ? results.distribution : results.counts)];
  const ownIndices =
    own === undefined || typeof own === 'string' ? [] : Array.isArray(own) ? own : [rating ? own - 1 : own];
  let ownCounted = false;
  for (const index of ownIndices) {
    if ((counts[index] ?? 0) > 0) {
      counts[index]! -= 1;
      ownCounted = true;
    }
  }
  if (results.kind !== 'multiple')
    return counts.flatMap((count, index) => new Array<Choice>(count).fill(rating ? index + 1 : index));
  // Ticks dealt out in turn: every voter gets a fair share of them, none an option twice.
  const voters = Array.from({ length: results.responses - (ownCounted ? 1 : 0) }, () => [] as number[]);
  if (voters.length === 0) return [];
  let next = 0;
  counts.forEach((count, option) => {
    for (let i = 0; i < count; i++) voters[next++ % voters.length]!.push(option);
  });
  return voters.filter((ticks) => ticks.length > 0).map((ticks) => ticks.sort((a, b) => a - b));
}
