/**
 * The library's own small text normaliser (the find bar's lives in src/shared, written in parallel):
 * curly quotes and dashes become plain ones, so “don’t” and "don't" match; FTS5's
 * `remove_diacritics 2` handles accents on both sides.
 */

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

/**
 * Turns what a person typed into an FTS5 MATCH expression that can never be a syntax error:
 * quoted parts are phrases, other words are ANDed, and the last word is a prefix while still typed.
 */
export function toMatchExpression(typed: string): string | null {
  const text = normaliseText(typed);
  const parts: string[] = [];
  const pattern = /"([^"]*)("?)|([^"\s]+)/g;
  let last: { term: string; open: boolean } | null = null;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1] !== undefined) {
      const words = match[1].match(WORD) ?? [];
      if (words.length) parts.push(`"${words.join(' ')}"`);
      last = null;
      continue;
    }
    for (const word of match[3]!.match(WORD) ?? []) {
      parts.push(`"${word}"`);
      last = { term: word, open: match.index + match[0].length === text.length };
    }
  }
  if (parts.length === 0) return null;
  // Only a word still being typed (no space after it) gets the prefix star.
  if (last?.open) parts[parts.length - 1] = `"${last.term}"*`;
  return parts.join(' ');
}
