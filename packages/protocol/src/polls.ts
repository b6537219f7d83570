/**
 * Polls: the host creates them as drafts, opens one at a time, closes them; participants
 * vote while a poll is open, and may change their vote until it closes.
 *
 * A vote updates running tallies (O(options)), so 10,000 votes never recount anything;
 * results are derived from the tallies on demand and cached until the next vote.
 */
import { activities, roomFull } from './caps.js';
import { activityLimits, limits } from './limits.js';
import type { ActionOf } from './messages.js';
import { rankingResults } from './ranking.js';
import { answerKey, percentages, ratingAverage, sortGroups, tidyAnswer } from './results.js';
import {
  cleanText,
  isRefusal,
  refuse,
  type Actor,
  type AnswerGroup,
  type ApplyResult,
  type Changes,
  type PollRecord,
  type Refusal,
  type RoomRecord,
} from './room.js';
import type { Choice, OpenAnswer, PollKind, PollResults, PollStatus, PollView } from './state.js';

/** Rating polls ask for 1 to this many stars. */
export const ratingScale = 5;

/** Drafts are the host's preparation: nobody else sees them. */
export const isPublicPoll = (poll: Pick<PollRecord, 'status'>): boolean => poll.status !== 'draft';

/** Status moves the host may make; staying put is always allowed. */
const transitions: Record<PollStatus, readonly PollStatus[]> = {
  draft: ['open', 'closed'],
  open: ['closed'],
  closed: ['open'],
};

const notFound = () => refuse('not_found', 'This poll does not exist (any more).');
const hasOptions = (kind: PollKind) => kind === 'single' || kind === 'multiple' || kind === 'ranking';

export function checkOptions(kind: PollKind, raw: readonly string[] | undefined): string[] | Refusal {
  if (!hasOptions(kind)) {
    return raw?.length ? refuse('invalid', `A ${kind} poll has no options.`) : [];
  }
  if (!raw || raw.length < 2) return refuse('invalid', 'A choice poll needs at least 2 options.');
  const max = kind === 'ranking' ? activityLimits.rankingOptions : limits.pollOptions;
  if (raw.length > max) return refuse('invalid', `A ${kind} poll can have at most ${max} options.`);
  const options: string[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const option = cleanText(item, limits.pollOption, 'An option');
    if (isRefusal(option)) return option;
    if (seen.has(answerKey(option))) return refuse('invalid', `The option "${option}" appears twice.`);
    seen.add(answerKey(option));
    options.push(option);
  }
  return options;
}

export function checkMaxChoices(
  kind: PollKind,
  max: number | undefined,
  options: number,
): number | undefined | Refusal {
  if (max === undefined) return undefined;
  if (kind !== 'multiple') return refuse('invalid', 'Only a multiple-choice poll has a maximum of choices.');
  if (!Number.isInteger(max) || max < 1 || max > options) {
    return refuse('invalid', `The maximum of choices must be between 1 and ${options}.`);
  }
  return max;
}

export const emptyTally = (kind: PollKind, options: number): number[] =>
  kind === 'rating'
    ? new Array<number>(ratingScale).fill(0)
    : new Array<number>(hasOptions(kind) ? options : 0).fill(0);

export function createPoll(
  room: RoomRecord,
  action: ActionOf<'poll-create'>,
  _actor: Actor,
  now: number,
  newId?: string,
): ApplyResult {
  const title = cleanText(action.title, limits.pollTitle, 'A poll title');
  if (isRefusal(title)) return title;
  const options = checkOptions(action.kind, action.options);
  if (isRefusal(options)) return options;
  const maxChoices = checkMaxChoices(action.kind, action.maxChoices, options.length);
  if (isRefusal(maxChoices)) return maxChoices;
  if (activities(room) >= room.caps.polls) return roomFull(room, 'polls');
  const id = newId ?? `p${++room.counters.poll}`;
  if (room.polls.has(id)) return refuse('invalid', `A poll "${id}" exists already.`);
  room.polls.set(id, {
    id,
    position: room.polls.size,
    title,
    kind: action.kind,
    status: 'draft',
    options,
    ...(maxChoices !== undefined && { maxChoices }),
    resultsVisible: action.resultsVisible ?? true,
    createdAt: now,
    responses: new Map(),
    tally: emptyTally(action.kind, options.length),
    answers: new Map(),
    aliases: new Map(),
  });
  return { ok: true, result: { id }, changes: { polls: [id] } };
}

