/** Reads the date line under a byline ("June 08, 2025", "Updated: March 3, 2025", "2025-06-08"). */
import type { ArticleDate } from './article';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const LABEL = /^(last updated|updated|published|posted|modified|date)(?: on)?\s*:?\s*/i;
const WEEKDAY = /^(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s+/i;
const MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/;

export function parseDateLine(raw: string): ArticleDate {
  const line = raw.trim();
  const labelMatch = LABEL.exec(line);
  const label = labelMatch ? capitalise(labelMatch[1]!.toLowerCase()) : null;
  const rest = line.slice(labelMatch?.[0].length ?? 0).replace(WEEKDAY, '');
  return { raw: line, iso: parseDate(rest), label };
}

/** True when a short line reads like a date, even one we cannot parse ("Summer 2024"). */
export function looksLikeDateLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 80 || /[.!?]$/.test(text)) return false;
  if (parseDateLine(text).iso) return true;
  return LABEL.test(text) || (/\d{4}/.test(text) && text.split(/\s+/).length <= 8);
}

function parseDate(text: string): string | null {
  let m = MONTH_FIRST.exec(text);
  if (m) return toIso(Number(m[3]), monthIndex(m[1]!), Number(m[2]));
  m = DAY_FIRST.exec(text);
  if (m) return toIso(Number(m[3]), monthIndex(m[2]!), Number(m[1]));
  m = ISO.exec(text);
  if (m) return toIso(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return null;
}

function monthIndex(name: string): number {
  const n = name.toLowerCase();
  if (n.length < 3) return -1;
  // "Sept" is the one common abbreviation longer than three letters.
  return MONTHS.findIndex((month) => month.startsWith(n === 'sept' ? 'sep' : n));
}

function toIso(year: number, month: number, day: number): string | null {
  if (month < 0 || month > 11 || day < 1 || year < 1000) return null;
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCMonth() !== month) return null;
  return date.toISOString().slice(0, 10);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
