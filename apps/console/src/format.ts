import { $lang } from './i18n.js';

const locale = () => ($lang.get() === 'de' ? 'de-DE' : 'en-GB');

/** "12:05"; in the given zone (a room's), else the browser's. */
export const timeOfDay = (at: number, timeZone?: string): string =>
  new Date(at).toLocaleTimeString(locale(), {
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone && { timeZone }),
  });

export const longDate = (at: number): string =>
  new Date(at).toLocaleDateString(locale(), { day: 'numeric', month: 'long', year: 'numeric' });

/** 3725 -> "1:02:05" */
export function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
