import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeQuestion, type FakeRoom } from '@plenum/elements';
import { $, $$, samplePolls } from '@plenum/elements/testing';
import type { Screen } from '@plenum/protocol';
import type { PlenumConsolePresent } from './present-view.js';
import { hostRoom } from './testing.js';

const { cloud, rating } = samplePolls;
const question = fakeQuestion({ id: 'q1', text: 'When does the digital passport come?', upvotes: 3 });

/** The big screen of a room whose host shows `screen`. */
function screenRoom(screen: Screen, lang: 'en' | 'de' = 'en'): FakeRoom {
  return hostRoom({ title: 'Town hall', lang, polls: [cloud, rating], questions: [question], screen });
}

const present = (room: FakeRoom) =>
  fixture<PlenumConsolePresent>(
    html`<plenum-console-present room="town-hall" .connection=${room}></plenum-console-present>`,
  );

describe('<plenum-console-present>', () => {
  for (const screen of [
    { show: 'join' },
    { show: 'poll', poll: cloud.id },
    { show: 'poll', poll: rating.id },
    { show: 'question', question: question.id },
  ] satisfies Screen[]) {
    it(`is accessible: ${JSON.stringify(screen)}`, async () => {
      await expect(await present(screenRoom(screen))).to.be.accessible();
    });
  }

  it('shows what the host puts on screen, as it changes', async () => {
    const room = screenRoom({ show: 'join' });
    const element = await present(room);
    expect($(element, '[data-present="join"]')).to.not.equal(null);
    await room.host!.showOnScreen({ show: 'question', question: question.id });
    await waitUntil(() => $(element, '[data-present="question"]'), 'the question is not on screen');
    expect($(element, '[data-present="question"]').textContent).to.contain(question.text);
    expect($(element, '.meta').textContent).to.contain('3 upvotes');
  });

  it('sizes the words of a cloud by their mentions (styles set through the CSSOM, allowed by a strict CSP)', async () => {
    const element = await present(screenRoom({ show: 'poll', poll: cloud.id }));
    const size = (text: string) =>
      parseFloat(
        getComputedStyle($$(element, '.cloud li').find((li) => li.textContent!.includes(text))!).fontSize,
      );
    expect(size('Inspiring')).to.be.greaterThan(size('Practical'));
    expect(size('Practical')).to.be.greaterThan(size('Long'));
  });

  it('speaks the room’s language, numbers included', async () => {
    const element = await present(screenRoom({ show: 'poll', poll: rating.id }, 'de'));
    expect($(element, '.average').textContent).to.equal('Durchschnitt 3,5 von 5');
    expect(document.documentElement.lang).to.equal('de');
  });
});
