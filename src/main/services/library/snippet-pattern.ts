/**
 * Where a library query's terms stand in an article's text, the way the index matched them:
 * folded by the fold table (src/shared/text-fold), whole words, the open last word as a prefix,
 * a phrase's words across spaces and punctuation.
 */
import { foldText, toOriginal } from '../../../shared/find-normalise';
import type { LibraryQuery } from '../../../shared/library-query';
import { foldChar, WORD_CHARACTERS } from '../../../shared/text-fold';

/** Enough hits to choose a window well; a word on every line need not all be found. */
const MAX_HITS = 400;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Word boundaries are checked here rather than inside each query's pattern: Unicode property
 * classes in a pattern cost V8 ~0.7 ms to compile, every query, while this one compiles once.
 */
const WORD_CHAR = new RegExp(`[${WORD_CHARACTERS}]`, 'u');
/** Between the words of a phrase: spaces and punctuation (ASCII, Latin-1, general, CJK). */
const SEPARATOR = '[\\s!-\\/:-@\\[-`{-~\\u00A0-\\u00BF\\u2000-\\u206F\\u3000-\\u303F]+';

/**
 * Each base letter or digit with the characters the fold table folds to it among the Latin
 * letters and full-width forms ("e" → "eEéÉèÈ…ｅＥ"): a query word becomes a pattern that finds the
 * text as written, without folding a copy of each article (twice the cost per hit).
 */
let letterForms: Map<string, string> | null = null;

function formsOfLetters(): Map<string, string> {
  if (letterForms) return letterForms;
  const forms = new Map<string, string>();
  for (const [from, to] of [
    [0x30, 0x7a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
    [0xff10, 0xff5a],
  ] as const) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      const base = foldChar(char, true);
      if (/^[a-z0-9]$/.test(base)) forms.set(base, (forms.get(base) ?? '') + char);
    }
  }
  return (letterForms = forms);
}

/** One folded query character as a class of the ways it can be written. */
function writtenChar(char: string): string {
  const forms = formsOfLetters().get(char);
  if (forms) return `[${forms}]`;
  const upper = char.toUpperCase();
  return upper !== char && upper.length === char.length
    ? `[${escape(char)}${escape(upper)}]`
    : escape(char);
}

export interface SnippetQuery {
  /** Runs over the text as written: the quick way, right for nearly every article. */
  written: RegExp;
  /** Runs over text folded as the find bar folds it: ligatures, decomposed accents, and the rest. */
  folded: RegExp;
  /** Which phrases (by capture group) are prefixes still being typed. */
  prefix: boolean[];
}

export function queryPattern(query: LibraryQuery): SnippetQuery | null {
  const { phrases } = query;
  if (phrases.length === 0) return null;
  // The words are folded already (library-query), as the index holds them.
  const pattern = (word: (folded: string) => string) =>
    phrases
      .map((phrase) => phrase.words.map(word).join(SEPARATOR))
      .map((words) => `(${words})`)
      .join('|');
  return {
    written: new RegExp(
      pattern((w) => [...w].map(writtenChar).join('')),
      'gu',
    ),
    folded: new RegExp(pattern(escape), 'gu'),
    prefix: phrases.map((phrase) => phrase.prefix),
  };
}

export interface Hit {
  start: number;
  end: number;
  phrase: number;
}

/** Whole-word matches of `pattern` in `text`; a prefix match runs on to the end of its word. */
function scan(text: string, pattern: RegExp, prefix: boolean[]): Hit[] {
  const hits: Hit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && hits.length < MAX_HITS; m = pattern.exec(text)) {
    const phrase = m.slice(1).findIndex(Boolean);
    let end = m.index + m[0].length;
    if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) continue;
    if (prefix[phrase]) while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
    else if (end < text.length && WORD_CHAR.test(text[end]!)) continue;
    hits.push({ start: m.index, end, phrase });
  }
  return hits;
}

/** Hits as offsets in the text; the folded copy is made only when the written forms miss a phrase. */
export function findHits(text: string, query: SnippetQuery): Hit[] {
  const hits = scan(text, query.written, query.prefix);
  if (new Set(hits.map((hit) => hit.phrase)).size === query.prefix.length) return hits;
  const folded = foldText(text, true);
  return scan(folded.text, query.folded, query.prefix).map((hit) => {
    const [start, end] = toOriginal(folded, hit.start, hit.end);
    return { ...hit, start, end };
  });
}
