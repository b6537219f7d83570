import { css, html } from 'lit';
import { ConsoleElement } from './console-element.js';
import { $lang, langNames, langs, setLang, t } from './i18n.js';
import { $route } from './route.js';
import { StoreController } from '@plenum/elements';

/**
 * @summary The console's frame: header with the language switch (three tab stops, so no
 * skip link: the landmarks and headings suffice), and the
 * screen the URL fragment asks for. The present and join screens come without the frame.
 */
export class PlenumConsole extends ConsoleElement {
  readonly #route = new StoreController(this, $route);

  static override styles = [
    ...ConsoleElement.styles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--bg);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.75rem clamp(1rem, 3vw, 2rem);
        border-bottom: 1px solid var(--line);
      }
      header a {
        color: inherit;
        font-weight: 700;
        font-size: 1.15rem;
        text-decoration: none;
      }
      main {
        padding: 1rem clamp(1rem, 3vw, 2rem) 3rem;
        max-width: 80rem;
        margin: 0 auto;
      }
    `,
  ];

  override updated() {
    document.documentElement.lang = $lang.get();
    document.title = t().appTitle;
  }

  override render() {
    const route = this.#route.value;
    if (route.screen === 'present')
      return html`<plenum-console-present
        room=${route.room}
        join=${route.join ?? ''}
        passcode=${route.passcode ?? ''}
      ></plenum-console-present>`;
    if (route.screen === 'join')
      return html`<plenum-console-join
        room=${route.room}
        passcode=${route.passcode ?? ''}
      ></plenum-console-join>`;
    return html`
      <header>
        <a href="#">${t().appTitle}</a>
        <div class="row" role="group" aria-label=${t().langSwitch}>
          ${langs.map(
            (lang) =>
              html`<button
                type="button"
                lang=${lang}
                aria-pressed=${String($lang.get() === lang)}
                @click=${() => setLang(lang)}
              >
                ${langNames[lang]}
              </button>`,
          )}
        </div>
      </header>
      <main>
        ${
          route.screen === 'host'
            ? html`<plenum-console-host
                room=${route.room}
                key-from-link=${route.key ?? ''}
              ></plenum-console-host>`
            : html`<plenum-console-home></plenum-console-home>`
        }
      </main>
    `;
  }
}
