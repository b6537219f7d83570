/**
 * Wall-clock times in a room's time zone, which need not be the browser's: a host in Lisbon
 * enters the start of a recording in Berlin as Berlin's 12:00.
 */

/** The browser's own zone: what a new room gets unless the host picks another. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every zone the browser knows, for the picker. */
export const timeZones = (): string[] => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
};

function wallClock(at: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** How far the zone's clock is ahead of UTC at that moment, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const c = wallClock(at, timeZone);
  return (
    Date.UTC(c.year!, c.month! - 1, c.day!, c.hour!, c.minute!, c.second!) - Math.floor(at / 1000) * 1000
  );
}

/** A `datetime-local` value ("2021-10-01T12:05") for a moment, as the zone's clock shows it. */
export function toZonedInput(at: number | undefined, timeZone: string): string {
  if (at === undefined) return '';
  const c = wallClock(at, timeZone);
  const pad = (n: number | undefined) => String(n).padStart(2, '0');
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/** The moment a `datetime-local` value (seconds optional) names on the zone's clock. */
export function fromZonedInput(value: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1).map((part) => part ?? '0');
  const asUtc = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second);
  // The offset of the guess, then of the corrected moment: right across a DST change too.
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}
