/** Poll results as bars with the server's whole percentages and the counts beside them. */
import { css, html, nothing } from 'lit';
import { inlineStyle, numbers } from '@plenum/elements';
import type { PollResults } from '@plenum/protocol';
import { ta } from './activity-strings.js';
import { $lang, t } from './i18n.js';

export const resultStyles = css`
  .results {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
    display: grid;
    gap: 0.4rem;
  }
  .result-label {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .bar {
    height: 0.75em;
    background: var(--bg);
    border: 1px solid var(--line);
    border-radius: 0.4em;
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--accent);
    transition: width 0.4s ease;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar > span {
      transition: none;
    }
  }
`;

interface Row {
  label: string;
  percent?: number;
  count: number;
}

function rows(options: readonly string[], results: PollResults): Row[] {
  switch (results.kind) {
    case 'single':
    case 'multiple':
      return options.map((label, i) => ({
        label,
        percent: results.percentages[i] ?? 0,
        count: results.counts[i] ?? 0,
      }));
    case 'rating':
      return results.distribution
        .map((count, i) => ({ label: t().stars(i + 1), percent: results.percentages[i] ?? 0, count }))
        .reverse();
    case 'open': {
      // Open answers have no percentages: their bars are relative to the most frequent.
      return results.answers.map((answer) => ({ label: answer.text, count: answer.count }));
    }
    // From the top of the ranking down, bars by Borda points, each with its average rank.
    case 'ranking':
      return results.order.map((i, place) => ({
        label: `${place + 1}. ${options[i] ?? ''} (${ta().averageRankOnly(numbers($lang.get()).decimal(results.averageRanks[i] ?? 0))})`,
        count: results.points[i] ?? 0,
      }));
  }
}

export function renderResults(options: readonly string[], results: PollResults | undefined) {
  if (!results) return html`<p class="muted">${t().resultsHiddenNote}</p>`;
  const list = rows(options, results);
  const top = Math.max(1, ...list.map((row) => row.count));
  if (list.length === 0) return html`<p class="muted">${t().noAnswers}</p>`;
  return html`
    ${
      results.kind === 'rating'
        ? html`<p><strong>${t().ratingAverage(results.average)}</strong></p>`
        : nothing
    }
    <ul class="results">
      ${list.map((row) => {
        const width = row.percent ?? Math.round((row.count / top) * 100);
        return html`<li>
          <div class="result-label">
            <span>${row.label}</span>
            <span
              >${row.percent !== undefined ? html`<strong>${row.percent} %</strong> · ` : nothing}${
                results.kind === 'open'
                  ? t().mentions(row.count)
                  : results.kind === 'ranking'
                    ? ta().points(row.count)
                    : t().pollVotes(row.count)
              }</span
            >
          </div>
          <div class="bar" aria-hidden="true"><span style=${inlineStyle({ width: `${width}%` })}></span></div>
        </li>`;
      })}
    </ul>
    <p class="muted">${t().responses(results.responses)}</p>
  `;
}
