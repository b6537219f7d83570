import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { atom } from 'nanostores';
import type { PasscodeState } from '@plenum/client';
import './define.js';
import { emptyRoom, FakeRoom } from './fake-room.js';
import { setStrings } from './i18n.js';
import type { PlenumElement } from './plenum-element.js';

const server = 'http://127.0.0.1:9';
const code = 'Rathaus 2026';

// The page was opened from a link that carries the code (and another parameter of its own).
history.replaceState(null, '', `${location.pathname}${location.search}#section=2&passcode=Rathaus%202026`);

/** A passcoded room as the client shows it: `needed` until the right code is used. */
class PasscodedRoom extends FakeRoom {
  readonly $passcode = atom<PasscodeState>('needed');
  readonly tried: string[] = [];

  constructor(private readonly right = code) {
    super({ status: 'closed' });
  }

  usePasscode(given: string): void {
    this.tried.push(given);
    this.$passcode.set(undefined);
    this.setStatus('connecting');
    // The server answers a moment later, as over a socket.
    setTimeout(() => {
      if (given !== this.right) {
        this.setStatus('closed');
        return this.$passcode.set('wrong');
      }
      this.set(emptyRoom({ room: 'locked' }));
      this.setStatus('open');
    });
  }
}

async function widget(tag: 'questions' | 'poll' | 'reactions', room: PasscodedRoom, lang = 'en') {
  const element = await fixture<PlenumElement>(
    tag === 'questions'
      ? html`<plenum-questions
          room="locked"
          server=${server}
          lang=${lang}
          .connection=${room}
        ></plenum-questions>`
      : tag === 'poll'
        ? html`<plenum-poll room="locked" server=${server} lang=${lang} .connection=${room}></plenum-poll>`
        : html`<plenum-reactions
            room="locked"
            server=${server}
            lang=${lang}
            .connection=${room}
          ></plenum-reactions>`,
  );
  return element;
}

const $ = <T extends Element = HTMLElement>(element: PlenumElement, selector: string) =>
  element.shadowRoot!.querySelector<T>(selector);
const storageKey = `plenum:passcode:${server}/locked`;

describe('the passcode prompt', () => {
  beforeEach(() => sessionStorage.clear());

  it('joins with the code of the link, which leaves the address bar at once', async () => {
    const room = new PasscodedRoom();
    const element = await widget('questions', room);
    await waitUntil(() => room.tried.length === 1, 'the link’s code was not used');
    expect(room.tried).to.deep.equal([code]);
    expect(location.hash).to.equal('#section=2');
    await waitUntil(() => $(element, 'textarea'), 'the widget did not open');
    expect($(element, '#passcode')).to.equal(null);
    // Remembered for this tab: a reload finds it.
    expect(sessionStorage.getItem(storageKey)).to.equal(code);
  });

  it('is one accessible form in every widget, in English and German', async () => {
    for (const tag of ['questions', 'poll', 'reactions'] as const) {
      for (const lang of ['en', 'de']) {
        const element = await widget(tag, new PasscodedRoom(), lang);
        await waitUntil(() => $(element, '#passcode'), `${tag} shows no prompt`);
        await expect(element).to.be.accessible();
        const label = $(element, 'label[for="passcode"]')!.textContent!.trim();
        expect(label, tag).to.equal(lang === 'de' ? 'Zugangscode' : 'Passcode');
        expect($(element, 'form[part~="passcode"] button[type="submit"]')).to.not.equal(null);
        // Nothing of the widget behind it.
        expect($(element, 'textarea, [role="toolbar"], fieldset'), tag).to.equal(null);
      }
    }
  });

  it('takes the code from the keyboard: a wrong one is an alert, the right one joins', async () => {
    const room = new PasscodedRoom();
    const element = await widget('questions', room);
    await waitUntil(() => $(element, '#passcode'));
    // Keyboard only: Tab into the field, type, Enter.
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.id).to.equal('passcode');
    await sendKeys({ type: 'Rathaus 2025' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(element, '[role="alert"]'), 'no alert for the wrong code');
    expect($(element, '[role="alert"]')!.textContent).to.contain('That passcode is not right');
    const field = $<HTMLInputElement>(element, '#passcode')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('passcode-error');
    await expect(element).to.be.accessible();
    // Focus stays in the field with the wrong code selected: typing replaces it.
    expect(element.shadowRoot!.activeElement).to.equal(field);
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    await sendKeys({ type: code });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(element, 'textarea'), 'the widget did not open');
    const ask = $(element, 'textarea');
    expect(room.tried).to.deep.equal(['Rathaus 2025', code]);
    // The prompt that had focus is gone: focus is on the widget's first control.
    expect(element.shadowRoot!.activeElement).to.equal(ask);
    expect(sessionStorage.getItem(storageKey)).to.equal(code);
  });

  it('uses the code this tab remembers, without asking', async () => {
    sessionStorage.setItem(storageKey, code);
    const room = new PasscodedRoom();
    const element = await widget('poll', room);
    await waitUntil(() => room.tried.length === 1);
    expect(room.tried).to.deep.equal([code]);
    await waitUntil(() => room.$status.get() === 'open');
    await element.updateComplete;
    expect($(element, '#passcode')).to.equal(null);
  });

  it('asks again when the remembered code is no longer right, and forgets it', async () => {
    sessionStorage.setItem(storageKey, 'Rathaus 2025');
    const room = new PasscodedRoom();
    const element = await widget('reactions', room);
    await waitUntil(() => $(element, '[role="alert"]'), 'no alert for the stale code');
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
  });

  it('takes replaced words from setStrings', async () => {
    setStrings('en', {
      passcode: { note: 'Members only.', label: 'Access code', submit: 'Go', wrong: 'Nope.' },
    });
    const element = await widget('poll', new PasscodedRoom());
    await waitUntil(() => $(element, '#passcode'));
    expect($(element, 'label')!.textContent!.trim()).to.equal('Access code');
    setStrings('en', { passcode: undefined });
  });
});
