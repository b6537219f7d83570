import { performance } from 'node:perf_hooks';

/** Wall-clock ms with sub-ms precision, comparable across the benchmark's processes. */
export const now = () => performance.timeOrigin + performance.now();
