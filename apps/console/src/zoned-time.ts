/**
 * The console's side of wall-clock times in a room's zone (see zonedDateTime in the
 * protocol, which the server's report shares): the browser's zone, the zones to pick from,
 * and `datetime-local` values (read back with `parseZonedDateTime`).
 */
import { zonedDateTime } from '@plenum/protocol';

/** The browser's own zone: what a new room gets unless the host picks another. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every zone the browser knows, for the picker. */
export const timeZones = (): string[] => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
};

/** A `datetime-local` value ("2021-10-01T12:05") for a moment, as the zone's clock shows it. */
export const toZonedInput = (at: number | undefined, timeZone: string): string =>
  at === undefined ? '' : zonedDateTime(at, timeZone);
