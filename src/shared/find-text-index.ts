/**
 * Counts matches in an article's text with one scan over the folded text, and reports each match
 * as (segment, start, end) in the segment's original text, in reading order (find-matches).
 */
import {
  FoldedMatches,
  foldedBounds,
  NO_MATCHES,
  PlacedMatches,
  type FindMatches,
  type SegmentBounds,
} from './find-matches';
import { foldQuery, foldText, type FoldedText } from './find-normalise';
import { LetterPositions, MAX_INDEXED_LENGTH } from './letter-positions';
import {
  Growing,
  overlapsItself,
  regexPositions,
  withoutOverlaps,
  type FoundPositions,
} from './find-positions';
import { WORD_CHARACTERS } from './text-fold';

export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export type FindResult = { ok: true; matches: FindMatches } | { ok: false; message: string };

// Never typed by a reader, so a plain query cannot match across two segments.
const SEPARATOR = '\u0000';
const SEPARATOR_CODE = SEPARATOR.charCodeAt(0);

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
    // Words end where the library's index ends them, so whole-word find and library search agree.
    return { ok: true, regex: new RegExp(word(body, `[${WORD_CHARACTERS}]`), `${flags}u`) };
  } catch (unicodeError) {
    try {
      // Patterns such as `\-` are valid only without the `u` flag.
      return { ok: true, regex: new RegExp(word(body, '\\w'), flags) };
    } catch {
      // Engines prefix the reason with the whole pattern and its flags; the reason is enough.
      const reason = (unicodeError as Error).message.replace(
        /^Invalid regular expression: \/.*\/[a-z]*: /,
        '',
      );
      return { ok: false, message: reason };
    }
  }
}

/**
 * Which folding of the text a search reads, and so which of the per-folding lists below: plain
 * queries ignore case unless told not to; a pattern keeps it and uses the `i` flag instead.
 */
const CASE_KEPT = 0;
const CASE_FOLDED = 1;
type FoldSlot = typeof CASE_KEPT | typeof CASE_FOLDED;
const foldSlot = (options: FindOptions): FoldSlot =>
  !options.matchCase && !options.regex ? CASE_FOLDED : CASE_KEPT;

/** Characters folded per step of `prepare`: a few milliseconds of work. */
const FOLD_SLICE = 65_536;

interface FoldJob {
  next: number;
  texts: string[];
  starts: Int32Array[];
}

export class FindTextIndex {
  readonly #text: string;
  /** Where each segment starts in the joined text, plus the total length at the end. */
  readonly #bounds: Int32Array;
  readonly #folded: (FoldedText | undefined)[] = [undefined, undefined];
  readonly #folding: (FoldJob | undefined)[] = [undefined, undefined];
  readonly #foldedBounds: (SegmentBounds | undefined)[] = [undefined, undefined];
  readonly #letters: (LetterPositions | undefined)[] = [undefined, undefined];
  #lastPlain: { key: string; needle: string; all: FoundPositions } | null = null;

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

