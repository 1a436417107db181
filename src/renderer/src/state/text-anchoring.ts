/**
 * W3C Web Annotation anchoring on plain text: describe a span with a text-quote and a text-position
 * selector, and find it again after the text changed a little (exact, then fuzzy, then give up).
 */
import search from 'approx-string-match';

const CONTEXT = 32;

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

/** Where the selectors point in `text` now; null when the quote can no longer be found. */
export function anchorSpan(text: string, selectors: QuoteSelectors): TextSpan | null {
  const { quote, position } = selectors;
  if (text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end };
  }
  const exact: TextSpan[] = [];
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    exact.push({ start: at, end: at + quote.exact.length });
  }
  const candidates = exact.length ? exact : fuzzy(text, quote.exact);
  let best: TextSpan | null = null;
  for (const span of candidates) {
    if (!best || score(text, span, selectors) > score(text, best, selectors)) best = span;
  }
  return best;
}

/** Approximate matches with at most a quarter of the quote's characters changed. */
function fuzzy(text: string, exact: string): TextSpan[] {
  const maxErrors = Math.min(256, Math.floor(exact.length / 4));
  if (maxErrors === 0) return [];
  const matches = search(text, exact, maxErrors);
  const fewest = Math.min(...matches.map((m) => m.errors));
  return matches.filter((m) => m.errors === fewest).map(({ start, end }) => ({ start, end }));
}
