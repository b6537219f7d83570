import { css, html, nothing } from 'lit';
import { isWebUrl, type RoomView } from '@plenum/protocol';
import { updatePasscode } from './api.js';
import { ConsoleElement } from './console-element.js';
import type { HostRoom } from './host-room.js';
import { errorText, t } from './i18n.js';
import { embedSnippet, hostLink, participantLink, presentLink } from './links.js';
import { passcodeField } from './passcode-field.js';
import { qrCode } from './qr.js';
import { findRoom, saveRoom } from './rooms.js';

/**
 * @summary Everything to hand out: the participant link with its QR code, the embed
 * snippet, the present view's link, and the (secret) host link; and the room's passcode,
 * which the participant link, its QR code and the present link then carry.
 */
export class PlenumConsoleShare extends ConsoleElement {
  static override properties = {
    state: { attribute: false },
    hostKey: { type: String, attribute: 'host-key' },
    connection: { attribute: false },
    saved: { state: true },
    error: { state: true },
    passcoded: { state: true },
    passcodeSaved: { state: true },
    passcodeError: { state: true },
  };
  declare state: RoomView | undefined;
  declare hostKey: string;
  /** The room's socket, which saves the event page. */
  declare connection: HostRoom | undefined;
  declare private saved: boolean;
  declare private error: string;
  /** Whether the room has a passcode, as the server says (undefined until it has). */
  declare private passcoded: boolean | undefined;
  declare private passcodeSaved: string;
  declare private passcodeError: string;
  #askedFor = '';

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
    this.passcodeSaved = '';
    this.passcodeError = '';
  }

  override willUpdate() {
    // The server keeps only the passcode's hash: an empty PATCH tells whether there is one.
    const room = this.state?.room;
    if (!room || !this.hostKey || room === this.#askedFor) return;
    this.#askedFor = room;
    updatePasscode(room, this.hostKey, {}).then(
      ({ passcode }) => (this.passcoded = passcode),
      () => {},
    );
  }

  /** The passcode this browser set for the room, unless the server says it has none now. */
  get #passcode(): string | undefined {
    return this.passcoded === false ? undefined : findRoom(this.state?.room ?? '')?.passcode;
  }

  override render() {
    const s = t();
    const room = this.state?.room ?? '';
    // Kept with the room on the server: every host device hands out the same link.
    const eventPage = this.state?.eventPage;
    const passcode = this.#passcode;
    const link = participantLink(room, eventPage, passcode);
    return html`<div class="grid">
      <div>
        <plenum-console-copy-field label=${s.participantLink} value=${link}></plenum-console-copy-field>
        ${
          passcode
            ? html`<p class="note" id="passcode-in-link">${s.linkHasPasscode}</p>`
            : this.passcoded
              ? html`<p class="note">${s.passcodeUnknown}</p>`
              : nothing
        }
        ${this.#renderPasscode(passcode)}
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
        <plenum-console-copy-field
          label=${s.embedSnippet}
          value=${embedSnippet(room)}
          multiline
        ></plenum-console-copy-field>
        <plenum-console-copy-field
          label=${s.presentLink}
          value=${presentLink(room, eventPage, passcode)}
        ></plenum-console-copy-field>
        <plenum-console-copy-field
          label=${s.hostLink}
          value=${hostLink(room, this.hostKey)}
        ></plenum-console-copy-field>
        <p class="note">${s.keyWarning}</p>
      </div>
      <div>${qrCode(link, s.qrFor(link))}</div>
    </div>`;
  }

  #renderPasscode(passcode: string | undefined) {
    const s = t();
    return html`<form class="panel" @submit=${this.#savePasscode}>
      ${passcodeField(passcode)}
      <button type="submit">${s.savePasscode}</button>
      ${
        this.passcoded
          ? html`<button type="button" @click=${() => this.#setPasscode(null)}>${s.removePasscode}</button>`
          : nothing
      }
      ${this.passcodeError ? html`<p class="error" role="alert">${this.passcodeError}</p>` : nothing}
      <p role="status">${this.passcodeSaved || nothing}</p>
    </form>`;
  }

  #savePasscode(event: SubmitEvent) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('#passcode')!;
    const value = input.value.trim();
    // An empty field lifts the passcode, as the button does.
    void this.#setPasscode(value || null);
  }

  async #setPasscode(passcode: string | null) {
    this.passcodeSaved = '';
    this.passcodeError = '';
    if (!this.state) return;
    const room = this.state.room;
    try {
      const answer = await updatePasscode(room, this.hostKey, { passcode });
      saveRoom({ room, passcode: passcode ?? undefined });
      this.passcoded = answer.passcode;
      this.passcodeSaved = passcode ? t().passcodeSaved : t().passcodeRemoved;
    } catch (error) {
      this.passcodeError = errorText(error);
    }
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
      await this.connection?.host?.updateRoom({ eventPage: value });
      this.saved = true;
    } catch (error) {
      this.error = errorText(error);
    }
  }
}
