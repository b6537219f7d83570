/**
 * Wall-clock times in a room's time zone, which need not be the viewer's: a host in Lisbon
 * enters the start of a recording in Berlin as Berlin's 12:00, and the report lists the
 * questions on Berlin's clock wherever it is read. The console and the server's report share
 * these.
 */

/** The fields of a moment on the zone's clock (month 1–12, hour 0–23). */
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

/**
 * "2021-10-01T12:05": the moment to the minute as the zone's clock shows it, in the form a
 * `datetime-local` input takes; with `separator: ' '` what a spreadsheet reads as a date in
 * any locale.
 */
export function zonedDateTime(at: number, timeZone: string, separator = 'T'): string {
  const c = wallClock(at, timeZone);
  const pad = (n: number | undefined) => String(n).padStart(2, '0');
  return `${c.year}-${pad(c.month)}-${pad(c.day)}${separator}${pad(c.hour)}:${pad(c.minute)}`;
}

/** The moment "2021-10-01T12:05" (seconds optional) names on the zone's clock; undefined if it names none. */
export function parseZonedDateTime(value: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1).map((part) => part ?? '0');
  const asUtc = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second);
  // The offset of the guess, then of the corrected moment: right across a DST change too.
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}
