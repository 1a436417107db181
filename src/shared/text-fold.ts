/**
 * The fold table: which characters read as the same to a person, for everything that matches
 * article text. Find in the article, the library index and its queries, search snippets and the
 * list's type-ahead all fold through here, so a word one of them finds the others find too.
 *
 * Folding (case folding optional): invisible characters go; every quote, dash and space becomes its
 * plain ASCII form; NFKD spells out ligatures and full-width forms ("ﬁ" → "fi", "Ｋ" → "K") and
 * splits off accents, which are dropped ("é" → "e"); letters with a stroke and the ligatures NFKD
 * keeps read as their plain letters ("ø" → "o", "ß" → "ss").
 */

// Character classes as regular-expression source, so they can be combined.
/** Bidi embeddings, overrides and isolates: they can reorder what people see ("moc.evil"). */
export const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
/** Zero-width spaces, word joiner and BOM: they break or join nothing a reader sees. */
export const ZERO_WIDTH_SPACES = '\\u200B\\u2060\\uFEFF';
/** Zero-width (non-)joiners: shown text keeps them (scripts and emoji need them), matching not. */
export const JOINERS = '\\u200C-\\u200D';
/** Soft hyphen and the direction marks: invisible, they only guide line breaking and layout. */
const LAYOUT_HINTS = '\\u00AD\\u200E\\u200F\\u061C';

/** Characters matching ignores altogether: "co\u00ADoperation" is "cooperation". */
export const IGNORED = new RegExp(
  `[${LAYOUT_HINTS}${ZERO_WIDTH_SPACES}${JOINERS}${BIDI_CONTROLS}]`,
  'u',
);

/** Typographic variants and the plain character each folds to; tests build queries from these. */
export const TYPOGRAPHIC_VARIANTS = [
  { plain: "'", name: 'single quotes and apostrophes', pattern: /['‘’‚‛′‵`´ʹʼʻˈꞌ‹›]/u },
  { plain: '"', name: 'double quotes', pattern: /["“”„‟″‶«»〝〞〟]/u },
  { plain: '-', name: 'dashes', pattern: /[\p{Pd}−﹣－]/u },
  { plain: ' ', name: 'spaces', pattern: /\s/u },
] as const;

/**
 * The characters of a word, as the library index's tokenizer (FTS5 unicode61) reads them: letters,
 * digits and private-use characters, with the marks that sit on them. Find's "whole word", the
 * query parser and snippets all use this, so they agree on where words end.
 */
export const WORD_CHARACTERS = '\\p{L}\\p{N}\\p{Co}\\p{M}';

const MARKS = /\p{M}/gu;

/**
 * Letters that are a plain letter (or two) with a stroke or a ligature NFKD leaves whole, read as
 * that plain form, as Chromium's find reads them: "strasse" finds "Straße", "smorrebrod" finds
 * "Smørrebrød".
 */
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  ħ: 'h',
  Ħ: 'H',
  þ: 'th',
  Þ: 'TH',
};

function typographicEquivalent(char: string): string | undefined {
  for (const variant of TYPOGRAPHIC_VARIANTS) if (variant.pattern.test(char)) return variant.plain;
  return undefined;
}

/** The folded form of one character (possibly empty or several characters). */
export function foldChar(char: string, foldCase: boolean): string {
  if (IGNORED.test(char)) return '';
  const typographic = typographicEquivalent(char);
  if (typographic) return typographic;
  let out = '';
  for (const part of char.normalize('NFKD').replace(MARKS, '')) {
    const plain = LETTER_VARIANTS[part] ?? part;
    out += typographicEquivalent(plain) ?? (foldCase ? lowerCase(plain) : plain);
  }
  return out;
}

/** Final sigma is a lower-case σ written at a word's end; the index's tokenizer folds it so too. */
const lowerCase = (char: string) =>
  char.toLowerCase().normalize('NFKD').replace(MARKS, '').replace('ς', 'σ');

/** Folds already made, by UTF-16 code for one-unit characters, else by the character. */
const folded = [new Array<string | undefined>(0x10000), new Array<string | undefined>(0x10000)];
const foldedWide = [new Map<string, string>(), new Map<string, string>()];

/** foldChar, remembered: an article repeats the same few accented letters many times. */
export function foldCharCached(char: string, foldCase: boolean): string {
  const slot = foldCase ? 1 : 0;
  if (char.length === 1) return (folded[slot]![char.charCodeAt(0)] ??= foldChar(char, foldCase));
  const memo = foldedWide[slot]!;
  let out = memo.get(char);
  if (out === undefined) memo.set(char, (out = foldChar(char, foldCase)));
  return out;
}

const NOT_ASCII_RUN = /[\u0080-\uffff]+/g;
const SPACES_TO_MERGE = /[ \t\n\v\f\r]{2,}|[\t\n\v\f\r]/g;

/**
 * `foldText(text).text` without the offset map, several times faster: the library folds every
 * article it indexes with it. Characters outside ASCII are folded one by one as foldText does; case
 * is then lowered in bulk, which changes nothing foldChar made (a test checks every character, and
 * another that the two folds agree on any text).
 */
export function foldString(text: string, foldCase = true): string {
  const out = text.replace(/`/g, "'").replace(NOT_ASCII_RUN, (run) => {
    let plain = '';
    for (const char of run) plain += foldCharCached(char, foldCase);
    return plain;
  });
  // Runs of spaces become one, as in foldText, so a phrase matches across line breaks.
  return (foldCase ? out.toLowerCase() : out).replace(SPACES_TO_MERGE, ' ');
}
