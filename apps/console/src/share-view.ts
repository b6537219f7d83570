import { css, html, nothing } from 'lit';
import { isWebUrl, type RoomView } from '@plenum/protocol';
import { ApiError, updateRoom } from './api.js';
import { ConsoleElement } from './console-element.js';
import { errorText, t } from './i18n.js';
import { embedSnippet, hostLink, participantLink, presentLink } from './links.js';
import { qrCode } from './qr.js';

/**
 * @summary Everything to hand out: the participant link with its QR code, the embed
 * snippet, the present view's link, and the (secret) host link.
 */
export class PlenumShare extends ConsoleElement {
  static override properties = {
    state: { attribute: false },
    hostKey: { type: String, attribute: 'host-key' },
    saved: { state: true },
    error: { state: true },
  };
  declare state: RoomView | undefined;
  declare hostKey: string;
  declare private saved: boolean;
  declare private error: string;

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
    this.saved = false;
    this.error = '';
  }

  override render() {
    const s = t();
    const room = this.state?.room ?? '';
    // Kept with the room on the server: every host device hands out the same link.
    const eventPage = this.state?.eventPage;
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
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          <p role="status">${this.saved ? s.eventPageSaved : nothing}</p>
        </form>
        <plenum-copy-field label=${s.embedSnippet} value=${embedSnippet(room)} multiline></plenum-copy-field>
        <plenum-copy-field label=${s.presentLink} value=${presentLink(room, eventPage)}></plenum-copy-field>
        <plenum-copy-field label=${s.hostLink} value=${hostLink(room, this.hostKey)}></plenum-copy-field>
        <p class="note">${s.keyWarning}</p>
      </div>
      <div>${qrCode(link, s.qrFor(link))}</div>
    </div>`;
  }

  async #saveEventPage(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.querySelector<HTMLInputElement>('#event-page')!;
    const value = input.value.trim();
    this.saved = false;
    this.error = '';
    if (!this.state) return;
    if (value && !isWebUrl(value)) {
      input.setCustomValidity(t().errors.invalid!);
      input.reportValidity();
      input.addEventListener('input', () => input.setCustomValidity(''), { once: true });
      return;
    }
    try {
      // The room's patch brings the new page to every console showing it, this one too.
      await updateRoom(this.state.room, this.hostKey, { eventPage: value });
      this.saved = true;
    } catch (error) {
      this.error = errorText(error instanceof ApiError ? error.code : undefined);
    }
  }
}
