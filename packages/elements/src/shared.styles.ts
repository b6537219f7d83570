import { css } from 'lit';

/** Controls and feedback the widgets share: surfaces, buttons, fields, banners, badges. */
export const shared = css`
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  p {
    margin: 0;
  }
  .banner,
  .error,
  .success,
  .note {
    font-size: 0.875em;
  }
  /* Empty live regions stay in the tree (to be heard later) but out of the layout. */
  .banner:empty,
  .idle {
    position: absolute;
  }
  .banner:not(:empty) {
    padding: 0.25em var(--_space);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .error::before {
    content: '⚠ ';
  }
  .note {
    color: var(--_muted);
  }
  button {
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.25em 0.875em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button[aria-pressed='true'] {
    background: var(--_subtle);
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  input[type='text'],
  textarea {
    width: 100%;
    min-width: 0;
    padding: 0.5em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    resize: vertical;
    min-height: 4.5em;
  }
  .badge {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.75em;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    [part~='base'],
    button,
    input,
    textarea {
      border-color: CanvasText;
    }
    button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
