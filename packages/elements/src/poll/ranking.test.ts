import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PollView } from '@plenum/protocol';
import '../define.js';
import { StubRoom } from '../stub-room.js';
import type { PlenumPoll } from './poll.js';

const ranking: PollView = {
  id: 'p9',
  title: 'What should the city digitise first?',
  kind: 'ranking',
  status: 'open',
  options: ['Parking permits', 'Building permits', 'Registration'],
  resultsVisible: false,
  responses: 0,
  createdAt: 1,
};
const results: PollView = {
  ...ranking,
  status: 'closed',
  resultsVisible: true,
  responses: 3,
  // The server's arithmetic (Borda: n − place points); shown as given.
  results: {
    kind: 'ranking',
    averageRanks: [2.67, 1.33, 2],
    points: [1, 5, 3],
    order: [1, 2, 0],
    responses: 3,
  },
};

const room = (poll: PollView, vote?: number[]) =>
  new StubRoom({ polls: [poll], currentPoll: poll.id }, vote ? { votes: { [poll.id]: vote } } : {});

async function pollElement(stub: StubRoom, lang = 'en', theme = 'light'): Promise<PlenumPoll> {
  const el = await fixture<PlenumPoll>(
    html`<plenum-poll .connection=${stub} lang=${lang} theme=${theme}></plenum-poll>`,
  );
  el.announcer.interval = 0;
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the ranking loads');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: PlenumPoll, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: PlenumPoll, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const order = (el: PlenumPoll) => $$(el, '.ranking li .text').map(text);

describe('<plenum-poll> ranking', () => {
  it('is accessible: ordering and results, in light and dark themes', async () => {
    await expect(await pollElement(room(ranking))).to.be.accessible();
    await expect(await pollElement(room(ranking), 'en', 'dark')).to.be.accessible();
    await expect(await pollElement(room(results, [2, 1, 0]))).to.be.accessible();
    await expect(await pollElement(room(results), 'de', 'dark')).to.be.accessible();
  });

  it('orders by keyboard: move up / move down, each move announced, focus stays on the row; then votes', async () => {
    const stub = room(ranking);
    const el = await pollElement(stub);
    expect(order(el)).to.deep.equal(['Parking permits', 'Building permits', 'Registration']);
    const up = $<HTMLButtonElement>(el, 'li[data-option="2"] .up');
    expect(up.getAttribute('aria-label')).to.equal('Move “Registration” up');
    up.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['Parking permits', 'Registration', 'Building permits']);
    expect(text($(el, '[aria-live="polite"]'))).to.equal('“Registration” is now at position 2 of 3.');
    // Still on the row that moved: once more to the top, where "up" ends, so focus goes to "down".
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'li[data-option="2"] .up'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['Registration', 'Parking permits', 'Building permits']);
    expect($<HTMLButtonElement>(el, 'li[data-option="2"] .up').disabled).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'li[data-option="2"] .down'));
    expect(text($(el, '[aria-live="polite"]'))).to.equal('“Registration” is now at position 1 of 3.');
    const fired = oneEvent(el, 'plenum-vote');
    $<HTMLButtonElement>(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail).to.deep.equal({ room: 'dsn', poll: 'p9', choice: [2, 0, 1] });
    expect(stub.sent).to.deep.equal([{ type: 'vote', poll: 'p9', choice: [2, 0, 1] }]);
  });

  it('orders by dragging a row onto another', async () => {
    const stub = room(ranking);
    const el = await pollElement(stub);
    const rows = $$(el, '.ranking li');
    const data = new DataTransfer();
    rows[0]!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
    rows[2]!.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    rows[2]!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['Building permits', 'Registration', 'Parking permits']);
    expect(text($(el, '[aria-live="polite"]'))).to.equal('“Parking permits” is now at position 3 of 3.');
  });

  it('starts from the vote given, and sends an untouched order as it is', async () => {
    const stub = room(ranking, [1, 2, 0]);
    const el = await pollElement(stub);
    expect(order(el)).to.deep.equal(['Building permits', 'Registration', 'Parking permits']);
    const fresh = await pollElement(room(ranking));
    const fired = oneEvent(fresh, 'plenum-vote');
    $<HTMLButtonElement>(fresh, 'button[type="submit"]').click();
    expect((await fired).detail.choice).to.deep.equal([0, 1, 2]);
  });

  it('shows results by average rank and Borda points, the participant’s places marked', async () => {
    const el = await pollElement(room(results, [2, 1, 0]));
    expect($$(el, '.ranked li').map((li) => text(li.querySelector('.visually-hidden')))).to.deep.equal([
      '1. Building permits (your place: 2): average rank 1.3, 5 points',
      '2. Registration (your place: 1): average rank 2.0, 3 points',
      '3. Parking permits (your place: 3): average rank 2.7, 1 point',
    ]);
    expect($$(el, '[part="bar"]').map((bar) => bar.style.width)).to.deep.equal(['100%', '60%', '20%']);
  });

  it('speaks German', async () => {
    const el = await pollElement(room(ranking), 'de');
    expect($(el, 'li[data-option="0"] .down').getAttribute('aria-label')).to.equal(
      '„Parking permits“ nach unten',
    );
    expect(text($(el, '#ranking-hint'))).to.contain('Bringen Sie die Antworten in Ihre Reihenfolge');
  });
});
