/** Where matches start (and end) in folded text, collected into typed arrays. */

export interface FoundPositions {
  starts: Int32Array;
  /** Ends of regex matches; plain matches all have `length`. */
  ends: Int32Array | null;
  length?: number;
  count: number;
}

/** An Int32Array that grows as values are pushed. */
export class Growing {
  values = new Int32Array(1024);
  length = 0;
  push(value: number) {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/** Whether two occurrences of `needle` can overlap: some start of it is also its end ("aa", "abab"). */
export function overlapsItself(needle: string): boolean {
  for (let k = 1; k < needle.length; k++) {
    if (needle.endsWith(needle.slice(0, k))) return true;
  }
  return false;
}

/** Matches as a reader counts them: one after another, never overlapping. */
export function withoutOverlaps(all: FoundPositions, length: number): FoundPositions {
  const starts = new Int32Array(all.count);
  let count = 0;
  let free = -1;
  for (let i = 0; i < all.count; i++) {
    const at = all.starts[i]!;
    if (at < free) continue;
    starts[count++] = at;
    free = at + length;
  }
  return { starts, ends: null, length, count };
}

/**
 * A pattern's matches in each segment of `text` on its own: segment `i` runs from `starts[i]` up
 * to `starts[i + 1]`, less the separator (`separator`, a char code) that ends it. So `^`, `$`,
 * `.*` and lookarounds stop at a segment's ends, as at the ends of the paragraph the reader sees,
 * and no match runs from one segment into the next. Positions are in `text`; empty matches are
 * skipped.
 */
export function regexPositions(
  text: string,
  regex: RegExp,
  starts: Int32Array,
  separator: number,
): FoundPositions {
  const found = new Growing();
  const ends = new Growing();
  for (let segment = 0; segment + 1 < starts.length; segment++) {
    const from = starts[segment]!;
    let to = Math.min(starts[segment + 1]!, text.length);
    if (to > from && text.charCodeAt(to - 1) === separator) to--;
    const piece = text.slice(from, to);
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(piece)) !== null) {
      const length = match[0].length;
      if (length === 0) {
        regex.lastIndex++;
        continue;
      }
      found.push(from + match.index);
      ends.push(from + match.index + length);
    }
  }
  return { starts: found.values, ends: ends.values, count: found.length };
}
