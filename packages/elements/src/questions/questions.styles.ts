import { css } from 'lit';
import { shared } from '../shared.styles.js';
import { tokens } from '../tokens.js';

export const styles = [
  tokens,
  shared,
  css`
    form {
      display: grid;
      gap: calc(var(--_space) / 2);
    }
    label {
      font-weight: 600;
    }
    .count {
      justify-self: end;
      font-variant-numeric: tabular-nums;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: var(--_space);
      border-bottom: 1px solid var(--_border);
      padding-bottom: var(--_space);
    }
    [role='tablist'],
    .sort {
      display: flex;
      gap: 0.25em;
    }
    [role='tab'] {
      border-color: transparent;
    }
    [role='tab'][aria-selected='true'] {
      border-color: var(--_accent);
      box-shadow: inset 0 -3px 0 var(--_accent);
      font-weight: 600;
    }
    ul {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: start;
      gap: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow-wrap: anywhere;
    }
    li.highlighted {
      border: 2px solid var(--_accent);
      background: var(--_subtle);
    }
    li.review {
      border-style: dashed;
    }
    .body {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25em;
      min-width: 0;
    }
    .text {
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em;
    }
    .reply {
      margin-top: 0.25em;
      padding-left: var(--_space);
      border-left: 3px solid var(--_accent);
    }
    .upvote {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      padding: 0.25em 0.5em;
      font-variant-numeric: tabular-nums;
    }
    .votes {
      white-space: nowrap;
    }
    @media (forced-colors: active) {
      li,
      li.highlighted {
        border-color: CanvasText;
      }
      [role='tab'][aria-selected='true'] {
        border-color: Highlight;
      }
    }
  `,
];
