/**
 * Windows high-contrast (forced colors) replaces every author colour with a few system
 * colours. What carries meaning by colour alone (result bars, chosen stars, pressed
 * toggles) must survive it, drawn in system colours the user's theme controls.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './define.js';
import { emptyRoom, fakeQuestion, FakeRoom, roomWithPoll } from './fake-room.js';
import { fakePoll } from './testing.js';

/** What a system colour resolves to right now, e.g. `Highlight` under the emulated theme. */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.cssText = `forced-color-adjust: none; background-color: ${name}`;
  document.body.append(probe);
  const color = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return color;
}

const background = (element: Element | null) => getComputedStyle(element!).backgroundColor;

const poll = fakePoll({
  id: 'p1',
  title: 'Which session next?',
  kind: 'single',
  status: 'closed',
  options: ['Keynote', 'Panel'],
  counts: [3, 1],
});
// Open, the results hidden: the stars are the form.
const rating = fakePoll({ id: 'p2', title: 'How was it?', kind: 'rating', responses: 4 });

describe('forced colors', () => {
  before(() => emulateMedia({ forcedColors: 'active' }));
  after(() => emulateMedia({ forcedColors: 'none' }));

  it('draws result bars in Highlight, apart from the canvas', async () => {
    const element = await fixture(
      html`<plenum-poll .connection=${roomWithPoll(poll)} lang="en"></plenum-poll>`,
    );
    const bar = element.shadowRoot!.querySelector('[part="bar"]');
    expect(systemColor('Highlight')).not.to.equal(systemColor('Canvas'));
    expect(background(bar)).to.equal(systemColor('Highlight'));
  });

  it('keeps chosen stars apart from the others', async () => {
    const element = await fixture(
      html`<plenum-poll .connection=${roomWithPoll(rating, 4)} lang="en"></plenum-poll>`,
    );
    const stars = [...element.shadowRoot!.querySelectorAll('.star')].map(
      (star) => getComputedStyle(star).color,
    );
    expect(stars).to.have.length(5);
    expect(stars[3]).to.equal(systemColor('Highlight'));
    expect(stars[4]).not.to.equal(stars[3]);
  });

  it('shows a pressed upvote as pressed, not only by its aria-pressed', async () => {
    const room = new FakeRoom({
      state: emptyRoom({
        questions: [fakeQuestion({ id: 'a', text: 'Mine' }), fakeQuestion({ id: 'b', text: 'Other' })],
      }),
      mine: { questions: [], upvoted: ['a'], votes: {} },
    });
    const element = await fixture(html`<plenum-questions .connection=${room} lang="en"></plenum-questions>`);
    const pressed = element.shadowRoot!.querySelector('.upvote[aria-pressed="true"]');
    const unpressed = element.shadowRoot!.querySelector('.upvote[aria-pressed="false"]');
    expect(background(pressed)).to.equal(systemColor('Highlight'));
    expect(background(unpressed)).not.to.equal(background(pressed));
  });
});
