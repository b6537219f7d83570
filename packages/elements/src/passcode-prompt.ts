/**
 * The passcode prompt every widget shows while its room waits for the code: loaded on
 * demand (see `PlenumElement.locked`), so rooms without a passcode never download it.
 *
 * Where a code comes from: the link's fragment (`#passcode=…`, taken out of the visible URL
 * once read, so an address shared from the address bar does not carry it), else what this
 * tab remembers, else the participant types it. Remembered in sessionStorage per server and
 * room: it survives reloads and the tab's navigation, ends with the tab (a borrowed phone or
 * a venue PC does not keep it for the next person), and never travels to a server as a
 * cookie would.
 */
import type { html as litHtml, nothing as litNothing, ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoomLike } from '@plenum/client';
import type { Lang, PasscodeStrings, resolveLang, strings } from './i18n.js';
import type { resolveServer } from './server-url.js';

const builtIn: Record<Lang, PasscodeStrings> = {
  en: {
    note: 'This room is protected by a passcode.',
    label: 'Passcode',
    submit: 'Enter',
    wrong: 'That passcode is not right. Please check it and try again.',
  },
  de: {
    note: 'Dieser Raum ist durch einen Zugangscode geschützt.',
    label: 'Zugangscode',
    submit: 'Eintreten',
    wrong: 'Dieser Zugangscode stimmt nicht. Bitte prüfen Sie ihn und versuchen Sie es erneut.',
  },
};

/** What the prompt needs of its element (a PlenumElement). */
export interface PromptHost extends ReactiveControllerHost, HTMLElement {
  readonly roomLike: RoomLike | undefined;
  readonly room: string;
  readonly server: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * What it uses of the main bundle, handed over rather than imported: an import would make
 * the bundler split Lit and the catalogues into a chunk of their own, and plenum.js must
 * stay one file.
 */
export interface PromptKit {
  html: typeof litHtml;
  nothing: typeof litNothing;
  resolveLang: typeof resolveLang;
  resolveServer: typeof resolveServer;
  strings: typeof strings;
}

let linkRead = false;

/**
 * The code the page's link brought, handed out once (the first room to ask remembers it)
 * and taken out of the fragment at once.
 */
function takeLinkCode(): string | undefined {
  if (linkRead) return;
  linkRead = true;
  const match = /[#&]passcode=([^&]*)/.exec(location.hash);
  if (!match) return;
  history.replaceState(
    history.state,
    '',
    location.pathname + location.search + location.hash.replace(match[0], '').replace(/^&/, '#'),
  );
  try {
    return decodeURIComponent(match[1]!.replace(/\+/g, ' ')) || undefined;
  } catch {
    return undefined; // a broken escape: no code, the prompt asks
  }
}

export class PasscodePrompt implements ReactiveController {
  /** A code was sent (typed, or found) and its answer has not come. */
  #trying = false;
  /** The participant typed it here: the answer moves focus. */
  #typed = false;
  #focus: 'field' | 'widget' | undefined;

  constructor(
    private readonly host: PromptHost,
    private readonly kit: PromptKit,
  ) {
    host.addController(this);
    const code = takeLinkCode() ?? this.#stored();
    if (code && host.roomLike?.$passcode?.get() === 'needed') this.#send(code);
  }

  /** Shown instead of the widget while the room asks, and while a code sent is checked. */
  get locked(): boolean {
    return !!this.host.roomLike?.$passcode?.get() || this.#trying;
  }

  get #key() {
    return `plenum:passcode:${new URL(this.kit.resolveServer(this.host.server)).origin}/${this.host.room}`;
  }

  #stored(): string | undefined {
    try {
      return sessionStorage.getItem(this.#key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Remembers the code for this tab; undefined forgets it. */
  #remember(code: string | undefined): void {
    try {
      if (code) sessionStorage.setItem(this.#key, code);
      else sessionStorage.removeItem(this.#key);
    } catch {
      // Storage refused (a sandboxed frame): the code lives in the connection only.
    }
  }

  #send(code: string): void {
    this.#trying = true;
    this.#remember(code);
    this.host.roomLike?.usePasscode?.(code);
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const asked = this.host.roomLike?.$passcode?.get();
    if (asked === 'wrong') this.#remember(undefined);
    if (this.#trying && (asked || this.host.roomLike?.$status.get() === 'open')) {
      this.#trying = false;
      if (this.#typed) this.#focus = asked ? 'field' : 'widget';
      this.#typed = false;
    }
  }

  hostUpdated(): void {
    const focus = this.#focus;
    this.#focus = undefined;
    const root = this.host.renderRoot;
    if (focus === 'field') root.querySelector<HTMLInputElement>('#passcode')?.select();
    // Joined: on to the widget's first control, as the prompt that had focus is gone.
    if (focus === 'widget') root.querySelector<HTMLElement>('textarea, input, button')?.focus();
  }

  /** One labelled field and a button; a wrong code is an alert, tied to the field. */
  render() {
    const { html, nothing, resolveLang, strings } = this.kit;
    const lang = resolveLang(this.host);
    const t = strings(lang).passcode ?? builtIn[lang];
    const wrong = this.host.roomLike?.$passcode?.get() === 'wrong';
    // A code from the link or this tab is being checked: no form to flash past.
    if (this.#trying && !this.#typed) return nothing;
    return html`<form part="base passcode" @submit=${this.#submit}>
      <p id="passcode-note">${t.note}</p>
      <label for="passcode">${t.label}</label>
      <input
        part="input"
        id="passcode"
        type="text"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${wrong}
        aria-describedby=${wrong ? 'passcode-note passcode-error' : 'passcode-note'}
      />
      <button part="button" class="primary" type="submit">${t.submit}</button>
      ${wrong ? html`<p class="error" role="alert" id="passcode-error">${t.wrong}</p>` : nothing}
    </form>`;
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const field = this.host.renderRoot.querySelector<HTMLInputElement>('#passcode')!;
    const code = field.value.trim();
    if (!code) return field.focus();
    this.#typed = true;
    this.#send(code);
  };
}
