import { css, html } from 'lit';
import { isWebUrl, type RoomView } from '@plenum/protocol';
import { ConsoleElement } from './console-element.js';
import { t } from './i18n.js';
import { embedSnippet, hostLink, participantLink, presentLink } from './links.js';
import { qrCode } from './qr.js';
import { saveRoom, type HostedRoom } from './rooms.js';

/**
 * @summary Everything to hand out: the participant link with its QR code, the embed
 * snippet, the present view's link, and the (secret) host link.
 */
export class PlenumShare extends ConsoleElement {
  static override properties = {
    state: { attribute: false },
    hosted: { attribute: false },
    hostKey: { type: String, attribute: 'host-key' },
  };
  declare state: RoomView | undefined;
  declare hosted: HostedRoom | undefined;
  declare hostKey: string;

  static override styles = [
    ...ConsoleElement.styles,
    css`
      .grid {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: minmax(0, 2fr) minmax(12rem, 1fr);
      }
      @media (max-width: 48rem) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
      .qr {
        width: 100%;
        max-width: 18rem;
        height: auto;
        display: block;
      }
    `,
  ];

  constructor() {
    super();
    this.hostKey = '';
  }

  override render() {
    const s = t();
    const room = this.state?.room ?? '';
    const eventPage = this.hosted?.eventPage;
    const link = participantLink(room, eventPage);
    return html`<div class="grid">
      <div>
        <plenum-copy-field label=${s.participantLink} value=${link}></plenum-copy-field>
        <form class="panel" @submit=${this.#saveEventPage}>
          <div class="field">
            <label for="event-page">${s.eventPage}</label>
            <input
              id="event-page"
              name="eventPage"
              type="url"
              .value=${eventPage ?? ''}
              aria-describedby="event-hint"
            />
            <p class="hint" id="event-hint">${s.eventPageHint}</p>
          </div>
          <button type="submit">${s.save}</button>
        </form>
        <plenum-copy-field label=${s.embedSnippet} value=${embedSnippet(room)} multiline></plenum-copy-field>
        <plenum-copy-field label=${s.presentLink} value=${presentLink(room, eventPage)}></plenum-copy-field>
        <plenum-copy-field label=${s.hostLink} value=${hostLink(room, this.hostKey)}></plenum-copy-field>
        <p class="note">${s.keyWarning}</p>
      </div>
      <div>${qrCode(link, s.qrFor(link))}</div>
    </div>`;
  }

  #saveEventPage(event: SubmitEvent) {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('eventPage') ?? '').trim();
    if (!this.state || (value && !isWebUrl(value))) return;
    saveRoom({ room: this.state.room, eventPage: value || undefined });
    this.hosted = { ...this.hosted!, eventPage: value || undefined };
  }
}
