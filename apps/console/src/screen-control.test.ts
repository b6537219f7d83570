import { expect, waitUntil } from '@open-wc/testing';
import { fakeQuestion } from '@plenum/elements';
import { $, $$, settle } from '@plenum/elements/testing';
import { hostRoom, mountView } from './testing.js';

const highlighted = fakeQuestion({ id: 'q1', text: 'Who pays for the new bridge?', highlighted: true });
const control = (room = hostRoom({ questions: [highlighted] })) =>
  mountView('plenum-console-screen-control', room);

/** The button inside the screen button whose label is `name`. */
const screenButton = (element: HTMLElement, name: string) =>
  $$(element, 'plenum-console-screen-button')
    .map((host) => $<HTMLButtonElement>(host, 'button'))
    .find((button) => button.textContent!.trim() === name)!;

describe('<plenum-console-screen-control>', () => {
  it('is accessible', async () => {
    await expect(await control()).to.be.accessible();
  });

  it('puts the top questions on the big screen and says what is on it now', async () => {
    const room = hostRoom({ questions: [highlighted] });
    const element = await control(room);
    expect($(element, '[role="status"]').textContent).to.equal('Now on screen: How to join (QR code)');
    expect(screenButton(element, 'Top questions').getAttribute('aria-pressed')).to.equal('false');
    screenButton(element, 'Top questions').click();
    await waitUntil(() => room.$state.get()!.screen.show === 'questions', 'the screen did not change');
    await settle(element);
    expect($(element, '[role="status"]').textContent).to.equal('Now on screen: Top questions');
    await waitUntil(() => screenButton(element, 'Top questions').getAttribute('aria-pressed') === 'true');
  });

  it('offers to show the highlighted question while something else is on screen', async () => {
    const room = hostRoom({ questions: [highlighted] });
    const element = await control(room);
    expect(element.shadowRoot!.textContent).to.contain('The highlighted question is not on screen');
    screenButton(element, 'Show it on screen').click();
    await waitUntil(() => room.$state.get()!.screen.show === 'question');
    expect(room.$state.get()!.screen).to.deep.equal({ show: 'question', question: highlighted.id });
    await settle(element);
    expect(element.shadowRoot!.textContent).to.not.contain('The highlighted question is not on screen');
  });
});
