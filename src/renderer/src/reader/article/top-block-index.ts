/**
 * Block id → the top-level block holding it. Ids are `b` and a number, so the index is an array
 * by number: a Map of 350 000 string keys costs far more to fill, and rehashes them all at once
 * as it grows (a long pause). Any other id (none today) goes to a Map.
 */
/** Ids are numbered up to the parser's block cap (500 000); past this the Map takes them. */
const MAX_NUMBERED = 1 << 22;

export class TopBlockIndex {
  #byNumber = new Int32Array(1024).fill(-1);
  /** A lookup, not state. */
  readonly #other = new Map<string, number>();

  set(id: string, top: number) {
    const number = idNumber(id);
    if (number === null) {
      this.#other.set(id, top);
      return;
    }
    if (number >= this.#byNumber.length) {
      const grown = new Int32Array(Math.max(number + 1, this.#byNumber.length * 2)).fill(-1);
      grown.set(this.#byNumber);
      this.#byNumber = grown;
    }
    this.#byNumber[number] = top;
  }

  get(id: string): number | undefined {
    const number = idNumber(id);
    const top = number === null ? this.#other.get(id) : this.#byNumber[number];
    return top === undefined || top < 0 ? undefined : top;
  }
}

function idNumber(id: string): number | null {
  const number = id.charCodeAt(0) === 98 && /^b\d{1,9}$/.test(id) ? Number(id.slice(1)) : null;
  return number !== null && number <= MAX_NUMBERED ? number : null;
}
