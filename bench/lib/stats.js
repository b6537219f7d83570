/** Small numeric helpers for the report. */

/**
 * @param {number[]} values
 * @returns {{ n: number, min: number, mean: number, p50: number, p99: number, max: number }}
 */
export function summary(values) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (/** @type {number} */ p) =>
    n === 0 ? NaN : (sorted[Math.min(n - 1, Math.ceil((p / 100) * n) - 1)] ?? NaN);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    n,
    min: n ? (sorted[0] ?? NaN) : NaN,
    mean: n ? sum / n : NaN,
    p50: at(50),
    p99: at(99),
    max: n ? (sorted[n - 1] ?? NaN) : NaN,
  };
}

/**
 * @param {number} value
 * @param {number} [digits]
 */
export function fmt(value, digits = 0) {
  if (value === undefined || value === null || Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return '∞';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** @param {number} bytes */
export const mb = (bytes) => bytes / (1024 * 1024);

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wall-clock ms with sub-ms precision, comparable across the benchmark's processes. */
export { now } from './clock.js';
