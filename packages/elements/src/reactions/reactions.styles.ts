import { css } from 'lit';
import { shared } from '../shared.styles.js';
import { tokens } from '../tokens.js';

export const styles = [
  tokens,
  shared,
  css`
    :host {
      /* No paint containment: bursts rise above the bar. */
      contain: layout style;
    }
    [part='base'] {
      position: relative;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      padding: var(--_space);
    }
    button {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      min-width: 3em;
      min-height: 3em;
      padding: 0.25em 0.5em;
      transition: transform 120ms ease;
    }
    button:active {
      transform: scale(0.94);
    }
    button[aria-disabled='true'] {
      opacity: 0.5;
      cursor: default;
    }
    .emoji {
      font-size: 1.5em;
      line-height: 1.2;
    }
    .count {
      font-size: 0.8125em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .sky {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    .floater {
      position: absolute;
      top: 0;
      font-size: 1.5em;
      opacity: 0;
      translate: -50% 0;
      animation: rise 1600ms ease-out forwards;
    }
    @keyframes rise {
      0% {
        opacity: 0;
        transform: translate(0, 1em) scale(0.6);
      }
      15% {
        opacity: 0.9;
      }
      100% {
        opacity: 0;
        transform: translate(var(--drift, 0), -6em) scale(1.1);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      button {
        transition: none;
      }
      .sky {
        display: none;
      }
    }
    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
    }
  `,
];
