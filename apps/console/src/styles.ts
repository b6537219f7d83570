import { css } from 'lit';

/**
 * Base styles every console element adopts. Colours meet WCAG AA contrast in both schemes;
 * focus is always visible; targets are at least 44px high on touch screens.
 */
export const shared = css`
  :host {
    --fg: #1b1f24;
    --muted: #4b5563;
    --bg: #ffffff;
    --panel: #f4f5f7;
    --line: #c9ced6;
    --accent: #1d4ed8;
    --accent-fg: #ffffff;
    --danger: #b91c1c;
    --ok: #166534;
    --warn-bg: #fff7d6;
    --focus: #c2410c;
    color: var(--fg);
    font:
      1rem/1.5 system-ui,
      sans-serif;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --fg: #eef0f3;
      --muted: #b6bdc8;
      --bg: #14171c;
      --panel: #1f242c;
      --line: #4a5361;
      --accent: #8fb0ff;
      --accent-fg: #0b1020;
      --danger: #ff9b9b;
      --ok: #86efac;
      --warn-bg: #3a3210;
      --focus: #ffb27a;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h2 {
    font-size: 1.3rem;
  }
  h3 {
    font-size: 1.1rem;
  }
  a {
    color: var(--accent);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 2.5rem;
    padding: 0.35rem 0.8rem;
    border: 1px solid var(--line);
    border-radius: 0.4rem;
    background: var(--bg);
    color: var(--fg);
    cursor: pointer;
    text-decoration: none;
  }
  button:hover,
  .button:hover {
    border-color: var(--fg);
  }
  button.primary,
  .button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-fg);
  }
  button.danger {
    border-color: var(--danger);
    color: var(--danger);
  }
  button[aria-pressed='true'] {
    background: var(--fg);
    color: var(--bg);
    border-color: var(--fg);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media (pointer: coarse) {
    button,
    .button,
    input,
    select {
      min-height: 2.75rem;
    }
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  input[type='text'],
  input[type='url'],
  input[type='number'],
  input[type='password'],
  input[type='datetime-local'],
  input:not([type]),
  select,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--muted);
    border-radius: 0.4rem;
    background: var(--bg);
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .field {
    margin-bottom: 1rem;
  }
  .hint {
    color: var(--muted);
    font-size: 0.9rem;
    margin: 0.25rem 0 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .panel {
    background: var(--panel);
    border: 1px solid var(--line);
    border-radius: 0.6rem;
    padding: 1rem;
    margin-bottom: 1rem;
  }
  .error {
    border-left: 4px solid var(--danger);
    background: var(--panel);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .note {
    border-left: 4px solid var(--accent);
    background: var(--panel);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5rem;
    border: 1px solid var(--line);
    border-radius: 1rem;
    font-size: 0.85rem;
  }
  .muted {
    color: var(--muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  code,
  pre {
    font-family: ui-monospace, monospace;
    font-size: 0.9rem;
  }
  pre {
    white-space: pre-wrap;
    word-break: break-all;
    background: var(--bg);
    border: 1px solid var(--line);
    padding: 0.5rem;
    border-radius: 0.4rem;
  }
  fieldset {
    border: 1px solid var(--line);
    border-radius: 0.4rem;
    margin: 0 0 1rem;
  }
  legend {
    font-weight: 600;
  }
  fieldset label {
    font-weight: 400;
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
`;
