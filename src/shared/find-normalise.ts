/**
 * The one normalisation behind the find bar: text and query are folded the same way so that
 * accents, case, quotes, dashes, spaces, ligatures and full-width forms do not matter, with a map
 * from every folded character back to the original text so matches become DOM ranges.
 */

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** `starts[i]` is the index in the original text of the character that produced `text[i]`. */
  starts: Int32Array;
  /** Length of the original text, so a match at the end maps back too. */
  originalLength: number;
}

const SINGLE_QUOTES = /['‘’‚‛′‵`´ʹʼʻˈꞌ‹›]/u;
const DOUBLE_QUOTES = /["“”„‟″‶«»〝〞〟]/u;
const DASHES = /[\p{Pd}−﹣－]/u;
const SPACES = /\s/u;
// Invisible characters that only help line breaking or joining: they never count.
const IGNORED = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const MARKS = /\p{M}/gu;

/** The folded form of one character (possibly empty or several characters). */
function foldChar(char: string, foldCase: boolean): string {
  if (IGNORED.test(char)) return '';
  const typographic = typographicEquivalent(char);
  if (typographic) return typographic;
  let out = '';
  for (const part of char.normalize('NFKD').replace(MARKS, '')) {
    out +=
      typographicEquivalent(part) ??
      (foldCase ? part.toLowerCase().normalize('NFKD').replace(MARKS, '') : part);
  }
  return out;
}

function typographicEquivalent(char: string): string | undefined {
  if (SINGLE_QUOTES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  if (DASHES.test(char)) return '-';
  if (SPACES.test(char)) return ' ';
  return undefined;
}

const cache = [new Map<string, string>(), new Map<string, string>()];

const utf16 = new TextDecoder('utf-16le');

/** Folds `text`; runs of spaces become one space, so phrases match across line breaks too. */
export function foldText(text: string, foldCase: boolean): FoldedText {
  const memo = cache[foldCase ? 1 : 0]!;
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
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const char = wide ? text.slice(i, i + 2) : text[i]!;
    let folded = memo.get(char);
    if (folded === undefined) {
      folded = foldChar(char, foldCase);
      memo.set(char, folded);
    }
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
