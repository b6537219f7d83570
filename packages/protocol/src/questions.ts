/**
 * Questions: asking, editing, upvoting, moderating, and the orders they are listed in.
 *
 * Who sees what: `live` and `answered` questions are public; a question in `review` is seen
 * by the host and its author; a `dismissed` one by the host only. Only a live question can
 * be upvoted or highlighted, and at most one is highlighted at a time.
 */
import { roomFull } from './caps.js';
import { limits } from './limits.js';
import type { ActionOf } from './messages.js';
import {
  cleanText,
  isRefusal,
  refuse,
  type Actor,
  type ApplyResult,
  type QuestionRecord,
  type RoomRecord,
} from './room.js';
import type { QuestionOrder, QuestionStatus, QuestionView } from './state.js';

export const isPublicQuestion = (question: Pick<QuestionRecord, 'status'>): boolean =>
  question.status === 'live' || question.status === 'answered';

/** Whether `participant` asked this question, or one the host merged into it. */
export const askedBy = (question: QuestionRecord, participant: string): boolean =>
  question.author === participant || (question.coAuthors?.has(participant) ?? false);

const nobody: readonly string[] = [];

/**
 * Who sees this question although the public does not: its askers while it waits in review;
 * nobody else (a dismissed question is the host's alone). With `isPublicQuestion` and the
 * host, this is the whole rule of who sees a question.
 */
export const reviewReaders = (question: QuestionRecord): readonly string[] =>
  question.status === 'review' ? [question.author, ...(question.coAuthors ?? [])] : nobody;

/** Whether `actor` may know the question exists. */
export const canSeeQuestion = (question: QuestionRecord, actor: Actor): boolean =>
  actor.host || isPublicQuestion(question) || reviewReaders(question).includes(actor.participant);

const notFound = () => refuse('not_found', 'This question does not exist (any more).');

function visibleQuestion(room: RoomRecord, id: string, actor: Actor): QuestionRecord | undefined {
  const question = room.questions.get(id);
  return question && canSeeQuestion(question, actor) ? question : undefined;
}

export function askQuestion(
  room: RoomRecord,
  action: ActionOf<'ask'>,
  actor: Actor,
  now: number,
  newId?: string,
): ApplyResult {
  const text = cleanText(action.text, limits.questionText, 'A question');
  if (isRefusal(text)) return text;
  const name = cleanText(action.name ?? '', limits.displayName, 'A name', { allowEmpty: true });
  if (isRefusal(name)) return name;
  if (room.questions.size >= room.caps.questions) return roomFull(room, 'questions');
  const id = newId ?? `q${++room.counters.question}`;
  if (room.questions.has(id)) return refuse('invalid', `A question "${id}" exists already.`);
  room.questions.set(id, {
    id,
    text,
    ...(name && { name }),
    author: actor.participant,
    // The host's own questions need no approval.
    status: room.moderation === 'pre' && !actor.host ? 'review' : 'live',
    highlighted: false,
    pinned: false,
    edited: false,
    createdAt: now,
    upvoters: new Set(),
  });
  return { ok: true, result: { id }, changes: { questions: [id], mine: true } };
}

/** The author's rights over their own question, or the host's over any. */
function authorCheck(
  question: QuestionRecord,
  actor: Actor,
  verb: 'edit' | 'delete',
): ApplyResult | undefined {
  if (actor.host) return undefined;
  if (question.author !== actor.participant)
    return refuse('forbidden', `Only its author can ${verb} a question.`);
  if (question.status === 'answered') {
    return refuse('closed', `An answered question cannot be ${verb === 'edit' ? 'edited' : 'deleted'}.`);
  }
  return undefined;
}

export function editQuestion(room: RoomRecord, action: ActionOf<'edit'>, actor: Actor): ApplyResult {
  const question = visibleQuestion(room, action.question, actor);
  if (!question) return notFound();
  const denied = authorCheck(question, actor, 'edit');
  if (denied) return denied;
  const text = cleanText(action.text, limits.questionText, 'A question');
  if (isRefusal(text)) return text;
  if (text === question.text) return { ok: true, changes: {} };
  question.text = text;
  question.edited = true;
  // Under pre-moderation an edit is reviewed again: approving a harmless text and then
  // editing it must not bypass the host.
  if (room.moderation === 'pre' && !actor.host && question.status === 'live')
    setStatus(question, 'review', 0);
  return { ok: true, changes: { questions: [question.id], mine: question.author === actor.participant } };
}

