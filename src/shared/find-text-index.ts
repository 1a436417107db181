/**
 * Counts matches in an article's text with one regular-expression scan over the folded text, and
 * reports each match as (segment, start, end) in the segment's original text, in reading order.
 */
import { foldQuery, foldText, toOriginal, type FoldedText } from './find-normalise';

export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export interface FindMatches {
  count: number;
  /** Parallel arrays: the segment of each match and its offsets in that segment's text. */
  segment: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export type FindResult = { ok: true; matches: FindMatches } | { ok: false; message: string };

// Never typed by a reader, so a plain query cannot match across two segments.
const SEPARATOR = '\u0000';
const EMPTY: FindMatches = {
  count: 0,
  segment: new Int32Array(0),
  start: new Int32Array(0),
  end: new Int32Array(0),
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The expression for a query, or the reason it is not one. */
export function compileQuery(
  query: string,
  options: FindOptions,
): { ok: true; regex: RegExp | null } | { ok: false; message: string } {
  if (query.trim() === '') return { ok: true, regex: null };
  // Plain queries are folded with the text; a pattern keeps its case and uses the `i` flag.
  const folded = foldQuery(query, !options.matchCase && !options.regex);
  const body = options.regex ? foldQuery(query, false) : escapeRegExp(folded);
  const flags = `g${options.regex && !options.matchCase ? 'i' : ''}`;
  const word = (inner: string, letter: string) =>
    options.wholeWord ? `(?<!${letter})(?:${inner})(?!${letter})` : inner;
  try {
    return { ok: true, regex: new RegExp(word(body, '[\\p{L}\\p{N}_]'), `${flags}u`) };
  } catch (unicodeError) {
    try {
      // Patterns such as `\-` are valid only without the `u` flag.
      return { ok: true, regex: new RegExp(word(body, '\\w'), flags) };
    } catch {
      return { ok: false, message: (unicodeError as Error).message };
    }
  }
}

export class FindTextIndex {
  readonly #text: string;
  /** Where each segment starts in the joined text, plus the total length at the end. */
  readonly #bounds: Int32Array;
  readonly #folded: (FoldedText | undefined)[] = [undefined, undefined];

  constructor(segments: readonly string[]) {
    this.#text = segments.join(SEPARATOR);
    this.#bounds = new Int32Array(segments.length + 1);
    let at = 0;
    segments.forEach((segment, index) => {
      this.#bounds[index] = at;
      at += segment.length + 1;
    });
    this.#bounds[segments.length] = at;
  }

  get segmentCount(): number {
    return this.#bounds.length - 1;
  }

  #foldedText(foldCase: boolean): FoldedText {
    const slot = foldCase ? 1 : 0;
    return (this.#folded[slot] ??= foldText(this.#text, foldCase));
  }

  /** Folds the text ahead of the first keystroke, so the first one is as quick as the rest. */
  prepare(options: FindOptions): void {
    this.#foldedText(!options.matchCase && !options.regex);
  }

  #segmentAt(offset: number): number {
    let low = 0;
    let high = this.#bounds.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#bounds[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  find(query: string, options: FindOptions): FindResult {
    const compiled = compileQuery(query, options);
    if (!compiled.ok) return compiled;
    if (!compiled.regex) return { ok: true, matches: EMPTY };
    const folded = this.#foldedText(!options.matchCase && !options.regex);
    const regex = compiled.regex;
    const segments: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let match: RegExpExecArray | null;
    while ((match = regex.exec(folded.text)) !== null) {
      const length = match[0].length;
      if (length === 0) {
        regex.lastIndex++;
        continue;
      }
      const [from, to] = toOriginal(folded, match.index, match.index + length);
      const segment = this.#segmentAt(from);
      // A pattern may span the separator; such a match belongs to no block and is dropped.
      if (to > this.#bounds[segment + 1]! - 1) continue;
      const base = this.#bounds[segment]!;
      segments.push(segment);
      starts.push(from - base);
      ends.push(to - base);
    }
    return {
      ok: true,
      matches: {
        count: segments.length,
        segment: Int32Array.from(segments),
        start: Int32Array.from(starts),
        end: Int32Array.from(ends),
      },
    };
  }
}
