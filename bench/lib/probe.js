/**
 * Preloaded into every benchmarked server (`node --import bench/lib/probe.js …`): measures the
 * event loop from inside, since no server exposes it yet, and answers the coordinator over
 * the IPC channel. It adds one 10 ms timer and nothing on the request path. When the
 * coordinator goes away, the server is told to stop, so no server outlives a benchmark.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  process.on('message', (message) => {
    if (typeof message !== 'object' || message === null || !('probe' in message)) return;
    const answer = { probe: message.probe, ref: message.ref };
    if (message.probe === 'eld') {
      Object.assign(answer, {
        maxMs: histogram.max / 1e6,
        p99Ms: histogram.percentile(99) / 1e6,
        meanMs: histogram.mean / 1e6,
      });
      if (message.reset) histogram.reset();
    } else if (message.probe === 'gc') {
      globalThis.gc?.();
      Object.assign(answer, { gc: typeof globalThis.gc === 'function', memory: process.memoryUsage() });
    }
    process.send?.(answer);
  });
  // Without a coordinator, stop the way an operator would.
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  process.channel?.unref();
}
