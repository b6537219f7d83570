import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, settle } from '@plenum/elements/testing';
import { hostRoom, mountView } from './testing.js';

const share = (room = hostRoom({ room: 'town-hall', title: 'Town hall' })) =>
  mountView('plenum-console-share', room);

/** The value of the copy field labelled `label`. */
const copied = (element: HTMLElement, label: string) =>
  $$(element, 'plenum-console-copy-field')
    .find((field) => field.getAttribute('label') === label)!
    .shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!.value;

describe('<plenum-console-share>', () => {
  it('is accessible', async () => {
    await expect(await share()).to.be.accessible();
  });

  it('hands out the participant link, the embed snippet and a QR code for the room', async () => {
    const element = await share();
    expect(copied(element, 'Participant link')).to.match(/\/console#join=town-hall$/);
    expect(copied(element, 'Embed snippet')).to.contain(
      '<plenum-questions room="town-hall"></plenum-questions>',
    );
    expect($(element, 'svg[role="img"]').getAttribute('aria-label')).to.match(
      /^QR code for .*join=town-hall$/,
    );
  });

  it('saves the event page with the room: the participant link and its QR code point there', async () => {
    const room = hostRoom({ room: 'town-hall' });
    const element = await share(room);
    const input = $<HTMLInputElement>(element, '#event-page');
    input.value = 'https://events.example.org/dialog';
    input.form!.requestSubmit();
    await waitUntil(() => room.$state.get()!.eventPage === 'https://events.example.org/dialog');
    await settle(element);
    expect(copied(element, 'Participant link')).to.equal('https://events.example.org/dialog');
    expect($(element, '[role="status"]:not(:empty)').textContent).to.contain('Saved with the room');
  });

  it('refuses an event page that is not a web address, before sending anything', async () => {
    const room = hostRoom({ room: 'town-hall' });
    const element = await share(room);
    const input = $<HTMLInputElement>(element, '#event-page');
    input.value = 'javascript:alert(1)';
    input.form!.requestSubmit();
    await settle(element);
    expect(input.validationMessage).to.equal('That was not accepted. Please check your input.');
    expect(room.calls).to.deep.equal([]);
  });
});
