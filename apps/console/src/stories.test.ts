/** Every console story renders its view on its fake room, with content and no error. */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as moderation from './moderation-view.stories.js';
import * as polls from './polls-view.stories.js';
import * as present from './present-view.stories.js';
import * as screenControl from './screen-control.stories.js';
import * as share from './share-view.stories.js';
import { $lang } from './i18n.js';

type Module = Record<string, unknown> & {
  default: { args?: object; component?: string };
};
type Story = { args?: object; render?: (args: object) => Node | TemplateResult };

describe('console stories', () => {
  afterEach(() => $lang.set('en'));

  for (const module of [moderation, polls, present, screenControl, share] as Module[]) {
    const { default: meta, ...stories } = module;
    for (const [name, story] of Object.entries(stories) as [string, Story][]) {
      it(`${meta.component} ${name}`, async () => {
        const view = story.render!({ ...meta.args, ...story.args });
        const container = await fixture<HTMLElement>(html`<div>${view}</div>`);
        const element = container.querySelector(meta.component!) as HTMLElement & {
          updateComplete: Promise<unknown>;
        };
        await element.updateComplete;
        expect(element.shadowRoot!.textContent!.trim()).to.not.equal('');
      });
    }
  }
});
