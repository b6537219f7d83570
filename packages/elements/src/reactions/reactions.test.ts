import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../define.js';
import { emptyRoom, FakeRoom } from '../fake-room.js';
import type { PlenumReactions } from './reactions.js';

// Port 9 (discard) refuses at once: these tests need no server.
const server = 'http://127.0.0.1:9';

async function bar(attributes: { lang?: string; theme?: string } = {}): Promise<PlenumReactions> {
  return fixture<PlenumReactions>(
    html`<plenum-reactions
      room="test"
      server=${server}
      lang=${attributes.lang ?? 'en'}
      theme=${attributes.theme ?? 'light'}
    ></plenum-reactions>`,
  );
}

const buttons = (element: PlenumReactions) => [...element.shadowRoot!.querySelectorAll('button')];

describe('<plenum-reactions>', () => {
  it('is accessible in light and dark themes', async () => {
    await expect(await bar({ theme: 'light' })).to.be.accessible();
    await expect(await bar({ theme: 'dark' })).to.be.accessible();
  });

  it('renders a named toolbar with one named button per emoji', async () => {
    const element = await bar();
    const toolbar = element.shadowRoot!.querySelector('[role="toolbar"]')!;
    expect(toolbar.getAttribute('aria-label')).to.equal('Reactions');
    expect(buttons(element).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Thumbs up, 0 so far',
      'Applause, 0 so far',
      'Love, 0 so far',
      'Laughing, 0 so far',
      'Celebrate, 0 so far',
      'Thinking, 0 so far',
    ]);
  });

  it('speaks German when the page does', async () => {
    const wrapper = await fixture(
      html`<div lang="de"><plenum-reactions room="t" server=${server}></plenum-reactions></div>`,
    );
    const element = wrapper.querySelector('plenum-reactions')!;
    await element.updateComplete;
    expect(buttons(element)[1]!.getAttribute('aria-label')).to.equal('Applaus, bisher 0');
  });

  it('fires plenum-react with the emoji on click', async () => {
    const element = await bar();
    const fired = oneEvent(element, 'plenum-react');
    buttons(element)[1]!.click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ room: 'test', emoji: '👏' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('moves focus with arrows, Home and End (one tab stop)', async () => {
    const element = await bar();
    const all = buttons(element);
    expect(all.filter((b) => b.tabIndex === 0)).to.have.length(1);
    all[0]!.focus();
    const press = async (key: string) => {
      element.shadowRoot!.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
      );
      await element.updateComplete;
      await element.updateComplete;
    };
    await press('ArrowRight');
    expect(element.shadowRoot!.activeElement).to.equal(all[1]);
    await press('End');
    expect(element.shadowRoot!.activeElement).to.equal(all[5]);
    await press('ArrowRight');
    expect(element.shadowRoot!.activeElement).to.equal(all[0]);
    await press('ArrowLeft');
    expect(element.shadowRoot!.activeElement).to.equal(all[5]);
    await press('Home');
    expect(element.shadowRoot!.activeElement).to.equal(all[0]);
    expect(all.filter((b) => b.tabIndex === 0)).to.deep.equal([all[0]]);
  });

  describe('with a room', () => {
    const withRoom = async (room: FakeRoom, theme = 'light') =>
      fixture<PlenumReactions>(
        html`<plenum-reactions .connection=${room} lang="en" theme=${theme}></plenum-reactions>`,
      );
    const fresh = () => new FakeRoom({ state: emptyRoom({ room: 'dsn', reactions: { '👍': 2 } }) });
    const floaters = (element: PlenumReactions) => element.shadowRoot!.querySelectorAll('.floater');

    it('is accessible with counts and bursts, in light and dark themes', async () => {
      const room = fresh();
      const element = await withRoom(room, 'dark');
      room.burst('👍', 2);
      await element.updateComplete;
      await expect(element).to.be.accessible();
      await expect(await withRoom(fresh(), 'light')).to.be.accessible();
    });

    it('reacts with the keyboard: the count rises and the event names the emoji', async () => {
      const room = fresh();
      const element = await withRoom(room);
      buttons(element)[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      const fired = oneEvent(element, 'plenum-react');
      await sendKeys({ press: 'Enter' });
      expect((await fired).detail).to.deep.equal({ room: 'dsn', emoji: '👏' });
      await element.updateComplete;
      expect(buttons(element)[1]!.getAttribute('aria-label')).to.equal('Applause, 1 so far');
      expect(room.calls).to.deep.equal([{ action: 'react', args: ['👏'] }]);
    });

    it("floats everyone's reactions over the bar, from increases of the totals", async () => {
      const room = fresh();
      const element = await withRoom(room);
      expect(floaters(element)).to.have.length(0);
      room.burst('🎉', 2);
      await element.updateComplete;
      await element.updateComplete;
      expect([...floaters(element)].map((f) => f.textContent)).to.deep.equal(['🎉', '🎉']);
      expect(element.shadowRoot!.querySelector('.sky')!.getAttribute('aria-hidden')).to.equal('true');
      expect(buttons(element)[4]!.textContent).to.contain('2');
    });

    it('floats nothing under prefers-reduced-motion, but counts still show', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const room = fresh();
        const element = await withRoom(room);
        room.burst('🎉', 3);
        await element.updateComplete;
        await element.updateComplete;
        expect(floaters(element)).to.have.length(0);
        expect(buttons(element)[4]!.getAttribute('aria-label')).to.equal('Celebrate, 3 so far');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('rests a button gently when rate limited, keeping the focus', async () => {
      const room = fresh();
      const element = await withRoom(room);
      room.fail('rate_limited');
      buttons(element)[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(buttons(element)[0]!.getAttribute('aria-disabled')).to.equal('true');
      expect(element.shadowRoot!.activeElement).to.equal(buttons(element)[0]);
      await sendKeys({ press: 'Enter' });
      expect(room.calls).to.have.length(1);
    });

    it('shows the connection status quietly and fires plenum-status', async () => {
      const room = fresh();
      const element = await withRoom(room);
      const fired = oneEvent(element, 'plenum-status');
      room.setStatus('reconnecting');
      expect((await fired).detail).to.deep.equal({ room: 'dsn', status: 'reconnecting' });
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Reconnecting');
    });
  });
});
