import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Subscribes a Lit element to a nanostores store while it is connected and re-renders on
 * change. `@nanostores/lit` does the same but ships CommonJS, which browsers cannot import.
 */
export class StoreController<T> implements ReactiveController {
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private store: ReadableAtom<T>,
  ) {
    host.addController(this);
  }

  get value(): T {
    return this.store.get();
  }

  /** Follows another store (e.g. when the element's `room` attribute changes). */
  set(store: ReadableAtom<T>): void {
    if (store === this.store) return;
    const connected = this.#unsubscribe !== undefined;
    this.hostDisconnected();
    this.store = store;
    if (connected) this.hostConnected();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.#unsubscribe = this.store.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
