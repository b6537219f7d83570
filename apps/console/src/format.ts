import { $lang } from './i18n.js';

const locale = () => ($lang.get() === 'de' ? 'de-DE' : 'en-GB');

export const timeOfDay = (at: number): string =>
  new Date(at).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });

export const longDate = (at: number): string =>
  new Date(at).toLocaleDateString(locale(), { day: 'numeric', month: 'long', year: 'numeric' });

export const number = (value: number, digits = 0): string =>
  value.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** 3725 -> "1:02:05" */
export function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A `datetime-local` value for a time, and back. */
export function toLocalInput(at: number | undefined): string {
  if (at === undefined) return '';
  const date = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 19);
}

export function fromLocalInput(value: string): number | undefined {
  if (!value) return undefined;
  const at = new Date(value).getTime();
  return Number.isNaN(at) ? undefined : at;
}