  #foldedText(slot: FoldSlot): FoldedText {
    this.#fold(slot, Infinity);
    return this.#folded[slot]!;
  }

  /**
   * Folds the text ahead of the first keystroke, then, for plain queries, keeps each letter's
   * places; at most `budgetMs` at a time so a big article never blocks a frame; true once done.
   */
  prepare(options: FindOptions, budgetMs = Infinity): boolean {
    const slot = foldSlot(options);
    const deadline = performance.now() + budgetMs;
    if (!this.#fold(slot, budgetMs)) return false;
    // 4 ms at 2 MB, cold: the first keystroke's count would wait for it.
    this.#boundsOf(slot);
    if (options.regex || options.wholeWord) return true;
    const { text } = this.#folded[slot]!;
    if (text.length > MAX_INDEXED_LENGTH) return true;
    return (this.#letters[slot] ??= new LetterPositions(text)).build(deadline);
  }

  #fold(slot: FoldSlot, budgetMs: number): boolean {
    if (this.#folded[slot]) return true;
    const job = (this.#folding[slot] ??= { next: 0, texts: [], starts: [] });
    const started = performance.now();
    const text = this.#text;
    while (job.next < text.length) {
      // Slices end after a separator, so no character or run of spaces is cut in two.
      const cut = text.indexOf(SEPARATOR, job.next + FOLD_SLICE);
      const end = cut === -1 ? text.length : cut + 1;
      const piece = foldText(text.slice(job.next, end), slot === CASE_FOLDED);
      const offset = job.next;
      job.texts.push(piece.text);
      job.starts.push(piece.starts.map((start) => start + offset));
      job.next = end;
      if (performance.now() - started > budgetMs) return false;
    }
    const starts = new Int32Array(job.starts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of job.starts) {
      starts.set(part, at);
      at += part.length;
    }
    this.#folded[slot] = { text: job.texts.join(''), starts, originalLength: text.length };
    this.#folding[slot] = undefined;
    return true;
  }

  find(query: string, options: FindOptions): FindResult {
    const compiled = compileQuery(query, options);
    if (!compiled.ok) return compiled;
    if (!compiled.regex) return { ok: true, matches: NO_MATCHES };
    const slot = foldSlot(options);
    const folded = this.#foldedText(slot);
    const needle = foldQuery(query, !options.matchCase);
    if (options.regex || options.wholeWord || needle.includes(SEPARATOR)) {
      return {
        ok: true,
        matches: this.#toSegments(
          folded,
          regexPositions(folded.text, compiled.regex, this.#boundsOf(slot).folded, SEPARATOR_CODE),
        ),
      };
    }
    // Placed in segments only as the view and the bar ask: most are never looked at.
    const letters = needle.length === 1 ? this.#letters[slot] : undefined;
    const { starts, count } = this.#plainPositions(folded.text, needle, options, letters);
    return {
      ok: true,
      matches: new FoldedMatches(starts, count, needle.length, folded, this.#boundsOf(slot)),
    };
  }

  /** Where each segment starts in the folded text (the text folded already). */
  #boundsOf(slot: FoldSlot): SegmentBounds {
    return (this.#foldedBounds[slot] ??= foldedBounds(this.#foldedText(slot), this.#bounds));
  }

  /** The first of `queries` with a match here, read as the find bar reads them; null if none. */
  firstFound(queries: readonly string[], options: FindOptions): string | null {
    const has = (query: string) => {
      const result = this.find(query, options);
      return result.ok && result.matches.count > 0;
    };
    return queries.find(has) ?? null;
  }

  /** Where a plain query starts; a query typed on from the last one only re-checks its matches. */
  #plainPositions(
    text: string,
    needle: string,
    options: FindOptions,
    letters?: LetterPositions,
  ): FoundPositions {
    const last = this.#lastPlain;
    const key = options.matchCase ? 'case' : 'fold';
    // Every occurrence, overlapping ones too, so the next keystroke can narrow this list.
    let all: FoundPositions;
    if (last && last.key === key && needle.startsWith(last.needle)) {
      // Into a list of its own: the last keystroke's matches hold the earlier one.
      const { starts: earlier, count } = last.all;
      const starts = new Int32Array(count);
      const known = last.needle.length;
      let kept = 0;
      // Only the newly typed characters need checking at each earlier occurrence.
      outer: for (let i = 0; i < count; i++) {
        const at = earlier[i]!;
        for (let k = known; k < needle.length; k++) {
          if (text.charCodeAt(at + k) !== needle.charCodeAt(k)) continue outer;
        }
        starts[kept++] = at;
      }
      all = { starts, ends: null, count: kept };
    } else if (letters?.ready) {
      const starts = letters.of(needle.charCodeAt(0))!;
      all = { starts, ends: null, count: starts.length };
    } else {
      const out = new Growing();
      // indexOf skips ahead natively: as fast as a loop over the characters for a letter on every
      // line, ten times faster for a rare one.
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
        out.push(at);
      }
      all = { starts: out.values, ends: null, count: out.length };
    }
    this.#lastPlain = { key, needle, all };
    // Most words cannot overlap themselves ("the"); then every occurrence is a match.
    return overlapsItself(needle)
      ? withoutOverlaps(all, needle.length)
      : { ...all, length: needle.length };
  }

  /** A pattern's matches, placed now: one may cross a segment's end, and is dropped. */
  #toSegments(folded: FoldedText, found: FoundPositions): FindMatches {
    const segment = new Int32Array(found.count);
    const start = new Int32Array(found.count);
    const end = new Int32Array(found.count);
    const bounds = this.#bounds;
    const map = folded.starts;
    // Read once: this loop runs once per match, up to hundreds of thousands for one letter.
    const { starts, ends, count: foundCount } = found;
    const length = found.length ?? 0;
    let count = 0;
    let current = 0;
    for (let i = 0; i < foundCount; i++) {
      const from = starts[i]!;
      const to = ends ? ends[i]! : from + length;
      // As toOriginal(), inlined: this loop runs once per match.
      const originalFrom = map[from]!;
      const lastOrigin = map[to - 1]!;
      let originalTo = to < map.length ? map[to]! : folded.originalLength;
      if (originalTo <= lastOrigin) originalTo = lastOrigin + 1;
      // Matches come in order, so the segment only ever moves forward.
      while (bounds[current + 1]! <= originalFrom) current++;
      // Patterns are matched a segment at a time; a match past its segment's end would be dropped.
      if (originalTo > bounds[current + 1]! - 1) continue;
      segment[count] = current;
      start[count] = originalFrom - bounds[current]!;
      end[count] = originalTo - bounds[current]!;
      count++;
    }
    return new PlacedMatches(
      segment.subarray(0, count),
      start.subarray(0, count),
      end.subarray(0, count),
    );
  }
}
