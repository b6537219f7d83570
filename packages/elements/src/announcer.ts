import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * A polite live region that speaks at most once per `interval`: results that move twenty
 * times a second would otherwise drown the screen reader. The latest text wins.
 */
export class Announcer implements ReactiveController {
  /** Milliseconds between announcements; tests shorten it. */
  interval = 2500;
  #text = '';
  #pending: string | undefined;
  #last = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(text: string): void {
    if (text === this.#text && this.#pending === undefined) return;
    const wait = this.#last + this.interval - performance.now();
    if (wait <= 0) return this.#speak(text);
    this.#pending = text;
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      if (this.#pending !== undefined) this.#speak(this.#pending);
    }, wait);
  }

  #speak(text: string): void {
    this.#pending = undefined;
    this.#last = performance.now();
    this.#text = text;
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  render() {
    return html`<div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.#text}</div>`;
  }
}
