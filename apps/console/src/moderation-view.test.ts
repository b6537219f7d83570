import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fakeQuestion } from '@plenum/elements';
import { $, $$ } from '@plenum/elements/testing';
import type { QuestionStatus } from '@plenum/protocol';
import type { PlenumConsoleModeration } from './moderation-view.js';
import { hostRoom, mountView } from './testing.js';

const statuses: QuestionStatus[] = ['review', 'live', 'answered', 'dismissed'];

/** A host's room with one question in each list, the live one pinned and highlighted. */
const questionsRoom = () =>
  hostRoom({
    moderation: 'pre',
    questions: statuses.map((status, i) =>
      fakeQuestion({
        id: `q-${status}`,
        text: `A question ${status}`,
        status,
        createdAt: i,
        pinned: status !== 'dismissed',
        highlighted: status === 'live',
      }),
    ),
  });

const moderation = (room = questionsRoom()) => mountView('plenum-console-moderation', room);

const viewButton = (element: PlenumConsoleModeration, name: string) =>
  $$<HTMLButtonElement>(element, '.toolbar button').find((button) =>
    button.textContent!.trim().startsWith(name),
  )!;

describe('<plenum-console-moderation>', () => {
  it('is accessible', async () => {
    await expect(await moderation()).to.be.accessible();
  });

  for (const status of statuses) {
    it(`${status}: every shortcut a question announces has its button, and no other key acts`, async () => {
      const room = questionsRoom();
      const element = await moderation(room);
      viewButton(element, status[0]!.toUpperCase() + status.slice(1)).click();
      await element.updateComplete;
      const article = $(element, 'article');
      const announced = article.getAttribute('aria-keyshortcuts')!.split(' ');
      const buttons = [...article.querySelectorAll('.actions button')].map((button) =>
        button.getAttribute('aria-keyshortcuts'),
      );
      expect([...announced].sort()).to.deep.equal([...buttons].sort());
      // A letter no button carries does nothing to the question.
      for (const letter of ['A', 'D', 'X', 'H', 'P'].filter((key) => !announced.includes(key))) {
        article.focus();
        await sendKeys({ press: letter.toLowerCase() });
        expect(room.calls, `${letter} on a question ${status}`).to.deep.equal([]);
      }
    });
  }

  it('pins nothing dismissed by key (P is neither announced nor bound there)', async () => {
    const room = questionsRoom();
    const element = await moderation(room);
    viewButton(element, 'Dismissed').click();
    await element.updateComplete;
    $(element, 'article').focus();
    await sendKeys({ press: 'p' });
    expect(room.calls).to.deep.equal([]);
    expect(room.$state.get()!.questions.find((q) => q.id === 'q-dismissed')!.pinned).to.equal(false);
  });

  it('approves the focused question with A, and the review count follows', async () => {
    const room = questionsRoom();
    const element = await moderation(room);
    viewButton(element, 'Review').click();
    await element.updateComplete;
    expect(viewButton(element, 'Review').textContent).to.contain('(1)');
    $(element, 'article').focus();
    await sendKeys({ press: 'a' });
    await element.updateComplete;
    expect(room.$state.get()!.questions.find((q) => q.id === 'q-review')!.status).to.equal('live');
    expect(viewButton(element, 'Live').textContent).to.contain('(2)');
  });
});
