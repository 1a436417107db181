/**
 * The library's own small text normaliser (the find bar's lives in src/shared, written in parallel):
 * curly quotes and dashes become plain ones, so “don’t” and "don't" match; FTS5's
 * `remove_diacritics 2` handles accents on both sides.
 */
import { MIN_PREFIX_LETTERS } from '../../../shared/library';

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
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
 * What a person typed, as phrases: quoted parts are phrases, other words stand alone (and are
 * ANDed), and the last word is a prefix while still being typed (no space after it yet).
 */
export function parseQuery(typed: string): QueryPhrase[] {
  const text = normaliseText(typed);
  const phrases: QueryPhrase[] = [];
  const pattern = /"([^"]*)("?)|([^"\s]+)/g;
  let open = false;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1] !== undefined) {
      const words = match[1].match(WORD) ?? [];
      if (words.length) phrases.push({ words, prefix: false });
      open = false;
      continue;
    }
    for (const word of match[3]!.match(WORD) ?? []) phrases.push({ words: [word], prefix: false });
    open = match.index + match[0].length === text.length;
  }
  const last = phrases.at(-1);
  // Shorter open words match whole: a one- or two-letter prefix would need its own large index.
  if (open && last && [...last.words[0]!].length >= MIN_PREFIX_LETTERS) last.prefix = true;
  return phrases;
}

/** The FTS5 MATCH expression for a query: every word quoted, so typing can never be a syntax error. */
export function toMatchExpression(phrases: QueryPhrase[]): string | null {
  if (phrases.length === 0) return null;
  return phrases.map((p) => `"${p.words.join(' ')}"${p.prefix ? '*' : ''}`).join(' ');
}
