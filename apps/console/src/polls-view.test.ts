import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, samplePolls, settle } from '@plenum/elements/testing';
import { hostRoom, mountView } from './testing.js';

const { single, multiple, open, rating } = samplePolls;
// One poll is open at a time (opening one ends the others): here the single-choice one, made last.
const everyKind = () => hostRoom({ polls: [multiple, open, rating, single], currentPoll: single.id });
const polls = (room = everyKind()) => mountView('plenum-console-polls', room);

/** The poll's list item, found by its title. */
const item = (element: HTMLElement, title: string) =>
  $$(element, 'li.poll').find((li) => li.querySelector('h3')!.textContent!.includes(title))!;
const button = (within: Element, name: string) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

describe('<plenum-console-polls>', () => {
  it('is accessible, with a poll of every kind', async function () {
    this.timeout(10_000); // axe reads a long page
    await expect(await polls()).to.be.accessible();
  });

  it('creates a poll from the form and opens it: participants can vote at once', async () => {
    const room = hostRoom();
    const element = await polls(room);
    $(element, '#new-poll').click();
    await settle(element);
    const form = $(element, 'plenum-console-poll-form');
    const field = (selector: string) => form.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
    field('#poll-title').value = 'Lunch?';
    const options = form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="option"]');
    ['Soup', 'Salad'].forEach((text, i) => {
      options[i]!.value = text;
      options[i]!.dispatchEvent(new Event('input'));
    });
    field('button[value="yes"]').click();
    await waitUntil(() => room.$state.get()!.polls.some((poll) => poll.status === 'open'), 'no open poll');
    const poll = room.$state.get()!.polls[0]!;
    expect(poll).to.deep.include({ title: 'Lunch?', kind: 'single', options: ['Soup', 'Salad'] });
    await settle(element);
    expect(item(element, 'Lunch?').textContent).to.contain('Voting');
  });

  it('ends voting and hides the results, each from its button', async () => {
    const room = everyKind();
    const element = await polls(room);
    button(item(element, single.title), 'End voting').click();
    await waitUntil(() => room.$state.get()!.polls.find((p) => p.id === single.id)!.status === 'closed');
    const toggle = button(item(element, single.title), 'Results: visible');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await waitUntil(() => !room.$state.get()!.polls.find((p) => p.id === single.id)!.resultsVisible);
    await settle(element);
    expect(button(item(element, single.title), 'Results: hidden').getAttribute('aria-pressed')).to.equal(
      'false',
    );
  });

  it('shows a rating’s average to one decimal and an open poll’s answers with their mentions', async () => {
    const element = await polls();
    expect(item(element, rating.title).textContent).to.contain('Average 3.5 of 5');
    expect(item(element, open.title).textContent).to.contain('Inspiring');
    expect(item(element, open.title).textContent).to.contain('4 mentions');
  });

  it('says a refusal where the host acted, in the host’s words', async () => {
    const room = everyKind();
    const element = await polls(room);
    room.fail('rate_limited');
    button(item(element, single.title), 'End voting').click();
    await waitUntil(() => $(element, '[role="alert"]') !== null, 'no alert');
    expect($(element, '[role="alert"]').textContent).to.contain('Too many actions at once');
  });
});
