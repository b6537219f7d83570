/**
 * How many reactions arrived per emoji since the last totals: the client only knows running
 * totals, so bursts are read from their increases. The first totals seen are no burst.
 */
export function increases(
  before: Readonly<Record<string, number>> | undefined,
  after: Readonly<Record<string, number>>,
): [emoji: string, count: number][] {
  if (!before) return [];
  return Object.entries(after)
    .map(([emoji, total]): [string, number] => [emoji, total - (before[emoji] ?? 0)])
    .filter(([, count]) => count > 0);
}
