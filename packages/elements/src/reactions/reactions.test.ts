import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
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
});
