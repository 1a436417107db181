/** How the details panel writes sizes, times and ages for people. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024)
    return `${kb.toFixed(kb < 10 ? 1 : 0)} KB (${bytes.toLocaleString('en-GB')} bytes)`;
  return `${(kb / 1024).toFixed(1)} MB (${bytes.toLocaleString('en-GB')} bytes)`;
}

/** A file's time: its date written as every article date is (`long`), then the time. */
export function formatTimestamp(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Whole units people read at a glance: days up to two weeks, weeks up to two months, and so on. */
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['year', 365, 730],
  ['month', 30.44, 60],
  ['week', 7, 14],
];

/** "17 months ago" for a `YYYY-MM-DD` date, counted in whole days from today (UTC). */
export function howLongAgo(iso: string, now = new Date(), locale = 'en-GB'): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((Date.parse(`${iso}T00:00:00Z`) - today) / 86_400_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size, from] of UNITS) {
    if (Math.abs(days) >= from) return format.format(Math.trunc(days / size), unit);
  }
  return format.format(days, 'day');
}

export const LINE_ENDING_NAMES = {
  LF: 'LF (Unix, macOS)',
  CRLF: 'CRLF (Windows)',
  CR: 'CR (classic Mac)',
  mixed: 'Mixed',
  none: 'None (a single line)',
} as const;
