/**
 * Dates in the library's search syntax: `after:` and `before:` take a year, a month or a day
 * (2025, 2025-03, 2025-03-31), and both bounds are exclusive, so `after:2025-01-31
 * before:2025-03-01` is February and `after:2024 before:2026` is 2025.
 */

/** A period as written: its first and last day, as `YYYY-MM-DD`. */
export interface Period {
  first: string;
  last: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a value names, or null when it is not a year, month or real day. */
export function periodOf(value: string): Period | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1000) return null;
  if (match[2] === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const days = daysIn(year, month);
  if (match[3] === undefined) {
    return { first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-${pad(days)}` };
  }
  const day = Number(match[3]);
  return day >= 1 && day <= days ? { first: value, last: value } : null;
}

/** The day after a `YYYY-MM-DD` day. */
export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The day before a `YYYY-MM-DD` day. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