/** The maximum after an edit: null lifts it; fewer options than the old maximum shrink it. */
function nextMaxChoices(poll: PollRecord, requested: number | null | undefined, optionCount: number) {
  if (requested === null) return undefined;
  if (requested !== undefined) return checkMaxChoices(poll.kind, requested, optionCount);
  return poll.maxChoices === undefined ? undefined : Math.min(poll.maxChoices, optionCount);
}

export function updatePoll(room: RoomRecord, action: ActionOf<'poll-update'>, _actor: Actor): ApplyResult {
  const poll = room.polls.get(action.poll);
  if (!poll) return notFound();
  const status = action.status ?? poll.status;
  if (status !== poll.status && !transitions[poll.status].includes(status)) {
    return refuse('invalid', `A poll cannot go from ${poll.status} to ${status}.`);
  }
  const editing =
    action.title !== undefined || action.options !== undefined || action.maxChoices !== undefined;
  if (editing && poll.status !== 'draft') return refuse('closed', 'Only a draft poll can be edited.');
  if (action.options !== undefined && poll.responses.size > 0) {
    return refuse('closed', 'The options cannot change once people have voted.');
  }
  const title =
    action.title === undefined ? poll.title : cleanText(action.title, limits.pollTitle, 'A poll title');
  if (isRefusal(title)) return title;
  const options = action.options === undefined ? poll.options : checkOptions(poll.kind, action.options);
  if (isRefusal(options)) return options;
  const maxChoices = nextMaxChoices(poll, action.maxChoices, options.length);
  if (isRefusal(maxChoices)) return maxChoices;
  if (action.position !== undefined && action.position >= room.polls.size) {
    return refuse('invalid', `A position is between 0 and ${room.polls.size - 1}.`);
  }
  const answers = checkAnswerActions(poll, action);
  if (isRefusal(answers)) return answers;

  const changed = [poll.id];
  const changes: Changes = { polls: changed };
  answers();
  if (action.position !== undefined) changed.push(...movePoll(room, poll, action.position));
  poll.title = title;
  if (options !== poll.options) {
    poll.options = options;
    poll.tally = emptyTally(poll.kind, options.length);
    poll.cached = undefined;
  }
  if (maxChoices === undefined) delete poll.maxChoices;
  else poll.maxChoices = maxChoices;
  if (action.resultsVisible !== undefined) poll.resultsVisible = action.resultsVisible;
  if (status !== poll.status) {
    poll.status = status;
    if (status === 'open') {
      // One open poll at a time: opening one closes the others.
      for (const other of room.polls.values()) {
        if (other !== poll && other.status === 'open') {
          other.status = 'closed';
          changed.push(other.id);
        }
      }
      if (room.currentPoll !== poll.id) room.currentPoll = changes.currentPoll = poll.id;
    }
    // Closing keeps the poll current, so widgets go on showing it (results only if revealed).
  }
  return { ok: true, changes };
}

/** Moves a poll in the run of show; returns the ids of the others whose number changed. */
function movePoll(room: RoomRecord, poll: PollRecord, position: number): string[] {
  const order = [...room.polls.values()].filter((other) => other !== poll);
  order.splice(position, 0, poll);
  return renumber(room, order).filter((id) => id !== poll.id);
}

/** Rebuilds the room's poll map in `order` and returns the ids whose position changed. */
function renumber(room: RoomRecord, order: PollRecord[]): string[] {
  const moved: string[] = [];
  room.polls.clear();
  order.forEach((poll, index) => {
    if (poll.position !== index) moved.push(poll.id);
    poll.position = index;
    room.polls.set(poll.id, poll);
  });
  return moved;
}

