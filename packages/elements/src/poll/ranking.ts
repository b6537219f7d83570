/**
 * A ranking poll's part of `<plenum-poll>`, loaded on demand the first time a ranking poll
 * shows (see `loadRanking` in poll.ts), so pages without one never download it.
 *
 * Participants put the options in order: each row has "move up" / "move down" buttons (the
 * move is announced, and focus stays on the row that moved) and can be dragged. Results
 * come from the server (average rank and Borda points), shown in their order.
 */
import type { PollView, RankingResults } from '@plenum/protocol';
import type { Lang } from '../i18n.js';
import type { ViewKit } from '../lazy-element.js';
import type { ReactiveControllerHost } from 'lit';

export interface RankingStrings {
  hint: string;
  moveUp: (option: string) => string;
  moveDown: (option: string) => string;
  moved: (option: string, position: number, of: number) => string;
  /** One result for screen readers. */
  resultLine: (position: number, option: string, average: string, points: string) => string;
  averageRank: (average: string) => string;
  points: (n: number) => string;
  yourPlace: (position: number) => string;
}

const builtIn: Record<Lang, (kit: ViewKit) => RankingStrings> = {
  en: (kit) => {
    const n = kit.numbers('en');
    return {
      hint: 'Put the options in your order: the first is your favourite. Use the buttons, or drag a row.',
      moveUp: (option) => `Move “${option}” up`,
      moveDown: (option) => `Move “${option}” down`,
      moved: (option, position, of) => `“${option}” is now at position ${position} of ${of}.`,
      resultLine: (position, option, average, points) =>
        `${position}. ${option}: average rank ${average}, ${points}`,
      averageRank: (average) => `average rank ${average}`,
      points: (count) => n.count(count, { one: 'point', other: 'points' }),
      yourPlace: (position) => `your place: ${position}`,
    };
  },
  de: (kit) => {
    const n = kit.numbers('de');
    return {
      hint: 'Bringen Sie die Antworten in Ihre Reihenfolge: die erste ist Ihr Favorit. Nutzen Sie die Knöpfe oder ziehen Sie eine Zeile.',
      moveUp: (option) => `„${option}“ nach oben`,
      moveDown: (option) => `„${option}“ nach unten`,
      moved: (option, position, of) => `„${option}“ ist jetzt auf Platz ${position} von ${of}.`,
      resultLine: (position, option, average, points) =>
        `${position}. ${option}: durchschnittlicher Rang ${average}, ${points}`,
      averageRank: (average) => `Rang im Schnitt ${average}`,
      points: (count) => n.count(count, { one: 'Punkt', other: 'Punkte' }),
      yourPlace: (position) => `Ihr Platz: ${position}`,
    };
  },
};

const css = (parts: TemplateStringsArray) => parts.join('');

export const sheet = new CSSStyleSheet();
sheet.replaceSync(css`
  .ranking li {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2.75em;
    padding: 0 0 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: grab;
  }
  .ranking li.dragging {
    opacity: 0.5;
  }
  .ranking li.over {
    border-color: var(--_accent);
    border-style: dashed;
  }
  .ranking .position {
    flex: none;
    min-width: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .ranking .text {
    flex: 1;
  }
  .ranking button {
    flex: none;
    padding: 0;
  }
  @media (forced-colors: active) {
    .ranking li {
      border-color: CanvasText;
    }
  }
`);

/** What the ranking needs of the poll element. */
export interface RankingHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly announcer: { announce(text: string): void };
}

export class RankingView {
  #dragging: number | undefined;
  #over: number | undefined;
  /** After a move: the row (by option) and which button keeps focus. */
  #focus: { option: number; button: 'up' | 'down' } | undefined;

  constructor(
    private readonly host: RankingHost,
    private readonly kit: ViewKit,
  ) {}

  #words: { lang?: Lang; custom?: Partial<RankingStrings>; value?: RankingStrings } = {};

  /** The built-in words, with any the page replaced (`setStrings(lang, { ranking: { … } })`). */
  strings(lang: Lang): RankingStrings {
    const custom = this.kit.strings(lang).ranking;
    const words = this.#words;
    if (words.lang !== lang || words.custom !== custom)
      this.#words = { lang, custom, value: { ...builtIn[lang](this.kit), ...custom } };
    return this.#words.value!;
  }

