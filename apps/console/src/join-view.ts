import { css, html } from 'lit';
import { ConsoleElement } from './console-element.js';
import { t } from './i18n.js';

/**
 * @summary A plain participant page for rooms whose host has no event page of their own:
 * the three widgets, loaded from this server's `plenum.js` as any event page would.
 */
export class PlenumJoin extends ConsoleElement {
  static override properties = { room: { type: String } };
  declare room: string;

  static override styles = [
    ...ConsoleElement.styles,
    css`
      :host {
        display: block;
        max-width: 48rem;
        margin: 0 auto;
        padding: 1rem;
      }
      main > * {
        display: block;
        margin-bottom: 1.5rem;
      }
    `,
  ];

  constructor() {
    super();
    this.room = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!document.querySelector('script[data-plenum-widgets]')) {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = `${location.origin}/plenum.js`;
      script.dataset.plenumWidgets = '';
      document.head.append(script);
    }
  }

  override render() {
    return html`<main>
      <h1>${t().joinTitle}</h1>
      <plenum-reactions room=${this.room}></plenum-reactions>
      <plenum-poll room=${this.room}></plenum-poll>
      <plenum-questions room=${this.room} ask-name></plenum-questions>
    </main>`;
  }
}
