import { css } from 'lit';
import { shared } from '../shared.styles.js';
import { tokens } from '../tokens.js';

export const styles = [
  tokens,
  shared,
  css`
    form {
      display: grid;
      gap: var(--_space);
    }
    fieldset {
      display: grid;
      gap: 0.25em;
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .title {
      padding: 0;
      margin-bottom: calc(var(--_space) / 2);
      font-weight: 700;
      font-size: 1.0625em;
      overflow-wrap: anywhere;
    }
    .option {
      display: flex;
      align-items: center;
      gap: var(--_space);
      min-height: 2.75em;
      padding: 0 var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow-wrap: anywhere;
      cursor: pointer;
    }
    .option:has(:checked) {
      border-color: var(--_accent);
      background: var(--_subtle);
    }
    .option:has(:disabled) {
      color: var(--_muted);
      cursor: default;
    }
    input[type='radio'],
    input[type='checkbox'] {
      flex: none;
      width: 1.25em;
      height: 1.25em;
      margin: 0;
      accent-color: var(--_accent);
    }
    label[for] {
      font-weight: 600;
    }
    .stars {
      display: flex;
      gap: 0.25em;
    }
    .star {
      position: relative;
      display: grid;
      place-items: center;
      width: 2.75em;
      height: 2.75em;
      font-size: 2em;
      line-height: 1;
      color: var(--_muted);
      cursor: pointer;
    }
    .star.on {
      color: var(--_accent);
    }
    .star input {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      opacity: 0;
      cursor: pointer;
    }
    .star:has(:focus-visible) {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
      border-radius: var(--_radius);
    }
    .results {
      display: grid;
      align-content: start;
      gap: calc(var(--_space) / 2);
      min-height: calc(var(--rows, 3) * 2.75em + 1.5em);
    }
    ul,
    ol {
      display: grid;
      gap: calc(var(--_space) / 2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row,
    .answers li {
      display: flex;
      justify-content: space-between;
      gap: var(--_space);
    }
    .text {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .mine .text {
      font-weight: 700;
    }
    .count {
      flex: none;
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
    }
    .answers li {
      padding: 0.25em var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .track {
      display: block;
      height: 0.625em;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_muted) 25%, var(--_surface));
      overflow: hidden;
    }
    .bar {
      display: block;
      height: 100%;
      background: var(--_accent);
      border-radius: inherit;
      transition: width 400ms ease;
    }
    @media (prefers-reduced-motion: reduce) {
      .bar {
        transition: none;
      }
    }
    @media (forced-colors: active) {
      .option,
      .answers li {
        border-color: CanvasText;
      }
      .track {
        border: 1px solid CanvasText;
      }
      .bar,
      .star.on {
        forced-color-adjust: none;
        background: Highlight;
        color: Highlight;
      }
      .star.on {
        background: none;
      }
    }
  `,
];
