import { css, html, nothing, type PropertyValues } from 'lit';
import { connectRoom, type RoomConnection } from '@plenum/client';
import { RoomController } from '@plenum/elements';
import { limits, type Moderation, type RoomView } from '@plenum/protocol';
import { ta } from './activity-strings.js';
import { ConsoleElement } from './console-element.js';
import { errorText, t } from './i18n.js';
import { hostLink, presentLink } from './links.js';
import { findRoom, saveRoom } from './rooms.js';
import { $route } from './route.js';

const tabs = ['questions', 'polls', 'quizzes', 'surveys', 'share', 'report'] as const;
type Tab = (typeof tabs)[number];

/**
 * @summary A room seen by its host: header, and tabs for questions, polls, quizzes, surveys, sharing and
 * the report. Nothing of the room is shown until the server accepts the host key.
 */
export class PlenumConsoleHost extends ConsoleElement {
  static override properties = {
    room: { type: String },
    keyFromLink: { type: String, attribute: 'key-from-link' },
    tab: { state: true },
    notice: { state: true },
    renaming: { state: true },
  };
  declare room: string;
  declare keyFromLink: string;
  declare private tab: Tab;
  declare private notice: string;
  /** The title is being edited. */
  declare private renaming: boolean;
  /** The room, connected with the host key; render() reads its stores. */
  readonly #stores = new RoomController<RoomConnection>(this);
  /** The state last remembered in this browser's list of rooms. */
  #remembered: RoomView | undefined;

  static override styles = [
    ...ConsoleElement.styles,
    css`
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: baseline;
        justify-content: space-between;
        margin-bottom: 1rem;
      }
      h1 {
        margin: 0;
        font-size: 1.5rem;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        border-bottom: 2px solid var(--line);
        margin-bottom: 1rem;
      }
      [role='tab'] {
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        margin-bottom: -2px;
        background: none;
      }
      [role='tab'][aria-selected='true'] {
        border-bottom-color: var(--accent);
        font-weight: 700;
      }
      select {
        width: auto;
      }
    `,
  ];

  constructor() {
    super();
    this.room = '';
    this.keyFromLink = '';
    this.renaming = false;
    const route = $route.get();
    const wanted = route.screen === 'host' ? route.tab : undefined;
    this.tab = tabs.find((tab) => tab === wanted) ?? 'questions';
    this.notice = '';
  }

