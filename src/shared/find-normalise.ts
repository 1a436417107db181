/**
 * Find's folding: text and query are folded the same way, by the shared fold table (text-fold), so
 * that accents, case, quotes, dashes, spaces, ligatures and full-width forms do not matter, with a
 * map from every folded character back to the original text so matches become DOM ranges.
 */
import { foldCharCached } from './text-fold';

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** `starts[i]` is the index in the original text of the character that produced `text[i]`. */
  starts: Int32Array;
  /** Length of the original text, so a match at the end maps back too. */
  originalLength: number;
}

const utf16 = new TextDecoder('utf-16le');

/** Folds `text`; runs of spaces become one space, so phrases match across line breaks too. */
export function foldText(text: string, foldCase: boolean): FoldedText {
  let starts = new Int32Array(text.length + 16);
  let codes = new Uint16Array(text.length + 16);
  let length = 0;
  let lastSpace = false;
  // Plain loops and typed arrays: this runs over every character of a 2 MB article.
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (lastSpace) continue;
        code = 32;
        lastSpace = true;
      } else {
        lastSpace = false;
        if (code === 96) code = 39;
        else if (foldCase && code >= 65 && code <= 90) code += 32;
      }
      starts[length] = i;
      codes[length++] = code;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    const wide = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const char = wide ? text.slice(i, i + 2) : text[i]!;
    const folded = foldCharCached(char, foldCase);
    if (length + folded.length >= codes.length) {
      const size = codes.length * 2 + folded.length;
      const grownStarts = new Int32Array(size);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownCodes = new Uint16Array(size);
      grownCodes.set(codes);
      codes = grownCodes;
    }
    for (let k = 0; k < folded.length; k++) {
      const unit = folded.charCodeAt(k);
      if (unit === 32 && lastSpace) continue;
      lastSpace = unit === 32;
      starts[length] = i;
      codes[length++] = unit;
    }
    if (wide) i++;
  }
  return {
    text: utf16.decode(codes.subarray(0, length)),
    starts: starts.subarray(0, length),
    originalLength: text.length,
  };
}

/** Folds a query typed by the reader, the same way as the text. */
export function foldQuery(query: string, foldCase: boolean): string {
  return foldText(query, foldCase).text;
}

/** Maps a match `[start, end)` in the folded text back to `[start, end)` in the original. */
export function toOriginal(folded: FoldedText, start: number, end: number): [number, number] {
  const { starts } = folded;
  const from = starts[start]!;
  const lastOrigin = starts[end - 1]!;
  let to = end < starts.length ? starts[end]! : folded.originalLength;
  // A match ending inside one original character (half a ligature) still covers that character.
  if (to <= lastOrigin) to = lastOrigin + 1;
  return [from, to];
}