export function deletePoll(room: RoomRecord, action: ActionOf<'poll-delete'>): ApplyResult {
  if (!room.polls.delete(action.poll)) return notFound();
  const moved = renumber(room, [...room.polls.values()]);
  const changes: Changes = { removedPolls: [action.poll], ...(moved.length && { polls: moved }) };
  if (room.currentPoll === action.poll) room.currentPoll = changes.currentPoll = null;
  return { ok: true, changes };
}

/** Rehearsal: every vote goes (open answers and the host's decisions on them too); the status stays. */
export function resetPoll(room: RoomRecord, action: ActionOf<'poll-reset'>, now: number): ApplyResult {
  const poll = room.polls.get(action.poll);
  if (!poll) return notFound();
  const voters = [...poll.responses.keys()];
  clearResponses(poll);
  room.resets.push({ at: now, kind: 'poll', id: poll.id, title: poll.title, answers: voters.length });
  return { ok: true, changes: { polls: [poll.id], personal: voters } };
}

/** Empties a poll record of its responses (a poll's, or a survey question's). */
export function clearResponses(poll: PollRecord): void {
  poll.responses.clear();
  poll.tally = emptyTally(poll.kind, poll.options.length);
  poll.answers.clear();
  poll.aliases.clear();
  poll.cached = undefined;
}

/** The group an answer text counts in: its own key, or where that key was merged to. */
const groupKey = (poll: PollRecord, text: string): string => {
  const key = answerKey(text);
  return poll.aliases.get(key) ?? key;
};

/**
 * Checks the host's answer moderation (hide, show, merge) and returns what applies it, so a
 * refused field leaves the poll untouched.
 */
function checkAnswerActions(poll: PollRecord, action: ActionOf<'poll-update'>): (() => void) | Refusal {
  if (action.hideAnswer === undefined && action.showAnswer === undefined && action.mergeAnswers === undefined)
    return () => {};
  if (poll.kind !== 'open') return refuse('invalid', 'Only the answers of an open poll can be moderated.');
  // The host names answers as a participant writes them: the same checks, the same codes.
  const texts = [
    action.hideAnswer,
    action.showAnswer,
    action.mergeAnswers?.into,
    ...(action.mergeAnswers?.answers ?? []),
  ].map((text) => (text === undefined ? undefined : cleanAnswer(text)));
  const invalid = texts.find(isRefusal);
  if (invalid) return invalid;
  const [hideAnswer, showAnswer, into, ...answers] = texts as (string | undefined)[];
  const mergeAnswers = into === undefined ? undefined : { into, answers: answers as string[] };
  const existing = (text: string): AnswerGroup | Refusal =>
    poll.answers.get(groupKey(poll, text)) ?? refuse('not_found', `There is no answer "${text}".`);
  const checks: (AnswerGroup | Refusal)[] = [];
  if (hideAnswer !== undefined) checks.push(existing(hideAnswer));
  if (showAnswer !== undefined) checks.push(existing(showAnswer));
  if (mergeAnswers !== undefined) checks.push(...mergeAnswers.answers.map(existing));
  const refusal = checks.find(isRefusal);
  if (refusal) return refusal;
  if (
    hideAnswer !== undefined &&
    showAnswer !== undefined &&
    groupKey(poll, hideAnswer) === groupKey(poll, showAnswer)
  ) {
    return refuse('invalid', 'An answer cannot be hidden and shown at once.');
  }
  if (mergeAnswers !== undefined) {
    const keys = new Set([...mergeAnswers.answers, mergeAnswers.into].map((text) => groupKey(poll, text)));
    if (keys.size < 2) return refuse('invalid', 'Merging needs at least two different answers.');
  }
  return () => {
    poll.cached = undefined;
    if (mergeAnswers !== undefined) mergeGroups(poll, mergeAnswers.answers, mergeAnswers.into);
    if (hideAnswer !== undefined) poll.answers.get(groupKey(poll, hideAnswer))!.status = 'hidden';
    if (showAnswer !== undefined) poll.answers.get(groupKey(poll, showAnswer))!.status = 'shown';
  };
}

