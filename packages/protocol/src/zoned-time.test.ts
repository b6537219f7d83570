import { describe, expect, it } from 'vitest';
import { parseZonedDateTime, zonedDateTime } from './zoned-time.js';

describe('wall-clock times in a room’s zone', () => {
  const noonInBerlin = Date.UTC(2021, 9, 1, 10, 5); // 12:05 in Berlin (summer time)

  it('tells a moment on the zone’s clock, whatever the machine’s zone', () => {
    expect(zonedDateTime(noonInBerlin, 'Europe/Berlin')).toBe('2021-10-01T12:05');
    expect(zonedDateTime(noonInBerlin, 'America/New_York')).toBe('2021-10-01T06:05');
    // The report's sortable form: what a spreadsheet reads as a date in any locale.
    expect(zonedDateTime(noonInBerlin, 'UTC', ' ')).toBe('2021-10-01 10:05');
    expect(zonedDateTime(Date.UTC(2021, 11, 31, 23, 30), 'Europe/Berlin')).toBe('2022-01-01T00:30');
  });

  it('reads back what the host enters on the room’s clock, across summer time changes', () => {
    expect(parseZonedDateTime('2021-10-01T12:05', 'Europe/Berlin')).toBe(noonInBerlin);
    expect(parseZonedDateTime('2021-10-01T12:05:30', 'Europe/Berlin')).toBe(noonInBerlin + 30_000);
    // The night summer time ends (03:00 → 02:00) and the night it begins.
    for (const value of ['2021-10-31T01:30', '2021-10-31T04:00', '2021-03-28T01:59', '2021-03-28T04:00'])
      expect(zonedDateTime(parseZonedDateTime(value, 'Europe/Berlin')!, 'Europe/Berlin')).toBe(value);
    expect(parseZonedDateTime('1 October, noon', 'Europe/Berlin')).toBeUndefined();
  });
});
