/**
 * What the host can do to one question: the one table that the card's buttons, the keyboard
 * shortcuts and the shortcuts a question announces (`aria-keyshortcuts`) all read, so that a
 * shortcut works exactly where its button is shown.
 */
import type { QuestionChanges } from '@plenum/client';
import type { QuestionView } from '@plenum/protocol';

/** The fields an editor opens on. */
export type Field = 'text' | 'label' | 'reply';

export type QuestionAction =
  /** Sends these changes (`pressed`: the toggle's state, for `aria-pressed`). */
  | { name: ChangeName; key: string; changes: QuestionChanges; pressed?: boolean }
  /** Opens the editor on a field. */
  | { name: 'label' | 'reply' | 'edit'; key: string; field: Field }
  /** Asks before deleting. */
  | { name: 'delete'; key: 'Delete' }
  /** Puts the question on the big screen (its own control, no shortcut). */
  | { name: 'screen'; key?: undefined };

/** An action that sends changes. */
export type ChangeAction = Extract<QuestionAction, { changes: QuestionChanges }>;
type ChangeName = 'approve' | 'restore' | 'answer' | 'reopen' | 'highlight' | 'pin' | 'dismiss';
export type ActionName = QuestionAction['name'];

/** The actions that apply to `question`, in the order its buttons are shown. */
export function actionsFor(
  question: Pick<QuestionView, 'status' | 'highlighted' | 'pinned'>,
): QuestionAction[] {
  const { status, highlighted, pinned } = question;
  const actions: QuestionAction[] = [];
  if (status === 'review') actions.push({ name: 'approve', key: 'A', changes: { status: 'live' } });
  if (status === 'dismissed') actions.push({ name: 'restore', key: 'A', changes: { status: 'live' } });
  if (status === 'live') actions.push({ name: 'answer', key: 'X', changes: { status: 'answered' } });
  if (status === 'answered') actions.push({ name: 'reopen', key: 'X', changes: { status: 'live' } });
  // Highlighting a question under review approves it at the same time.
  if (status === 'live' || status === 'review')
    actions.push({
      name: 'highlight',
      key: 'H',
      changes:
        status === 'review' ? { status: 'live', highlighted: !highlighted } : { highlighted: !highlighted },
      pressed: highlighted,
    });
  if (status === 'live' || status === 'answered') actions.push({ name: 'screen' });
  if (status !== 'dismissed') {
    actions.push({ name: 'pin', key: 'P', changes: { pinned: !pinned }, pressed: pinned });
    actions.push({ name: 'dismiss', key: 'D', changes: { status: 'dismissed' } });
  }
  actions.push(
    { name: 'label', key: 'L', field: 'label' },
    { name: 'reply', key: 'R', field: 'reply' },
    { name: 'edit', key: 'E', field: 'text' },
    { name: 'delete', key: 'Delete' },
  );
  return actions;
}

/** The shortcuts a question announces: every key of its actions. */
export const shortcutsOf = (actions: QuestionAction[]): string =>
  actions.flatMap((action) => action.key ?? []).join(' ');

/** The action a key press (`KeyboardEvent.key`) runs, if any: letters in either case. */
export function actionForKey(actions: QuestionAction[], key: string): QuestionAction | undefined {
  const wanted = key.length === 1 ? key.toUpperCase() : key;
  return actions.find((action) => action.key === wanted);
}

const bulkNames = new Set<ActionName>(['approve', 'restore', 'answer', 'dismiss']);

/** What the bulk bar offers for picked questions of one status: its status changes. */
export const bulkActionsFor = (status: QuestionView['status']): ChangeAction[] =>
  actionsFor({ status, highlighted: false, pinned: false }).filter(
    (action): action is ChangeAction => 'changes' in action && bulkNames.has(action.name),
  );
