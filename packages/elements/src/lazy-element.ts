/**
 * Widgets whose body loads on demand: the element itself (its attributes, room wiring and
 * passcode prompt) is part of plenum.js, what it shows is a file of its own fetched the first
 * time the tag appears on a page. Pages without a quiz or survey never download either.
 *
 * The loaded file imports nothing at run time: what it needs of Lit and the shared helpers
 * it gets as a kit, handed over rather than imported (an import would make the bundler split
 * Lit and the catalogues into a chunk of their own, and plenum.js must stay one file).
 */
import { html, type ReactiveControllerHost } from 'lit';
import type { RoomLike } from '@plenum/client';
import { Announcer } from './announcer.js';
import type { Strings } from './i18n.js';
import { viewKit, type ViewKit } from './kit.js';
import { PlenumElement } from './plenum-element.js';
import type { RoomController } from './room-controller.js';

export { viewKit, type ViewKit };

/** What a view needs of its element. */
export interface ViewHost extends ReactiveControllerHost, HTMLElement {
  readonly roomLike: RoomLike | undefined;
  readonly roomStores: RoomController;
  readonly roomName: string;
  readonly t: Strings;
  readonly announcer: Announcer;
  readonly renderRoot: HTMLElement | DocumentFragment;
  renderConnection(): unknown;
}

export interface View {
  render(): unknown;
}

/** A view's file: its styles and its class. */
export interface ViewModule {
  sheet: CSSStyleSheet;
  /** Takes its element (a ViewHost with the widget's own properties) and the kit. */
  View: new (host: never, kit: ViewKit) => View;
}

/** Loads a file once per page; a failed load may be tried again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((failure: unknown) => {
      loading = undefined;
      throw failure;
    }));
}

/** Adds a loaded file's styles to an element's shadow root. */
export function adopt(element: HTMLElement, sheet: CSSStyleSheet): void {
  const root = element.shadowRoot!;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The part of a lazy widget that lives in plenum.js: it loads its view and renders it. */
export class LazyElement extends PlenumElement {
  /** Announces what changes (a new question, the time left, results) politely; `announcer.interval` sets the pace. */
  readonly announcer = new Announcer(this);
  #view: View | undefined;

  /** The view's file (overridden by each widget). */
  protected loadView(): Promise<ViewModule> {
    return Promise.reject(new Error('no view'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#view) return;
    this.loadView().then(
      ({ sheet, View }) => {
        adopt(this, sheet);
        this.#view ??= new View(this as never, viewKit);
        this.requestUpdate();
      },
      // Not loaded (offline, say): the next time the element connects tries again.
      () => {},
    );
  }

  protected override render() {
    if (this.locked) return this.renderPasscode();
    return (
      this.#view?.render() ?? html`<section part="base" aria-busy="true">${this.renderConnection()}</section>`
    );
  }
}
