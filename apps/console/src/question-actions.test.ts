import { expect } from '@open-wc/testing';
import type { QuestionStatus } from '@plenum/protocol';
import { actionForKey, actionsFor, bulkActionsFor, shortcutsOf } from './question-actions.js';

const question = (status: QuestionStatus, flags: { highlighted?: boolean; pinned?: boolean } = {}) => ({
  status,
  highlighted: flags.highlighted ?? false,
  pinned: flags.pinned ?? false,
});
const names = (status: QuestionStatus) => actionsFor(question(status)).map((action) => action.name);

describe('actionsFor: what the host can do to a question', () => {
  it('offers each status its own moves, in the order of the buttons', () => {
    expect(names('review')).to.deep.equal([
      'approve',
      'highlight',
      'pin',
      'dismiss',
      'label',
      'reply',
      'edit',
      'delete',
    ]);
    expect(names('live')).to.deep.equal([
      'answer',
      'highlight',
      'screen',
      'pin',
      'dismiss',
      'label',
      'reply',
      'edit',
      'delete',
    ]);
    expect(names('answered')).to.deep.equal([
      'reopen',
      'screen',
      'pin',
      'dismiss',
      'label',
      'reply',
      'edit',
      'delete',
    ]);
    expect(names('dismissed')).to.deep.equal(['restore', 'label', 'reply', 'edit', 'delete']);
  });

  it('pins nothing dismissed: no button, no key, nothing announced', () => {
    const actions = actionsFor(question('dismissed', { pinned: true }));
    expect(actions.some((action) => action.name === 'pin')).to.equal(false);
    expect(actionForKey(actions, 'p')).to.equal(undefined);
    expect(shortcutsOf(actions)).to.equal('A L R E Delete');
  });

  it('toggles highlight and pin from their state; highlighting one in review approves it too', () => {
    const live = actionsFor(question('live', { highlighted: true, pinned: false }));
    expect(actionForKey(live, 'h')).to.deep.include({ changes: { highlighted: false }, pressed: true });
    expect(actionForKey(live, 'P')).to.deep.include({ changes: { pinned: true }, pressed: false });
    expect(actionForKey(actionsFor(question('review')), 'h')).to.deep.include({
      changes: { status: 'live', highlighted: true },
    });
  });

  it('binds X to answer a live question and to reopen an answered one, letters in either case', () => {
    expect(actionForKey(actionsFor(question('live')), 'x')).to.deep.include({
      changes: { status: 'answered' },
    });
    expect(actionForKey(actionsFor(question('answered')), 'X')).to.deep.include({
      changes: { status: 'live' },
    });
    expect(actionForKey(actionsFor(question('live')), 'Delete')).to.deep.equal({
      name: 'delete',
      key: 'Delete',
    });
    expect(actionForKey(actionsFor(question('live')), 'q')).to.equal(undefined);
  });

  it('gives the bulk bar the status moves of a list', () => {
    const bulk = (status: QuestionStatus) => bulkActionsFor(status).map((action) => action.name);
    expect(bulk('review')).to.deep.equal(['approve', 'dismiss']);
    expect(bulk('live')).to.deep.equal(['answer', 'dismiss']);
    expect(bulk('answered')).to.deep.equal(['dismiss']);
    expect(bulk('dismissed')).to.deep.equal(['restore']);
  });
});
