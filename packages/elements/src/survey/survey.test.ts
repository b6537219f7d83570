import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SurveyAnswer } from '@plenum/protocol';
import '../define.js';
import { StubRoom } from '../stub-room.js';
import { sampleSurvey as feedback, sampleSurveyClosed as closed } from '../testing.js';
import type { PlenumSurvey } from './survey.js';

async function surveyElement(room: StubRoom, lang = 'en', theme = 'light') {
  const el = await fixture<PlenumSurvey>(
    html`<plenum-survey .connection=${room} lang=${lang} theme=${theme}></plenum-survey>`,
  );
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the survey view loads');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: PlenumSurvey, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: PlenumSurvey, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The stub's server keeps what was sent as the participant's answers. */
function keeping(room: StubRoom): void {
  room.answer = (action) => {
    if (action.type === 'survey-answer') room.update({}, { surveys: { [action.survey]: action.answers } });
  };
}

describe('<plenum-survey>', () => {
  // Unsent answers are kept in this tab: every test starts with none.
  beforeEach(() => sessionStorage.clear());

  for (const [name, room] of [
    ['open', new StubRoom({ surveys: [feedback] })],
    ['closed with results', new StubRoom({ surveys: [closed] })],
    ['none', new StubRoom()],
  ] as const) {
    it(`is accessible: ${name}, in light and dark themes`, async () => {
      await expect(await surveyElement(room)).to.be.accessible();
      await expect(await surveyElement(room, 'de', 'dark')).to.be.accessible();
    });
  }

  it('answers every kind by keyboard at one’s own pace, and sends them together', async () => {
    const room = new StubRoom({ surveys: [feedback] });
    keeping(room);
    const el = await surveyElement(room);
    expect($$(el, 'legend, label[for]').map(text)).to.deep.equal([
      '1. How was the event? (optional)',
      '2. Which part did you like best? (optional)',
      '3. What should we keep? (optional)',
      '4. Anything else? (optional)',
    ]);
    // Rating: the stars are a radio group, arrows move.
    $<HTMLInputElement>(el, 'input[name="q0"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    // Single choice: Tab into the group, an arrow picks the second.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    // Multiple: Space ticks.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '  More breaks ' });
    expect(room.sent).to.deep.equal([]);
    const fired = oneEvent(el, 'plenum-submit');
    await sendKeys({ press: 'Enter' });
    const answers: SurveyAnswer[] = [4, 1, [0, 2], 'More breaks'];
    expect((await fired).detail).to.deep.equal({ room: 'dsn', survey: 's1', answers });
    await waitUntil(() => text($(el, '.success')), 'sent');
    expect(room.sent).to.deep.equal([{ type: 'survey-answer', survey: 's1', answers }]);
    expect(text($(el, '.success'))).to.contain('Your answers have arrived. You may change them');
    expect(text($(el, 'button[type="submit"]'))).to.equal('Send changes');
  });

  it('waits in the outbox while offline and says so; sent once the connection is back', async () => {
    const room = new StubRoom({ surveys: [feedback] });
    let deliver: () => void = () => {};
    room.answer = (action) =>
      new Promise<void>((resolve) => {
        deliver = () => {
          if (action.type === 'survey-answer') room.update({}, { surveys: { s1: action.answers } });
          resolve();
        };
      });
    room.$status.set('offline');
    const el = await surveyElement(room);
    $<HTMLInputElement>(el, '#q3').focus();
    await sendKeys({ type: 'Later' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.waiting'), 'says it waits');
    expect(text($(el, '.waiting'))).to.contain('your answers wait on this device');
    room.$status.set('open');
    deliver();
    await waitUntil(() => text($(el, '.success')), 'sent');
    expect($(el, '.waiting')).to.equal(null);
  });

  it('keeps answers not sent yet in this tab across a reload, and lets go of them once sent', async () => {
    const room = new StubRoom({ surveys: [feedback] });
    keeping(room);
    const first = await surveyElement(room);
    $<HTMLInputElement>(first, '#q3').focus();
    await sendKeys({ type: 'Half done' });
    first.remove();
    const again = await surveyElement(room);
    expect($<HTMLInputElement>(again, '#q3').value).to.equal('Half done');
    $<HTMLButtonElement>(again, 'button[type="submit"]').click();
    await waitUntil(() => text($(again, '.success')), 'sent');
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('plenum:survey:'))).to.deep.equal([]);
  });

  it('once sent, shows the answers as sent and takes changes while open', async () => {
    const room = new StubRoom({ surveys: [feedback] }, { surveys: { s1: [5, null, null, 'Great'] } });
    keeping(room);
    const el = await surveyElement(room);
    expect($$<HTMLInputElement>(el, 'input[name="q0"]').map((i) => i.checked)).to.deep.equal([
      false,
      false,
      false,
      false,
      true,
    ]);
    expect($<HTMLInputElement>(el, '#q3').value).to.equal('Great');
    $<HTMLInputElement>(el, '#q3').focus();
    await sendKeys({ type: ', thanks' });
    await el.updateComplete;
    expect(text($(el, 'form'))).to.contain('You changed answers since sending');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '.success')), 'sent again');
    expect(room.sent.at(-1)).to.deep.equal({
      type: 'survey-answer',
      survey: 's1',
      answers: [5, null, null, 'Great, thanks'],
    });
    expect(text($(el, 'form'))).not.to.contain('You changed answers');
  });

  it('the maximum of a multiple-choice question disables the rest; nothing answered is an alert', async () => {
    const room = new StubRoom({ surveys: [feedback] });
    const el = await surveyElement(room);
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitUntil(() => $(el, '[role="alert"]'), 'asks for an answer');
    expect(text($(el, '[role="alert"]'))).to.contain('Please answer at least one question first.');
    expect(room.sent).to.deep.equal([]);
    const all = $$<HTMLInputElement>(el, 'input[type="checkbox"]');
    all[0]!.click();
    all[1]!.click();
    await el.updateComplete;
    expect(all.map((box) => box.disabled)).to.deep.equal([false, false, true]);
    expect(text($(el, '#q2-hint'))).to.equal('Choose up to 2.');
  });

  it('a closed survey shows its results when the host shares them', async () => {
    const el = await surveyElement(new StubRoom({ surveys: [closed] }));
    expect(text($(el, '.note'))).to.equal('This survey is closed.');
    expect($$(el, '.bars li .visually-hidden').map(text).slice(0, 2)).to.deep.equal([
      '1 star: 0 %, 0 votes',
      '2 stars: 0 %, 0 votes',
    ]);
    expect(text($(el, '.answers'))).to.equal('More breaks 2 mentions');
  });
});
