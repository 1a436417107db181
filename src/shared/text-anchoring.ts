/**
 * W3C Web Annotation anchoring on plain text: describe a span with a text-quote and a text-position
 * selector, and find it again after the text changed a little (exact, then fuzzy, then give up).
 */
import search from 'approx-string-match';

const CONTEXT = 32;
const NEAR = 4096;

export interface TextSpan {
  start: number;
  end: number;
}

export interface QuoteSelectors {
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  position: { type: 'TextPositionSelector'; start: number; end: number };
}

export function describeSpan(text: string, span: TextSpan): QuoteSelectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(span.start, span.end),
      prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start),
      suffix: text.slice(span.end, span.end + CONTEXT),
    },
    position: { type: 'TextPositionSelector', start: span.start, end: span.end },
  };
}

/** How well the text around `span` matches the stored context, and how near it is to where it was. */
function score(text: string, span: TextSpan, { quote, position }: QuoteSelectors): number {
  const before = text.slice(Math.max(0, span.start - quote.prefix.length), span.start);
  const after = text.slice(span.end, span.end + quote.suffix.length);
  const context = (before === quote.prefix ? 2 : 0) + (after === quote.suffix ? 2 : 0);
  const distance = Math.abs(span.start - position.start) / Math.max(1, text.length);
  return context - distance;
}

/**
 * Where the selectors point in `text` now; null when the quote can no longer be found. With
 * `samePositions: false` (text laid out otherwise than the window's, as in an export) the stored
 * position is only a hint: the quote found there must have its context too.
 */
export function anchorSpan(
  text: string,
  selectors: QuoteSelectors,
  { samePositions = true } = {},
): TextSpan | null {
  const { quote, position } = selectors;
  const there = { start: position.start, end: position.end };
  if (
    text.slice(position.start, position.end) === quote.exact &&
    (samePositions || score(text, there, selectors) > 3)
  ) {
    return there;
  }
  // Small edits move text a little: look near the old place first, and accept it with its context.
  const near = occurrences(text, quote.exact, position.start - NEAR, position.end + NEAR);
  const inContext = near.filter((span) => score(text, span, selectors) > 3);
  const exact = inContext.length ? inContext : occurrences(text, quote.exact, 0, text.length);
  const candidates = exact.length
    ? exact
    : (nonEmpty(fuzzy(text, quote.exact, position.start - NEAR, position.end + NEAR)) ??
      fuzzy(text, quote.exact, 0, text.length));
  let best: TextSpan | null = null;
  for (const span of candidates) {
    if (!best || score(text, span, selectors) > score(text, best, selectors)) best = span;
  }
  return best;
}

/** Every place `exact` occurs between `from` and `to` (searching only that slice of the text). */
function occurrences(text: string, exact: string, from: number, to: number): TextSpan[] {
  const offset = Math.max(0, from);
  const window = text.slice(offset, Math.min(text.length, to));
  const found: TextSpan[] = [];
  for (let at = window.indexOf(exact); at >= 0; at = window.indexOf(exact, at + 1)) {
    found.push({ start: offset + at, end: offset + at + exact.length });
  }
  return found;
}

/** Approximate matches with at most a quarter of the quote's characters changed. */
function fuzzy(text: string, exact: string, from: number, to: number): TextSpan[] {
  const maxErrors = Math.min(256, Math.floor(exact.length / 4));
  if (maxErrors === 0) return [];
  const offset = Math.max(0, from);
  const matches = search(text.slice(offset, Math.max(offset, to)), exact, maxErrors);
  const fewest = Math.min(...matches.map((m) => m.errors));
  return matches
    .filter((m) => m.errors === fewest)
    .map(({ start, end }) => ({ start: offset + start, end: offset + end }));
}

const nonEmpty = <T>(list: T[]) => (list.length ? list : null);
