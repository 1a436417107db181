/**
 * Splits a library query into tokens, keeping where each was typed: quoted phrases (straight or
 * curly quotes; the last may still be open), words, `OR`, `NEAR/n`, a lone `-`, and words with a
 * leading `-` or a `field:` (whose value may be a quoted phrase). Runs of other characters split
 * where a plain search splits them, so a plain query reads as it always has.
 */

export type Token =
  | { kind: 'or'; text: string; at: number; end: number }
  | { kind: 'near'; text: string; distance: number; at: number; end: number }
  | { kind: 'dash'; at: number; end: number }
  | {
      kind: 'term' | 'open-quote';
      /** The word, or the phrase inside the quotes. */
      value: string;
      /** The name before `:` as typed, when the term has one. */
      field?: string;
      negated: boolean;
      quoted: boolean;
      at: number;
      end: number;
    };

const QUOTES = '"\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB';
const isQuote = (char: string | undefined) => char !== undefined && QUOTES.includes(char);
const isSpace = (char: string) => /\s/u.test(char);
const FIELD = /^([A-Za-z]+):(?!\/)(.*)$/s;

export function lexQuery(typed: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  /** A quoted phrase from `i` (at its opening quote). */
  const quoted = (start: number) => {
    let close = start + 1;
    while (close < typed.length && !isQuote(typed[close])) close++;
    const open = close >= typed.length;
    return { value: typed.slice(start + 1, close), open, end: open ? typed.length : close + 1 };
  };
  while (i < typed.length) {
    if (isSpace(typed[i]!)) {
      i++;
      continue;
    }
    if (isQuote(typed[i])) {
      const phrase = quoted(i);
      const kind = phrase.open ? 'open-quote' : 'term';
      tokens.push({
        kind,
        value: phrase.value,
        negated: false,
        quoted: true,
        at: i,
        end: phrase.end,
      });
      i = phrase.end;
      continue;
    }
    let end = i;
    while (end < typed.length && !isSpace(typed[end]!) && !isQuote(typed[end])) end++;
    const run = typed.slice(i, end);
    const near = /^NEAR\/(\S*)$/.exec(run);
    if (run === 'OR') tokens.push({ kind: 'or', text: run, at: i, end });
    else if (near) {
      const distance = /^\d{1,4}$/.test(near[1]!) ? Number(near[1]) : NaN;
      tokens.push({ kind: 'near', text: run, distance, at: i, end });
    } else {
      const negated = run.startsWith('-');
      const rest = negated ? run.slice(1) : run;
      const field = FIELD.exec(rest);
      // A value in quotes right after "-" or "field:" belongs to it.
      if ((rest === '' || (field && field[2] === '')) && isQuote(typed[end])) {
        const phrase = quoted(end);
        tokens.push({
          kind: phrase.open ? 'open-quote' : 'term',
          value: phrase.value,
          ...(field ? { field: field[1]! } : {}),
          negated,
          quoted: true,
          at: i,
          end: phrase.end,
        });
        end = phrase.end;
      } else if (rest === '') tokens.push({ kind: 'dash', at: i, end });
      else {
        tokens.push({
          kind: 'term',
          value: field ? field[2]! : rest,
          ...(field ? { field: field[1]! } : {}),
          negated,
          quoted: false,
          at: i,
          end,
        });
      }
    }
    i = end;
  }
  return tokens;
}