  /** The order the participant is making: `order` (option indices), changed through `pick`. */
  inputs(lang: Lang, poll: PollView, order: readonly number[], pick: (order: number[]) => void) {
    const { html } = this.kit;
    const s = this.strings(lang);
    const count = order.length;
    const move = (from: number, to: number, button: 'up' | 'down') => {
      if (to < 0 || to >= count) return;
      const next = [...order];
      const [option] = next.splice(from, 1);
      next.splice(to, 0, option!);
      // At the edge the button it was on is disabled: focus goes to the other one.
      const edge = to === 0 ? 'down' : to === count - 1 ? 'up' : button;
      this.#focus = { option: option!, button: count > 1 ? edge : button };
      pick(next);
      this.host.announcer.announce(s.moved(poll.options[option!]!, to + 1, count));
    };
    return html`<p class="note" id="ranking-hint">${s.hint}</p>
      <ol part="list" class="ranking" aria-describedby="ranking-hint">
        ${order.map((option, index) => {
          const text = poll.options[option]!;
          const classes = [
            this.#dragging === index ? 'dragging' : '',
            this.#over === index && this.#dragging !== index ? 'over' : '',
          ].join(' ');
          return html`<li
            part="item"
            class=${classes}
            draggable="true"
            data-option=${option}
            @dragstart=${(event: DragEvent) => {
              this.#dragging = index;
              event.dataTransfer?.setData('text/plain', text);
              if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
              this.host.requestUpdate();
            }}
            @dragover=${(event: DragEvent) => {
              if (this.#dragging === undefined) return;
              event.preventDefault();
              if (this.#over !== index) {
                this.#over = index;
                this.host.requestUpdate();
              }
            }}
            @drop=${(event: DragEvent) => {
              event.preventDefault();
              const from = this.#dragging;
              this.#dragging = this.#over = undefined;
              if (from !== undefined && from !== index) move(from, index, from < index ? 'down' : 'up');
              else this.host.requestUpdate();
            }}
            @dragend=${() => {
              this.#dragging = this.#over = undefined;
              this.host.requestUpdate();
            }}
          >
            <span class="position" aria-hidden="true">${index + 1}.</span>
            <span class="text">${text}</span>
            <button
              part="button"
              type="button"
              class="up"
              aria-label=${s.moveUp(text)}
              ?disabled=${index === 0}
              @click=${() => move(index, index - 1, 'up')}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              part="button"
              type="button"
              class="down"
              aria-label=${s.moveDown(text)}
              ?disabled=${index === count - 1}
              @click=${() => move(index, index + 1, 'down')}
            >
              <span aria-hidden="true">↓</span>
            </button>
          </li>`;
        })}
      </ol>`;
  }

  /** After a render: the moved row's button gets focus back (its element may be a new one). */
  restoreFocus(): void {
    const focus = this.#focus;
    this.#focus = undefined;
    if (!focus) return;
    this.host.renderRoot
      .querySelector<HTMLButtonElement>(`.ranking li[data-option="${focus.option}"] .${focus.button}`)
      ?.focus();
  }

  /** The results, best first: average rank and Borda points, a bar by points. */
  results(lang: Lang, poll: PollView, results: RankingResults, mine: readonly number[] | undefined) {
    const { html, inlineStyle } = this.kit;
    const s = this.strings(lang);
    const decimal = this.kit.numbers(lang).decimal;
    const top = Math.max(1, ...results.points);
    return html`<ol part="list" class="bars ranked">
      ${results.order.map((option, index) => {
        const label = poll.options[option]!;
        const place = mine ? mine.indexOf(option) + 1 : 0;
        const name = place > 0 ? `${label} (${s.yourPlace(place)})` : label;
        const average = decimal(results.averageRanks[option] ?? 0);
        const points = s.points(results.points[option] ?? 0);
        const width = `${Math.round(((results.points[option] ?? 0) * 100) / top)}%`;
        return html`<li part="item">
          <span class="visually-hidden">${s.resultLine(index + 1, name, average, points)}</span>
          <span class="row" aria-hidden="true"
            ><span class="text">${index + 1}. ${name}</span
            ><span part="count" class="count">${s.averageRank(average)} · ${points}</span></span
          >
          <span class="track" aria-hidden="true"
            ><span part="bar" class="bar" style=${inlineStyle({ width })}></span
          ></span>
        </li>`;
      })}
    </ol>`;
  }
}
