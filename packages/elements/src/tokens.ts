import { css } from 'lit';

/**
 * The shared design tokens: every element reads `--plenum-*` with these defaults, so a page
 * themes all widgets at once. `all: initial` keeps the host page's inherited CSS out.
 */
export const tokens = css`
  :host {
    all: initial;
    display: block;
    contain: content;
    --_accent: var(--plenum-accent, #0b57d0);
    --_on-accent: var(--plenum-on-accent, #ffffff);
    --_surface: var(--plenum-surface, #ffffff);
    --_text: var(--plenum-text, #1b1b1f);
    --_muted: var(--plenum-muted, #5c5f66);
    --_border: var(--plenum-border, #c4c7cf);
    --_radius: var(--plenum-radius, 0.5em);
    --_font: var(--plenum-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space: var(--plenum-spacing, 0.5em);
    --_danger: var(--plenum-danger, #b3261e);
    --_subtle: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    font-family: var(--_font);
    font-size: var(--plenum-font-size, medium);
    line-height: 1.4;
    color: var(--_text);
  }
  /*
   * Page CSS such as \`* { font-size: 31px !important }\` reaches the host element (and
   * \`html\`, so rem too), never the shadow tree: the widget's own root sets its type again.
   * \`medium\` is the reader's own default size, which no page can change. Inside, sizes are em.
   */
  [part~='base'] {
    font-family: var(--_font);
    font-size: var(--plenum-font-size, medium);
    font-weight: 400;
    line-height: 1.4;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    --_accent: var(--plenum-accent, #a8c7fa);
    --_on-accent: var(--plenum-on-accent, #062e6f);
    --_surface: var(--plenum-surface, #1b1b1f);
    --_text: var(--plenum-text, #e3e3e8);
    --_muted: var(--plenum-muted, #a9acb4);
    --_border: var(--plenum-border, #5c5f66);
    --_danger: var(--plenum-danger, #ffb4ab);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--plenum-accent, #a8c7fa);
      --_on-accent: var(--plenum-on-accent, #062e6f);
      --_surface: var(--plenum-surface, #1b1b1f);
      --_text: var(--plenum-text, #e3e3e8);
      --_muted: var(--plenum-muted, #a9acb4);
      --_border: var(--plenum-border, #5c5f66);
      --_danger: var(--plenum-danger, #ffb4ab);
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