/**
 * Merges answer groups into the group of `into` (made if new), which is then shown with
 * `into`'s wording: the host has looked at these answers. Later answers with any merged key
 * count in the merged group.
 */
function mergeGroups(poll: PollRecord, texts: readonly string[], into: string): void {
  const target = groupKey(poll, into);
  const merged: AnswerGroup = poll.answers.get(target) ?? { text: '', count: 0, status: 'shown' };
  merged.text = tidyAnswer(into);
  merged.status = 'shown';
  for (const text of texts) {
    const key = groupKey(poll, text);
    if (key === target) continue;
    merged.count += poll.answers.get(key)?.count ?? 0;
    poll.answers.delete(key);
    poll.aliases.set(key, target);
    // Keys merged into this one earlier follow it: no chains to walk on every vote.
    for (const [alias, to] of poll.aliases) if (to === key) poll.aliases.set(alias, target);
  }
  poll.aliases.delete(target);
  poll.answers.set(target, merged);
}

/** An open answer as it is stored and grouped: tidied, and checked like every text. */
const cleanAnswer = (text: string): string | Refusal =>
  cleanText(tidyAnswer(text), limits.openAnswer, 'An answer');

/** Checks a choice against the poll's kind and returns it in its stored form. */
export function checkChoice(poll: PollRecord, choice: unknown): Choice | Refusal {
  const isIndex = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < poll.options.length;
  switch (poll.kind) {
    case 'single':
      return isIndex(choice) ? choice : refuse('invalid', 'Choose one of the options.');
    case 'multiple': {
      if (!Array.isArray(choice) || !choice.every(isIndex))
        return refuse('invalid', 'Choose among the options.');
      if (choice.length === 0) return refuse('empty', 'Choose at least one option.');
      if (new Set(choice).size !== choice.length)
        return refuse('invalid', 'Choose each option at most once.');
      const max = poll.maxChoices ?? poll.options.length;
      if (choice.length > max) return refuse('too_many_choices', `Choose at most ${max} options.`);
      return [...choice].sort((a, b) => a - b);
    }
    case 'open':
      return typeof choice === 'string' ? cleanAnswer(choice) : refuse('invalid', 'An answer is a text.');
    case 'rating':
      return typeof choice === 'number' && Number.isInteger(choice) && choice >= 1 && choice <= ratingScale
        ? choice
        : refuse('invalid', `A rating is a whole number from 1 to ${ratingScale}.`);
    case 'ranking':
      return Array.isArray(choice) &&
        choice.length === poll.options.length &&
        choice.every(isIndex) &&
        new Set(choice).size === choice.length
        ? [...choice]
        : refuse('invalid', 'Put every option in order, each once.');
  }
}

/**
 * Adds (`+1`) or takes back (`-1`) one response in the running tallies. A new open answer
 * waits for the host in a pre-moderated room (the host's own answers need no approval).
 */
export function count(poll: PollRecord, choice: Choice, delta: 1 | -1, pending = false): void {
  if (poll.kind === 'open') {
    const key = groupKey(poll, choice as string);
    const group = poll.answers.get(key);
    if (group) group.count += delta;
    else if (delta > 0)
      poll.answers.set(key, { text: choice as string, count: 1, status: pending ? 'pending' : 'shown' });
    return;
  }
  // A ranking adds each option's place (1 = first): the sums give the mean places and points.
  if (poll.kind === 'ranking') {
    (choice as number[]).forEach((option, place) => (poll.tally[option]! += delta * (place + 1)));
    return;
  }
  const indices =
    poll.kind === 'rating' ? [(choice as number) - 1] : Array.isArray(choice) ? choice : [choice as number];
  for (const index of indices) poll.tally[index] = (poll.tally[index] ?? 0) + delta;
}

export const sameChoice = (a: Choice, b: Choice): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((value, i) => value === b[i])
    : a === b;

