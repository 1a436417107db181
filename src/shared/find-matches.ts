/**
 * Find's matches, each as (segment, start, end) in its segment's original text, in reading order.
 * A plain query's matches are kept as positions in the folded text and placed in their segments
 * only when asked: the view marks a screenful and the bar shows one, so a first letter's hundred
 * thousand matches in a long article cost their count, not a hundred thousand conversions.
 */
import type { FoldedText } from './find-normalise';

export interface FindMatches {
  readonly count: number;
  segmentOf(index: number): number;
  /** Where the match starts and ends in its segment's original text. */
  startOf(index: number): number;
  endOf(index: number): number;
  /** The first match in `segment` or after it; `count` when there is none. */
  firstFrom(segment: number): number;
}

/** The matches in `segment`: from `first` up to `end` (not included). */
export const inSegment = (matches: FindMatches, segment: number): [first: number, end: number] => [
  matches.firstFrom(segment),
  matches.firstFrom(segment + 1),
];

/** The first index in `values[0…count)` (ascending) whose value is at least `value`. */
function lowerBound(values: Int32Array, count: number, value: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Matches already placed: parallel arrays of segment, start and end. */
export class PlacedMatches implements FindMatches {
  readonly count: number;
  readonly #segment: Int32Array;
  readonly #start: Int32Array;
  readonly #end: Int32Array;

  constructor(segment: Int32Array, start: Int32Array, end: Int32Array) {
    this.count = segment.length;
    this.#segment = segment;
    this.#start = start;
    this.#end = end;
  }

  segmentOf = (index: number) => this.#segment[index]!;
  startOf = (index: number) => this.#start[index]!;
  endOf = (index: number) => this.#end[index]!;
  firstFrom = (segment: number) => lowerBound(this.#segment, this.count, segment);
}

export const NO_MATCHES: FindMatches = new PlacedMatches(
  new Int32Array(0),
  new Int32Array(0),
  new Int32Array(0),
);

/** Where each segment starts in the original text and in the folded text, and where both end. */
export interface SegmentBounds {
  original: Int32Array;
  folded: Int32Array;
}

/** The folded text's segment bounds: the first folded character at or after each original one. */
export function foldedBounds(folded: FoldedText, original: Int32Array): SegmentBounds {
  const bounds = original.map((at) => lowerBound(folded.starts, folded.starts.length, at));
  return { original, folded: bounds };
}

/**
 * A plain query's matches, `length` folded characters each, as ascending positions in the folded
 * text (owned: nothing else writes to `starts`). None crosses a segment's end: the separator
 * between segments is never in a plain query.
 */
export class FoldedMatches implements FindMatches {
  readonly count: number;
  readonly #starts: Int32Array;
  readonly #length: number;
  readonly #text: FoldedText;
  readonly #bounds: SegmentBounds;
  #lastSegment = 0;

  constructor(
    starts: Int32Array,
    count: number,
    length: number,
    text: FoldedText,
    bounds: SegmentBounds,
  ) {
    this.count = count;
    this.#starts = starts;
    this.#length = length;
    this.#text = text;
    this.#bounds = bounds;
  }

  segmentOf(index: number): number {
    const folded = this.#bounds.folded;
    const at = this.#starts[index]!;
    // Matches are mostly asked for in order (a segment's, the rail's): the last answer first.
    const last = this.#lastSegment;
    if (folded[last]! <= at && at < folded[last + 1]!) return last;
    // The last segment starting at or before the match.
    return (this.#lastSegment = lowerBound(folded, folded.length, at + 1) - 1);
  }

  startOf(index: number): number {
    const map = this.#text.starts;
    return map[this.#starts[index]!]! - this.#bounds.original[this.segmentOf(index)]!;
  }

  endOf(index: number): number {
    const map = this.#text.starts;
    const to = this.#starts[index]! + this.#length;
    // A folded character may stand for several original ones ("ﬁ" → "fi"): the match ends after
    // the last original character its folded text came from.
    const last = map[to - 1]!;
    let end = to < map.length ? map[to]! : this.#text.originalLength;
    if (end <= last) end = last + 1;
    return end - this.#bounds.original[this.segmentOf(index)]!;
  }

  firstFrom(segment: number): number {
    return lowerBound(this.#starts, this.count, this.#bounds.folded[segment]!);
  }
}
