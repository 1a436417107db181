/**
 * The library's text normaliser for the index and queries: curly quotes and dashes become plain
 * ones, so “don’t” and "don't" match; FTS5's `remove_diacritics 2` and case folding do the rest.
 * (Snippets use the find bar's own folding, src/shared/find-normalise, to mark the same words.)
 */
import { MIN_PREFIX_LETTERS } from '../../../shared/library';

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

// Soft hyphens and zero-width spaces would split a word in two for the tokenizer. (Joiners stay:
// scripts and emoji need them, and a query typed with them splits the same way.)
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

/**
 * NFKC as well, so ligatures and full-width letters ("ﬁnance", "ＫＹＩＶ") are indexed and typed
 * as plain ones: the same characters the find bar treats as equal.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
}

/** Word characters as FTS5's unicode61 tokenizer sees them (letters, digits, marks). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** One part of a query: a single word or a quoted phrase; `prefix` when its last word is open. */
export interface QueryPhrase {
  words: string[];
  prefix: boolean;
}

/**
 * What a person typed, as phrases: quoted parts are phrases, and so is a word with punctuation
 * inside ("don't", "U.S.", "covid-19"), which the index holds as separate tokens in a row; the
 * phrases are ANDed. The last word is a prefix while still being typed (no space or closing quote
 * after it yet), so `"peace tal` already finds "peace talks".
 */
export function parseQuery(typed: string): QueryPhrase[] {
  const text = normaliseText(typed);
  const phrases: QueryPhrase[] = [];
  const pattern = /"([^"]*)("?)|([^"\s]+)/g;
  let open = false;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const words = (match[1] ?? match[3]!).match(WORD) ?? [];
    if (words.length) phrases.push({ words, prefix: false });
    const atEnd = match.index + match[0].length === text.length;
    // A quoted phrase is open until its closing quote; a word until the space after it.
    open = atEnd && words.length > 0 && (match[1] === undefined || match[2] === '');
  }
  const last = phrases.at(-1);
  // Shorter open words match whole: a one- or two-letter prefix would need its own large index.
  if (open && last && [...last.words.at(-1)!].length >= MIN_PREFIX_LETTERS) last.prefix = true;
  return phrases;
}

/** The FTS5 MATCH expression for a query: every word quoted, so typing can never be a syntax error. */
export function toMatchExpression(phrases: QueryPhrase[]): string | null {
  if (phrases.length === 0) return null;
  return phrases.map((p) => `"${p.words.join(' ')}"${p.prefix ? '*' : ''}`).join(' ');
}
