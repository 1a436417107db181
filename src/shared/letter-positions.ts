/**
 * Where each character of a folded text stands, grouped by character: a one-letter query (the
 * first keystroke of every search) gets its matches without a scan. In a 2 MB article that scan
 * is a hundred thousand steps for a common letter. Built in steps, in idle time, after folding.
 */

/** Longer texts are scanned instead: four bytes a character would be too much to keep. */
export const MAX_INDEXED_LENGTH = 8_000_000;
/** Characters counted or placed per step: about a millisecond of work. */
const STEP = 262_144;

export class LetterPositions {
  readonly #text: string;
  /** Per UTF-16 code unit: its count, then where its positions start (and end, one further). */
  readonly #starts = new Int32Array(65_537);
  readonly #positions: Int32Array;
  /** Counting runs over the text once, placing once more: `next` goes up to twice its length. */
  #next = 0;
  #filled: Int32Array | null = null;

  constructor(text: string) {
    this.#text = text;
    this.#positions = new Int32Array(text.length);
  }

  get ready(): boolean {
    return this.#next === 2 * this.#text.length && this.#filled === null;
  }

  /** Does some of the work, until `deadline` (a `performance.now()` time); true once done. */
  build(deadline = Infinity): boolean {
    const text = this.#text;
    const starts = this.#starts;
    while (this.#next < text.length) {
      const end = Math.min(text.length, this.#next + STEP);
      for (let i = this.#next; i < end; i++) starts[text.charCodeAt(i) + 1]!++;
      this.#next = end;
      if (this.#next === text.length) {
        for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
        // Where the next position of each character goes, as they are placed.
        this.#filled = starts.slice(0, 65_536);
      }
      if (performance.now() > deadline) return this.ready;
    }
    const filled = this.#filled;
    while (filled && this.#next < 2 * text.length) {
      const from = this.#next - text.length;
      const end = Math.min(text.length, from + STEP);
      for (let i = from; i < end; i++) this.#positions[filled[text.charCodeAt(i)]!++] = i;
      this.#next = text.length + end;
      if (this.#next === 2 * text.length) this.#filled = null;
      else if (performance.now() > deadline) return false;
    }
    return this.ready;
  }

  /** Every position of the code unit `code`, ascending; null until built. Never written to. */
  of(code: number): Int32Array | null {
    if (!this.ready) return null;
    return this.#positions.subarray(this.#starts[code]!, this.#starts[code + 1]!);
  }
}
