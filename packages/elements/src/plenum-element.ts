import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { connectRoom, type RoomLike, type Status } from '@plenum/client';
import { emit } from './events.js';
import { describeError } from './feedback.js';
import { resolveLang, strings, type Strings } from './i18n.js';
import type { PasscodePrompt, PromptHost, PromptKit } from './passcode-prompt.js';
import { resolveServer } from './server-url.js';
import { RoomController } from './room-controller.js';
import { viewKit } from './kit.js';

/** What the passcode prompt's file uses of this bundle (the kit the lazy views share). */
const kit: PromptKit = viewKit;

/** Elements on the page re-render when the page's language changes. */
const living = new Set<PlenumElement>();
let langObserver: MutationObserver | undefined;

/**
 * The attributes and room wiring all three widgets share: it resolves the connection (an
 * injected `connection`, else `connectRoom` from `room`/`server`), follows its stores,
 * fires `plenum-status` on changes and renders the quiet connection banner.
 *
 * A passcoded room shows a prompt instead of the widget until the code is in (see
 * passcode-prompt.ts for where a code comes from and is kept).
 *
 * @fires plenum-status - The connection's status changed. detail: { room, status }
 * @csspart passcode - The passcode prompt of a passcoded room (its field and button are `input` and `button`).
 * @cssprop --plenum-accent - Primary buttons, focus ring and highlights.
 * @cssprop --plenum-on-accent - Text on the accent colour.
 * @cssprop --plenum-surface - Background.
 * @cssprop --plenum-text - Text colour.
 * @cssprop --plenum-muted - Secondary text.
 * @cssprop --plenum-border - Borders.
 * @cssprop --plenum-danger - Errors and destructive actions.
 * @cssprop --plenum-radius - Corner radius.
 * @cssprop --plenum-spacing - Base spacing.
 * @cssprop --plenum-font - Font family.
 * @cssprop --plenum-font-size - Base font size (default `medium`, the reader's own default size).
 */
export class PlenumElement extends LitElement {
  static override properties: PropertyDeclarations = {
    room: { type: String, reflect: true },
    server: { type: String },
    lang: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    connection: { attribute: false },
  };

  /** The room id (required). */
  declare room: string;
  /** The Plenum server; by default the origin plenum.js was loaded from. */
  declare server: string | undefined;
  /** `de` or `en`; by default the nearest `lang` in the page, else the browser's. */
  declare lang: string;
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  declare theme: 'light' | 'dark' | 'auto';
  /** An injected room (tests, stories, apps that manage connections themselves). */
  declare connection: RoomLike | undefined;

  /** The room in use (the injected one or the shared connection for `room`/`server`) and its stores. */
  protected readonly roomStores = new RoomController(this);
  #lastStatus: Status | undefined;
  #prompt: PasscodePrompt | undefined;

  constructor() {
    super();
    this.room = '';
    this.theme = 'auto';
  }

  /** The connection's status right now. */
  get status(): Status {
    return this.roomStores.status;
  }

  /** The room in use, if any. */
  protected get roomLike(): RoomLike | undefined {
    return this.roomStores.room;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    living.add(this);
    langObserver ??= new MutationObserver(() => living.forEach((element) => element.requestUpdate()));
    langObserver.observe(document.documentElement, { attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    living.delete(this);
  }

  protected get t(): Strings {
    return strings(resolveLang(this));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('room') || changed.has('server') || changed.has('connection')) {
      const next =
        this.connection ??
        (this.room ? connectRoom({ server: resolveServer(this.server), room: this.room }) : undefined);
      if (this.roomStores.set(next)) this.#lastStatus = undefined;
    }
    const status = this.roomStores.status;
    if (this.#lastStatus !== undefined && status !== this.#lastStatus) {
      emit(this, 'plenum-status', { room: this.roomName, status });
    }
    this.#lastStatus = status;
  }

  /**
   * Whether the room waits for its passcode: the widget then renders `renderPasscode()`
   * only. The prompt's file loads the first time a room asks.
   */
  protected get locked(): boolean {
    if (this.#prompt) return this.#prompt.locked;
    if (!this.roomLike?.$passcode?.get()) return false;
    import('./passcode-prompt.js').then(
      ({ PasscodePrompt }) => {
        this.#prompt ??= new PasscodePrompt(this as unknown as PromptHost, kit);
        this.requestUpdate();
      },
      () => {},
    );
    return true;
  }

  protected renderPasscode() {
    return this.#prompt?.render() ?? nothing;
  }

  /** The room's id, also for injected connections without a `room` attribute. */
  protected get roomName(): string {
    return this.room || this.roomStores.state?.room || '';
  }

  /** A polite banner while the connection is down; refusals (unknown room) as an alert. */
  protected renderConnection() {
    const t = this.t;
    const error = this.roomStores.error;
    const status = this.roomStores.status;
    const quiet = status === 'reconnecting' || status === 'offline';
    return html`<p class="banner" role="status">${quiet ? t.status[status] : nothing}</p>
      ${error ? html`<p class="error" role="alert">${describeError(t, error)}</p>` : nothing}`;
  }
}
