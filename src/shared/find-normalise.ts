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

/** Folds `text`; runs of spaces become one space, so phrases match across line breaks too. */
export function foldText(text: string, foldCase: boolean): FoldedText {
  const memo = cache[foldCase ? 1 : 0]!;
  let starts = new Int32Array(text.length + 16);
  let codes = new Uint16Array(text.length + 16);
  let length = 0;
  let lastSpace = false;
  const push = (unit: number, origin: number) => {
    const space = unit === 32;
    if (space && lastSpace) return;
    lastSpace = space;
    if (length === starts.length) {
      const grownStarts = new Int32Array(starts.length * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownCodes = new Uint16Array(codes.length * 2);
      grownCodes.set(codes);
      codes = grownCodes;
    }
    starts[length] = origin;
    codes[length++] = unit;
  };
  const emit = (piece: string, origin: number) => {
    for (let k = 0; k < piece.length; k++) push(piece.charCodeAt(k), origin);
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      // ASCII fast path: most of every article.
      if (code >= 9 && code <= 13) push(32, i);
      else if (code === 96) push(39, i);
      else if (foldCase && code >= 65 && code <= 90) push(code + 32, i);
      else push(code, i);
      continue;
    }
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const char = wide ? text.slice(i, i + 2) : text[i]!;
    let folded = memo.get(char);
    if (folded === undefined) {
      folded = foldChar(char, foldCase);
      memo.set(char, folded);
    }
    emit(folded, i);
    if (wide) i++;
  }
  let out = '';
  // In slices: fromCharCode takes its arguments on the stack.
  for (let at = 0; at < length; at += 8192) {
    out += String.fromCharCode(...codes.subarray(at, Math.min(length, at + 8192)));
  }
  return { text: out, starts: starts.subarray(0, length), originalLength: text.length };
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
