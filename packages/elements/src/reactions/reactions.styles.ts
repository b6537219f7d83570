import { css } from 'lit';
import { tokens } from '../tokens.js';

export const styles = [
  tokens,
  css`
    [part='base'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      padding: var(--_space);
      background: var(--_surface);
      border-radius: var(--_radius);
    }
    button {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      min-width: 3rem;
      min-height: 3rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      cursor: pointer;
      transition: transform 120ms ease;
    }
    button:active {
      transform: scale(0.94);
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    .emoji {
      font-size: 1.5rem;
      line-height: 1.2;
    }
    .count {
      font-size: 0.8125rem;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    @media (prefers-reduced-motion: reduce) {
      button {
        transition: none;
      }
    }
    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
    }
  `,
];