export function deleteQuestion(room: RoomRecord, action: ActionOf<'delete'>, actor: Actor): ApplyResult {
  const question = visibleQuestion(room, action.question, actor);
  if (!question) return notFound();
  const denied = authorCheck(question, actor, 'delete');
  if (denied) return denied;
  room.questions.delete(question.id);
  return {
    ok: true,
    changes: {
      removedQuestions: [question.id],
      mine: question.author === actor.participant || question.upvoters.has(actor.participant),
    },
  };
}

/** Toggles the actor's upvote: a second upvote takes the first back. */
export function upvoteQuestion(room: RoomRecord, action: ActionOf<'upvote'>, actor: Actor): ApplyResult {
  const question = visibleQuestion(room, action.question, actor);
  if (!question) return notFound();
  if (askedBy(question, actor.participant))
    return refuse('own_question', 'You cannot upvote your own question.');
  if (question.status !== 'live') return refuse('closed', 'Only live questions can be upvoted.');
  if (question.upvoters.has(actor.participant)) question.upvoters.delete(actor.participant);
  else question.upvoters.add(actor.participant);
  return { ok: true, changes: { questions: [question.id], mine: true } };
}

function setStatus(question: QuestionRecord, status: QuestionStatus, now: number): void {
  if (status === question.status) return;
  question.status = status;
  if (status === 'answered') question.answeredAt = now;
  else delete question.answeredAt;
  // The highlight is "what is being discussed now": only ever a live question.
  if (status !== 'live') question.highlighted = false;
}

/** The host's changes to one question; all fields are checked before any is applied. */
export function moderateQuestion(
  room: RoomRecord,
  action: ActionOf<'moderate'>,
  _actor: Actor,
  now: number,
): ApplyResult {
  const question = room.questions.get(action.question);
  if (!question) return notFound();
  const label =
    action.label === undefined
      ? undefined
      : cleanText(action.label, limits.label, 'A label', { allowEmpty: true });
  if (isRefusal(label)) return label;
  const reply =
    action.reply === undefined
      ? undefined
      : cleanText(action.reply, limits.reply, 'A reply', { allowEmpty: true });
  if (isRefusal(reply)) return reply;
  const text =
    action.text === undefined ? undefined : cleanText(action.text, limits.questionText, 'A question');
  if (isRefusal(text)) return text;
  const status = action.status ?? question.status;
  if (action.highlighted && status !== 'live')
    return refuse('closed', 'Only live questions can be highlighted.');

  const changed = [question.id];
  setStatus(question, status, now);
  if (action.highlighted === true && !question.highlighted) {
    for (const other of room.questions.values()) {
      if (other.highlighted) {
        other.highlighted = false;
        changed.push(other.id);
      }
    }
    question.highlighted = true;
  } else if (action.highlighted === false) {
    question.highlighted = false;
  }
  if (action.pinned !== undefined) question.pinned = action.pinned;
  if (label !== undefined) {
    if (label) question.label = label;
    else delete question.label;
  }
  if (reply !== undefined) {
    if (reply) question.reply = reply;
    else delete question.reply;
  }
  if (text !== undefined && text !== question.text) {
    question.text = text;
    question.edited = true;
  }
  return { ok: true, changes: { questions: changed } };
}

/**
 * Merges duplicates into one question, which keeps its text, status and flags. Upvotes add
 * up as a union of upvoters (nobody counts twice); the duplicates' askers become co-askers
 * of the survivor, so each still finds "their" question, and their upvotes on it are
 * dropped (nobody upvotes their own). The duplicates are removed; a highlight on one is
 * lost with it.
 */
