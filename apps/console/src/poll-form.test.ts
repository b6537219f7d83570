import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, fakePoll, settle } from '@plenum/elements/testing';
import type { PlenumConsolePollForm } from './poll-form.js';
import './elements.js';

const form = (poll?: Parameters<typeof fakePoll>[0]) =>
  fixture<PlenumConsolePollForm>(
    html`<plenum-console-poll-form .poll=${poll && fakePoll(poll)}></plenum-console-poll-form>`,
  );

/** Sets a field as typing does (the element listens for `input`). */
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function chooseKind(element: PlenumConsolePollForm, kind: string) {
  const select = $<HTMLSelectElement>(element, '#poll-kind');
  select.value = kind;
  select.dispatchEvent(new Event('change'));
  await settle(element);
}

describe('<plenum-console-poll-form>', () => {
  it('is accessible, for a new poll and for a draft', async () => {
    await expect(await form()).to.be.accessible();
    await expect(
      await form({ id: 'd', title: 'Lunch?', kind: 'multiple', status: 'draft', options: ['Soup', 'Salad'] }),
    ).to.be.accessible();
  });

  it('saves a multiple-choice draft with its options, trimmed, and its maximum', async () => {
    const element = await form();
    await chooseKind(element, 'multiple');
    type($(element, '#poll-title'), '  Topics you like ');
    const [first, second] = $$<HTMLInputElement>(element, 'input[name="option"]');
    type(first!, ' Privacy ');
    type(second!, 'Open data');
    $<HTMLInputElement>(element, '#max-choices').value = '1';
    const saved = oneEvent(element, 'plenum-console-poll-save');
    $<HTMLButtonElement>(element, 'button[value="no"]').click();
    const { detail } = await saved;
    expect(detail).to.deep.equal({
      title: 'Topics you like',
      kind: 'multiple',
      open: false,
      options: ['Privacy', 'Open data'],
      maxChoices: 1,
    });
  });

  it('keeps what was typed when an option is added or removed, and never fewer than two', async () => {
    const element = await form();
    const options = () => $$<HTMLInputElement>(element, 'input[name="option"]');
    type(options()[0]!, 'Soup');
    type(options()[1]!, 'Salad');
    $$<HTMLButtonElement>(element, 'fieldset > button')[0]!.click();
    await settle(element);
    expect(options().map((input) => input.value)).to.deep.equal(['Soup', 'Salad', '']);
    expect(element.shadowRoot!.activeElement).to.equal(options()[2]);
    $<HTMLButtonElement>(element, 'button[aria-label="Remove option 1"]').click();
    await settle(element);
    expect(options().map((input) => input.value)).to.deep.equal(['Salad', '']);
    expect($<HTMLButtonElement>(element, 'button[aria-label="Remove option 1"]').disabled).to.equal(true);
  });

  it('asks a rating or an open poll for no options', async () => {
    const element = await form();
    for (const kind of ['rating', 'open']) {
      await chooseKind(element, kind);
      expect($(element, 'fieldset'), kind).to.equal(null);
    }
  });
});