/** One response per participant per poll; a new vote replaces the previous one. */
export function castVote(room: RoomRecord, action: ActionOf<'vote'>, actor: Actor): ApplyResult {
  const poll = room.polls.get(action.poll);
  // A draft does not exist for participants; 'closed' would tell them it does.
  if (!poll || (!actor.host && !isPublicPoll(poll))) return notFound();
  if (poll.status !== 'open') return refuse('closed', 'This poll is not open for votes.');
  const choice = checkChoice(poll, action.choice);
  if (isRefusal(choice)) return choice;
  const previous = poll.responses.get(actor.participant);
  if (previous !== undefined && sameChoice(previous, choice)) return { ok: true, changes: {} };
  if (
    poll.kind === 'open' &&
    poll.answers.size >= room.caps.openAnswers &&
    !poll.answers.has(answerKey(choice as string))
  )
    return roomFull(room, 'openAnswers');
  if (previous !== undefined) count(poll, previous, -1);
  count(poll, choice, 1, room.moderation === 'pre' && !actor.host);
  poll.responses.set(actor.participant, choice);
  poll.cached = undefined;
  return { ok: true, changes: { polls: [poll.id], mine: true } };
}

/** The host's view of the answers: every group with answers, the unshown ones marked. */
function openAnswers(poll: PollRecord): OpenAnswer[] {
  const groups: OpenAnswer[] = [];
  for (const { text, count, status } of poll.answers.values()) {
    if (count > 0) groups.push(status === 'shown' ? { text, count } : { text, count, status });
  }
  return sortGroups(groups);
}

function computeResults(poll: PollRecord): PollResults {
  const responses = poll.responses.size;
  switch (poll.kind) {
    case 'single':
    case 'multiple':
      return { kind: poll.kind, counts: [...poll.tally], percentages: percentages(poll.tally), responses };
    case 'open':
      return { kind: 'open', answers: openAnswers(poll), responses };
    case 'rating':
      return {
        kind: 'rating',
        distribution: [...poll.tally],
        percentages: percentages(poll.tally),
        average: ratingAverage(poll.tally),
        responses,
      };
    case 'ranking':
      return rankingResults(poll.tally, responses);
  }
}

/**
 * The poll's results (a fresh copy; the cached original stays private): as the hall sees
 * them, or with `host` also the open answers that wait for approval or were hidden.
 */
export function pollResults(poll: PollRecord, host = false): PollResults {
  const results = (poll.cached ??= computeResults(poll));
  switch (results.kind) {
    case 'open': {
      if (host) return { ...results, answers: results.answers.map((answer) => ({ ...answer })) };
      // A hidden answer is gone for the hall, its count included.
      const answers = results.answers.filter((answer) => !answer.status).map((answer) => ({ ...answer }));
      return { kind: 'open', answers, responses: answers.reduce((sum, answer) => sum + answer.count, 0) };
    }
    case 'rating':
      return { ...results, distribution: [...results.distribution], percentages: [...results.percentages] };
    case 'ranking':
      return {
        ...results,
        averageRanks: [...results.averageRanks],
        points: [...results.points],
        order: [...results.order],
      };
    default:
      return { ...results, counts: [...results.counts], percentages: [...results.percentages] };
  }
}

/**
 * The wire shape of a poll. Results are included for the host, and for everyone else only
 * while the host has them revealed: closing a poll never reveals them.
 */
export function pollView(poll: PollRecord, host = false): PollView {
  const showResults = host || poll.resultsVisible;
  return {
    id: poll.id,
    title: poll.title,
    kind: poll.kind,
    status: poll.status,
    options: [...poll.options],
    ...(poll.maxChoices !== undefined && { maxChoices: poll.maxChoices }),
    resultsVisible: poll.resultsVisible,
    // Hidden and unapproved open answers do not count for the hall either.
    responses: host || poll.kind !== 'open' ? poll.responses.size : pollResults(poll).responses,
    ...(host && { position: poll.position + 1 }),
    ...(showResults && { results: pollResults(poll, host) }),
    createdAt: poll.createdAt,
    ...(host && poll.network && { network: { ...poll.network } }),
  };
}