export function mergeQuestions(room: RoomRecord, action: ActionOf<'merge'>): ApplyResult {
  const survivor = room.questions.get(action.question);
  if (!survivor) return notFound();
  const duplicates: QuestionRecord[] = [];
  for (const id of new Set(action.duplicates)) {
    if (id === survivor.id) return refuse('invalid', 'A question cannot be merged into itself.');
    const duplicate = room.questions.get(id);
    if (!duplicate) return refuse('not_found', `The question ${id} does not exist (any more).`);
    duplicates.push(duplicate);
  }
  const coAuthors = new Set(survivor.coAuthors);
  for (const duplicate of duplicates) {
    for (const participant of [duplicate.author, ...(duplicate.coAuthors ?? [])]) {
      if (participant !== survivor.author) coAuthors.add(participant);
    }
    for (const upvoter of duplicate.upvoters) survivor.upvoters.add(upvoter);
    room.questions.delete(duplicate.id);
  }
  for (const asker of [survivor.author, ...coAuthors]) survivor.upvoters.delete(asker);
  if (coAuthors.size) survivor.coAuthors = coAuthors;
  // Everyone involved sees their own view change: askers, and upvoters whose upvote moved.
  return {
    ok: true,
    changes: {
      questions: [survivor.id],
      removedQuestions: duplicates.map((duplicate) => duplicate.id),
      personal: [...coAuthors, ...survivor.upvoters],
    },
  };
}

/** The wire shape of a question: no author, no upvoters, just the count. */
export function questionView(question: QuestionRecord): QuestionView {
  return {
    id: question.id,
    text: question.text,
    ...(question.name !== undefined && { name: question.name }),
    upvotes: question.upvoters.size,
    status: question.status,
    highlighted: question.highlighted,
    pinned: question.pinned,
    ...(question.label !== undefined && { label: question.label }),
    ...(question.reply !== undefined && { reply: question.reply }),
    edited: question.edited,
    createdAt: question.createdAt,
    ...(question.answeredAt !== undefined && { answeredAt: question.answeredAt }),
  };
}

export type Sortable = Pick<QuestionView, 'id' | 'upvotes' | 'createdAt' | 'highlighted' | 'pinned'>;

/**
 * A new array in display order: the highlighted question first, pinned ones next, then by
 * `popular` (most upvotes, older first among equals) or `recent` (newest first). Lists come
 * in the order asked and ids are random, so questions of the same millisecond are ordered by their place in the list.
 */
export function sortQuestions<T extends Sortable>(questions: readonly T[], order: QuestionOrder): T[] {
  const asked = new Map(questions.map((question, index) => [question, index]));
  return [...questions].sort(displayOrder(order, (a, b) => asked.get(a as T)! - asked.get(b as T)!));
}

/** Flags first, then by order; `sooner` says which of two questions of one millisecond came first. */
function displayOrder(
  order: QuestionOrder,
  sooner: (a: Sortable, b: Sortable) => number,
): (a: Sortable, b: Sortable) => number {
  return (a, b) => {
    const flags = Number(b.highlighted) - Number(a.highlighted) || Number(b.pinned) - Number(a.pinned);
    if (flags) return flags;
    const age = a.createdAt - b.createdAt || sooner(a, b);
    return order === 'popular' ? b.upvotes - a.upvotes || age : -age;
  };
}

/**
 * The display order made total for paging, known from a question's fields alone: ids stand
 * in for the order asked within one millisecond, so a page never skips or repeats one.
 */
export function compareQuestions(order: QuestionOrder): (a: Sortable, b: Sortable) => number {
  return displayOrder(order, (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type Answerable = Sortable & Pick<QuestionView, 'status' | 'answeredAt'>;

/** Answered questions in the order they were answered, latest first. */
export function sortAnswered<T extends Answerable>(questions: readonly T[]): T[] {
  return [...questions].sort((a, b) => (b.answeredAt ?? b.createdAt) - (a.answeredAt ?? a.createdAt));
}

/**
 * What a participant's list shows: the open questions (live, and their own in review) in
 * display order (`sortQuestions`), and the answered ones apart, latest answer first.
 * Dismissed questions are in neither.
 */
export function participantLists<T extends Answerable>(
  questions: readonly T[],
  order: QuestionOrder,
): { live: T[]; answered: T[] } {
  const open = questions.filter((question) => question.status === 'live' || question.status === 'review');
  const answered = questions.filter((question) => question.status === 'answered');
  return { live: sortQuestions(open, order), answered: sortAnswered(answered) };
}
