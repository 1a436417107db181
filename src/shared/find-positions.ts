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

export function regexPositions(text: string, regex: RegExp): FoundPositions {
  const starts = new Growing();
  const ends = new Growing();
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const length = match[0].length;
    if (length === 0) {
      regex.lastIndex++;
      continue;
    }
    starts.push(match.index);
    ends.push(match.index + length);
  }
  return { starts: starts.values, ends: ends.values, count: starts.length };
}
