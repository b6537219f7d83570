import { css, html, type PropertyValues } from 'lit';
import { ConsoleElement } from './console-element.js';
import { roomLang, stringsOf } from './i18n.js';

/** What the page needs of the room: its title and language, from the public snapshot. */
interface RoomInfo {
  title: string;
  lang?: string;
}

/**
 * @summary A plain participant page for rooms whose host has no event page of their own:
 * the room's title, a one-line privacy note and the widgets (the quiz and the survey among
 * them, so a host without an event page can run them too), loaded from this server's
 * `plenum.js` as any event page would, all in the room's language.
 */
export class PlenumConsoleJoin extends ConsoleElement {
  static override properties = { room: { type: String }, passcode: { type: String }, info: { state: true } };
  declare room: string;
  /** The link's passcode, for the title (the widgets read it from the link themselves). */
  declare passcode: string;
  declare private info: RoomInfo | undefined;

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
      h1 {
        overflow-wrap: anywhere;
      }
      .privacy {
        margin-top: -1rem;
      }
    `,
  ];

  constructor() {
    super();
    this.room = '';
    this.passcode = '';
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

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('room')) void this.#load();
  }

  async #load() {
    const room = this.room;
    this.info = undefined;
    if (!room) return;
    try {
      const response = await fetch(`${location.origin}/api/rooms/${encodeURIComponent(room)}`, {
        headers: this.passcode ? { 'X-Plenum-Passcode': this.passcode } : {},
      });
      // An unknown room is the widgets' to explain; the page keeps its generic title.
      if (response.ok && room === this.room) this.info = (await response.json()) as RoomInfo;
    } catch {
      // Offline: the widgets say so and reconnect; the page keeps its generic title.
    }
  }

  override updated() {
    // The widgets follow the nearest lang attribute, so the page's language is theirs.
    document.documentElement.lang = roomLang(this.info);
    document.title = this.info?.title || stringsOf(roomLang(this.info)).joinTitle;
  }

  override render() {
    const lang = roomLang(this.info);
    const s = stringsOf(lang);
    return html`<main>
      <h1>${this.info?.title || s.joinTitle}</h1>
      <p class="privacy muted">${s.privacyNote}</p>
      <plenum-reactions room=${this.room} lang=${lang}></plenum-reactions>
      <plenum-quiz room=${this.room} lang=${lang}></plenum-quiz>
      <plenum-poll room=${this.room} lang=${lang}></plenum-poll>
      <plenum-survey room=${this.room} lang=${lang}></plenum-survey>
      <plenum-questions room=${this.room} lang=${lang} ask-name></plenum-questions>
    </main>`;
  }
}
