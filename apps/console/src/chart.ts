/** Reactions per minute as a small inline SVG bar chart (no chart library). */
import { html, svg } from 'lit';
import type { ReportMinute } from '@plenum/protocol';
import { timeOfDay } from './format.js';

/** The report leaves quiet minutes out; the chart puts them back as empty bars. */
export function reactionsChart(minutes: readonly ReportMinute[], label: string) {
  const first = minutes[0];
  const last = minutes.at(-1);
  if (!first || !last) return html``;
  const byMinute = new Map(minutes.map((minute) => [minute.minute, minute.total]));
  // At most 240 bars: longer events are summed into wider buckets.
  const bucket = Math.max(1, Math.ceil((last.minute - first.minute + 1) / 240));
  const bars: { total: number; at: number }[] = [];
  for (let start = first.minute; start <= last.minute; start += bucket) {
    let total = 0;
    for (let m = start; m < start + bucket; m++) total += byMinute.get(m) ?? 0;
    bars.push({ total, at: first.at + (start - first.minute) * 60_000 });
  }
  const max = Math.max(...bars.map((bar) => bar.total));
  // Bars stretch to the box (preserveAspectRatio none); the time labels are HTML, so they
  // keep their size whatever the chart's width.
  return html`<figure class="chart">
    ${svg`<svg viewBox="0 0 ${bars.length * 10} 100" preserveAspectRatio="none" role="img" aria-label=${label}>
      ${bars.map((bar, i) => {
        const h = (bar.total / max) * 100;
        return svg`<rect x=${i * 10 + 1} y=${100 - h} width="8" height=${h} fill="currentColor"><title>${timeOfDay(bar.at)}: ${bar.total}</title></rect>`;
      })}
    </svg>`}
    <figcaption class="row chart-axis" aria-hidden="true">
      <span>${timeOfDay(first.at)}</span><span>${timeOfDay(last.at)}</span>
    </figcaption>
  </figure>`;
}
