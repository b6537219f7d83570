import { css, html, nothing } from 'lit';
import { isTimeZone, limits, moderationModes, roomIdRule, type Moderation } from '@plenum/protocol';
import { ApiError, createRoom } from './api.js';
import { ConsoleElement } from './console-element.js';
import { $lang, errorText, t } from './i18n.js';
import { hostLink } from './links.js';
import { passcodeField } from './passcode-field.js';
import { readRecording, recordingFields, startWarning } from './recording-fields.js';
import { readRoomSettings, roomSettingsFields } from './room-settings-fields.js';
import { $rooms, removeRoom, saveRoom } from './rooms.js';
import { $flash } from './route.js';
import { StoreController } from '@plenum/elements';
import { browserZone } from './zoned-time.js';

/**
 * @summary The start screen: create a room, and the rooms this browser hosts.
 */
export class PlenumConsoleHome extends ConsoleElement {
  static override properties = {
    busy: { state: true },
    error: { state: true },
    needsToken: { state: true },
    warning: { state: true },
  };
  declare private busy: boolean;
  declare private error: string;
  declare private needsToken: boolean;
  /** About the recording start entered: far from now, where a new room's activity will be. */
  declare private warning: string;
  readonly #rooms = new StoreController(this, $rooms);
  readonly #flash = new StoreController(this, $flash);

  static override styles = [
    ...ConsoleElement.styles,
    css`
      .layout {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
        align-items: start;
      }
      .rooms li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.6rem 0;
        border-bottom: 1px solid var(--line);
      }
      .rooms a {
        font-weight: 600;
      }
    `,
  ];

  constructor() {
    super();
    this.busy = false;
    this.error = '';
    this.needsToken = false;
    this.warning = '';
  }

  override render() {
    const s = t();
    const rooms = this.#rooms.value;
    const flash = this.#flash.value;
    return html`<h1>${s.appTitle}</h1>
      ${flash ? html`<p class="note" role="status">${flash}</p>` : nothing}
      <div class="layout">
        <section class="panel" aria-labelledby="create-title">
          <h2 id="create-title">${s.createTitle}</h2>
          <form @submit=${this.#create} @input=${this.#checkStart}>
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <div class="field">
              <label for="title">${s.roomTitle}</label>
              <input id="title" name="title" required maxlength=${limits.roomTitle} autocomplete="off" />
            </div>
            <div class="field">
              <label for="room">${s.roomId}</label>
              <input
                id="room"
                name="room"
                pattern=${roomIdRule}
                autocomplete="off"
                aria-describedby="room-hint"
              />
              <p class="hint" id="room-hint">${s.roomIdHint}</p>
            </div>
            <fieldset>
              <legend>${s.questions}</legend>
              ${moderationModes.map(
                (mode) =>
                  html`<label
                    ><input type="radio" name="moderation" value=${mode} ?checked=${mode === 'post'} />
                    ${mode === 'post' ? s.moderationPost : s.moderationPre}</label
                  >`,
              )}
            </fieldset>
            <div class="field">
              <label for="event-page">${s.eventPage}</label>
              <input id="event-page" name="eventPage" type="url" aria-describedby="event-hint" />
              <p class="hint" id="event-hint">${s.eventPageHint}</p>
            </div>
            ${passcodeField()} ${roomSettingsFields($lang.get(), browserZone())}
            ${recordingFields(undefined, browserZone(), this.warning)}
            ${
              this.needsToken
                ? html`<div class="field">
                    <label for="token">${s.adminToken}</label>
                    <input
                      id="token"
                      name="token"
                      type="password"
                      required
                      autocomplete="off"
                      aria-describedby="token-hint"
                    />
                    <p class="hint" id="token-hint">${s.adminTokenHint}</p>
                  </div>`
                : nothing
            }
            <button class="primary" type="submit" ?disabled=${this.busy}>
              ${this.busy ? s.creating : s.create}
            </button>
          </form>
        </section>
        <section aria-labelledby="rooms-title">
          <h2 id="rooms-title">${s.yourRooms}</h2>
          ${
            rooms.length === 0
              ? html`<p class="muted">${s.noRooms}</p>`
              : html`<ul class="plain rooms">
                    ${rooms.map(
                      (room) =>
                        html`<li>
                          <span>
                            <a href=${hostLink(room.room, room.hostKey)}>${room.title}</a>
                            <span class="muted">· ${room.room}</span>
                          </span>
                          <button
                            type="button"
                            aria-label=${`${s.removeFromList}: ${room.title}`}
                            @click=${() => removeRoom(room.room)}
                          >
                            ${s.removeFromList}
                          </button>
                        </li>`,
                    )}
                  </ul>
                  <p class="hint">${s.removeNote}</p>`
          }
        </section>
      </div>`;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    $flash.set('');
  }

  #checkStart(event: Event) {
    const form = event.currentTarget as HTMLFormElement;
    const zone = String(new FormData(form).get('timeZone') ?? '');
    const now = Date.now();
    this.warning = startWarning(form, isTimeZone(zone) ? zone : browserZone(), { from: now, to: now });
  }

  async #create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const title = text('title');
    const settings = readRoomSettings(form);
    if (!settings) return;
    const recording = readRecording(data, settings.timeZone);
    this.busy = true;
    this.error = '';
    try {
      const created = await createRoom(
        {
          title,
          moderation: (text('moderation') || 'post') as Moderation,
          ...(text('room') && { room: text('room') }),
          ...(recording && { recording }),
          ...settings,
          ...(text('eventPage') && { eventPage: text('eventPage') }),
          ...(text('passcode') && { passcode: text('passcode') }),
        },
        text('token') || undefined,
      );
      saveRoom({
        room: created.room,
        hostKey: created.hostKey,
        title,
        moderation: (text('moderation') || 'post') as Moderation,
        addedAt: Date.now(),
        ...(text('passcode') && { passcode: text('passcode') }),
      });
      // Straight to the new room's share tab: links, QR code and the embed snippet.
      location.hash = `${new URL(hostLink(created.room, created.hostKey)).hash.slice(1)}&tab=share`;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && !this.needsToken) {
        this.needsToken = true;
        this.error = t().adminTokenHint;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#token')?.focus();
      } else if (error instanceof ApiError && error.status === 403) {
        this.error = t().adminTokenWrong;
      } else {
        this.error = errorText(error);
      }
    } finally {
      this.busy = false;
    }
  }
}
