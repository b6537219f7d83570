import { atom } from 'nanostores';
import { PlenumError, type RoomLike, type Status } from '@plenum/client';
import {
  answerKey,
  percentages,
  type Choice,
  type ErrorCode,
  type MineView,
  type PollResults,
  type PollView,
  type QuestionOrder,
  type QuestionStatus,
  type QuestionView,
  type RoomView,
} from '@plenum/protocol';

export interface FakeRoomInit {
  /** `undefined` (the default) shows the loading state until `set()` is called. */
  state?: RoomView | undefined;
  mine?: MineView;
  status?: Status;
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

/**
 * An in-memory `RoomLike` for stories and tests: actions change the view the way a tiny
 * server would, and methods let a story or test push what "others" do.
 */
export class FakeRoom implements RoomLike {
  readonly $state = atom<RoomView | undefined>(undefined);
  readonly $mine = atom<MineView>({ questions: [], upvoted: [], votes: {} });
  readonly $status = atom<Status>('open');
  readonly $error = atom<PlenumError | undefined>(undefined);
  /** Questions `loadMore` hands out, a page at a time (tests of a room bigger than its window). */
  readonly older: QuestionView[] = [];
  /** Every action called, in order, for assertions. */
  readonly calls: { action: string; args: unknown[] }[] = [];
  #failure: PlenumError | undefined;
  #next = 1000;

  constructor(init: FakeRoomInit = {}) {
    this.$state.set(init.state);
    if (init.mine) this.$mine.set(init.mine);
    if (init.status) this.$status.set(init.status);
  }

  // ---------------------------------------------------------------- pushed by stories/tests

  set(view: RoomView | undefined): void {
    this.$state.set(view);
  }

  setMine(mine: MineView): void {
    this.$mine.set(mine);
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
    this.$state.set({ ...view, ...change(view) });
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

  /** Others reacted: the totals rise, which the reaction bar shows as a burst. */
  burst(emoji: string, count = 1): void {
    this.update((view) => ({
      reactions: { ...view.reactions, [emoji]: (view.reactions[emoji] ?? 0) + count },
    }));
  }

  // ---------------------------------------------------------------- RoomLike actions

  async ask(text: string, options: { name?: string } = {}): Promise<string> {
    this.#check('ask', [text, options]);
    const view = this.#view();
    const question = this.addQuestion({
      text: text.trim(),
      ...(options.name && { name: options.name }),
      status: view.moderation === 'pre' ? 'review' : 'live',
    });
    const mine = this.$mine.get();
    this.$mine.set({ ...mine, questions: [...mine.questions, question.id] });
    return question.id;
  }

  async upvote(question: string): Promise<void> {
    this.#check('upvote', [question]);
    const mine = this.$mine.get();
    // As the server does: nobody upvotes their own question.
    if (mine.questions.includes(question) || mine.merged?.includes(question))
      throw new PlenumError('own_question', 'You cannot upvote your own question.');
    const had = mine.upvoted.includes(question);
    this.$mine.set({
      ...mine,
      upvoted: had ? mine.upvoted.filter((id) => id !== question) : [...mine.upvoted, question],
    });
    const current = this.#view().questions.find((q) => q.id === question);
    if (current) this.updateQuestion(question, { upvotes: current.upvotes + (had ? -1 : 1) });
  }

  async vote(poll: string, choice: Choice): Promise<void> {
    this.#check('vote', [poll, choice]);
    const mine = this.$mine.get();
    const previous = mine.votes[poll];
    this.$mine.set({ ...mine, votes: { ...mine.votes, [poll]: choice } });
    const view = this.#view().polls.find((p) => p.id === poll);
    if (view?.results) this.updatePoll(poll, { results: retally(view.results, previous, choice) });
  }

  async react(emoji: string): Promise<void> {
    this.#check('react', [emoji]);
    this.burst(emoji);
  }

  async editQuestion(question: string, text: string): Promise<void> {
    this.#check('editQuestion', [question, text]);
    this.updateQuestion(question, { text: text.trim(), edited: true });
  }

  async deleteQuestion(question: string): Promise<void> {
    this.#check('deleteQuestion', [question]);
    this.update((view) => ({ questions: view.questions.filter((q) => q.id !== question) }));
    const mine = this.$mine.get();
    this.$mine.set({ ...mine, questions: mine.questions.filter((id) => id !== question) });
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

  #view(): RoomView {
    return this.$state.get() ?? emptyRoom();
  }
}

/** Takes the participant's previous choice out of the results and puts the new one in. */
function retally(results: PollResults, previous: Choice | undefined, next: Choice): PollResults {
  const isNew = previous === undefined;
  if (results.kind === 'open') {
    const answers = results.answers.map((a) => ({ ...a }));
    const bump = (text: string, by: number) => {
      const found = answers.find((a) => answerKey(a.text) === answerKey(text));
      if (found) found.count += by;
      else if (by > 0) answers.push({ text, count: by });
    };
    if (typeof previous === 'string') bump(previous, -1);
    if (typeof next === 'string') bump(next, 1);
    const kept = answers.filter((a) => a.count > 0).sort((a, b) => b.count - a.count);
    return { ...results, answers: kept, responses: results.responses + (isNew ? 1 : 0) };
  }
  const counts = [...(results.kind === 'rating' ? results.distribution : results.counts)];
  const index = (choice: Choice | undefined) =>
    choice === undefined || typeof choice === 'string'
      ? []
      : (Array.isArray(choice) ? choice : [choice]).map((c) => (results.kind === 'rating' ? c - 1 : c));
  for (const i of index(previous)) counts[i] = (counts[i] ?? 1) - 1;
  for (const i of index(next)) counts[i] = (counts[i] ?? 0) + 1;
  const responses = results.responses + (isNew ? 1 : 0);
  if (results.kind === 'rating') {
    const sum = counts.reduce((s, c, i) => s + c * (i + 1), 0);
    return {
      ...results,
      distribution: counts,
      percentages: percentages(counts),
      responses,
      average: sum / responses,
    };
  }
  return { ...results, counts, percentages: percentages(counts), responses };
}