  get #key(): string {
    return this.keyFromLink || findRoom(this.room)?.hostKey || '';
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('room') || changed.has('keyFromLink')) this.#connect();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#disconnect();
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.#connect();
  }

  #connect() {
    const key = this.#key;
    this.#stores.set(
      this.room && key ? connectRoom({ server: location.origin, room: this.room, hostKey: key }) : undefined,
    );
  }

  #disconnect() {
    this.#stores.set(undefined);
  }

  override updated() {
    // The key works: remember the room in this browser's list (with the title it has now).
    // Once per state the server sends: a room forgotten (erased) stays forgotten.
    const state = this.#stores.state;
    const key = this.#key;
    if (!state || !key || state === this.#remembered) return;
    this.#remembered = state;
    const known = findRoom(state.room);
    if (
      !known ||
      known.hostKey !== key ||
      known.title !== state.title ||
      known.moderation !== state.moderation
    )
      saveRoom({ room: state.room, hostKey: key, title: state.title, moderation: state.moderation });
  }

  override render() {
    const s = t();
    const key = this.#key;
    if (!key) return this.#missingKey();
    const connection = this.#stores.room;
    const error = this.#stores.error;
    if (error)
      return html`<h1>${s.appTitle}</h1>
        <p class="error" role="alert">${errorText(error.code)}</p>
        <p><a href="#">${s.home}</a></p>`;
    const state = this.#stores.state;
    const status = connection ? this.#stores.status : 'connecting';
    if (!connection || !state)
      return html`<p role="status">${s.status[status === 'closed' ? 'connecting' : status]}</p>`;
    const labels: Record<Tab, string> = {
      questions: s.questions,
      polls: s.polls,
      quizzes: ta().quizzes,
      surveys: ta().surveys,
      share: s.tabShare,
      report: s.tabReport,
    };
    return html`
      <div class="top">
        <div>
          ${
            this.renaming
              ? html`<form class="row rename" @submit=${this.#rename} @keydown=${this.#renameKeys}>
                  <label for="room-title">${s.roomTitle}</label>
                  <input id="room-title" name="title" maxlength=${limits.roomTitle} .value=${state.title} />
                  <button type="submit" class="primary">${s.save}</button>
                  <button type="button" @click=${() => this.#stopRenaming()}>${s.cancel}</button>
                </form>`
              : html`<div class="row">
                  <h1>${state.title}</h1>
                  <button type="button" class="rename-start" @click=${this.#startRenaming}>
                    ${s.renameRoom}
                  </button>
                </div>`
          }
          <span class="muted">${s.roomIdLabel}: <code>${state.room}</code></span>
        </div>
        <div class="row">
          <span class="badge">${s.online(state.online)}</span>
          <span role="status" class="muted">${status === 'open' ? nothing : s.status[status]}</span>
          <label class="visually-hidden" for="moderation">${s.questions}</label>
          <select id="moderation" @change=${this.#setModeration}>
            <option value="post" ?selected=${state.moderation === 'post'}>${s.moderationPost}</option>
            <option value="pre" ?selected=${state.moderation === 'pre'}>${s.moderationPre}</option>
          </select>
          <a
            class="button"
            href=${presentLink(state.room, state.eventPage, findRoom(state.room)?.passcode)}
            target="_blank"
            rel="noopener"
            >${s.presentOpen} <span class="visually-hidden">${s.newWindow}</span></a
          >
        </div>
      </div>
      ${this.notice ? html`<p class="error" role="alert">${this.notice}</p>` : nothing}
      ${capsNote(state.full)}
      <plenum-console-screen-control
        .connection=${connection}
        .state=${state}
      ></plenum-console-screen-control>
      <div role="tablist" aria-label=${s.tabsLabel} @keydown=${this.#tabKeys}>
        ${tabs.map(
          (tab) =>
            html`<button
              role="tab"
              type="button"
              id="tab-${tab}"
              aria-selected=${String(this.tab === tab)}
              aria-controls="panel-${tab}"
              tabindex=${this.tab === tab ? 0 : -1}
              @click=${() => (this.tab = tab)}
            >
              ${labels[tab]}
            </button>`,
        )}
      </div>
      ${tabs.map(
        (tab) =>
          html`<div
            role="tabpanel"
            id="panel-${tab}"
            aria-labelledby="tab-${tab}"
            ?hidden=${this.tab !== tab}
          >
            ${this.tab === tab ? this.#panel(tab, connection, key) : nothing}
          </div>`,
      )}
    `;
  }

  #panel(tab: Tab, connection: RoomConnection, key: string) {
    const state = this.#stores.state!;
    switch (tab) {
      case 'questions':
        return html`<plenum-console-moderation
          .connection=${connection}
          .state=${state}
        ></plenum-console-moderation>`;
      case 'polls':
        return html`<plenum-console-polls .connection=${connection} .state=${state}></plenum-console-polls>`;
      case 'quizzes':
        return html`<plenum-console-quizzes
          .connection=${connection}
          .state=${state}
        ></plenum-console-quizzes>`;
      case 'surveys':
        return html`<plenum-console-surveys
          .connection=${connection}
          .state=${state}
        ></plenum-console-surveys>`;
      case 'share':
        return html`<plenum-console-share
          .connection=${connection}
          .state=${state}
          host-key=${key}
        ></plenum-console-share>`;
      case 'report':
        return html`<plenum-console-report
          .connection=${connection}
          room=${this.room}
          host-key=${key}
        ></plenum-console-report>`;
    }
  }

  #missingKey() {
    const s = t();
    return html`<h1>${s.appTitle}</h1>
      <p class="error" role="alert">${s.hostErrors.missingKey}</p>
      <form class="panel" @submit=${this.#useKey}>
        <div class="field">
          <label for="key">${s.keyLabel}</label>
          <input id="key" name="key" type="password" required autocomplete="off" />
        </div>
        <button class="primary" type="submit">${s.useKey}</button>
      </form>
      <p><a href="#">${s.home}</a></p>`;
  }

  #useKey(event: SubmitEvent) {
    event.preventDefault();
    const key = String(new FormData(event.target as HTMLFormElement).get('key') ?? '').trim();
    if (key) location.hash = new URL(hostLink(this.room, key)).hash;
  }

  async #startRenaming() {
    this.renaming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#room-title')?.select();
  }

  async #stopRenaming() {
    this.renaming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.rename-start')?.focus();
  }

  #renameKeys(event: KeyboardEvent) {
    if (event.key === 'Escape') void this.#stopRenaming();
  }

  /** room-update: every console and widget hears the new title with the next patch. */
  async #rename(event: SubmitEvent) {
    event.preventDefault();
    const title = String(new FormData(event.target as HTMLFormElement).get('title') ?? '').trim();
    this.notice = '';
    try {
      await this.#stores.room?.host?.updateRoom({ title });
      await this.#stopRenaming();
    } catch (error) {
      this.notice = errorText(error);
    }
  }

  async #setModeration(event: Event) {
    const moderation = (event.target as HTMLSelectElement).value as Moderation;
    this.notice = '';
    try {
      await this.#stores.room?.host?.updateRoom({ moderation });
    } catch (error) {
      this.notice = errorText(error);
    }
  }

  /** Arrow keys, Home and End move between tabs (the ARIA tabs pattern). */
  #tabKeys(event: KeyboardEvent) {
    const index = tabs.indexOf(this.tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index + tabs.length - 1) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    this.tab = tabs[next]!;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus(),
    );
  }
}

/** The caps the room has reached, for the host: nothing more of that kind is taken. */
function capsNote(full: RoomView['full']) {
  const reached = Object.entries(full ?? {});
  if (reached.length === 0) return nothing;
  const s = t();
  return html`<ul class="error" role="status" aria-label=${s.capsLabel}>
    ${reached.map(([cap, n]) => html`<li>${s.capReached[cap]?.(n) ?? cap}</li>`)}
  </ul>`;
}
