/**
 * The library's search syntax, read in one place for both sides: main turns it into the index's
 * query and the snippet's pattern; the window asks it what to put in the find bar when a result is
 * opened. (Whether the word being typed is too short is the syntax's to say: it knows operators.)
 *
 * A query is folded as find folds text (text-fold), so curly quotes are phrase quotes too, then read
 * as terms: quoted phrases, and words. A word with punctuation inside ("don't", "U.S.", "covid-19")
 * is a phrase of its parts, as the index holds it. Terms are ANDed.
 */
import { foldText, toOriginal, type FoldedText } from './find-normalise';
import { WORD_CHARACTERS } from './text-fold';

/**
 * A word still being typed matches word beginnings from this many letters on; shorter ones match
 * whole words ("EU", "UN"). A one- or two-letter beginning matches nearly every article.
 */
export const MIN_PREFIX_LETTERS = 3;

/** One term of a query: a single word or a phrase of words in a row. */
export interface QueryPhrase {
  /** Folded words, as the index holds them. */
  words: string[];
  /** The last word is still being typed and long enough to match as a beginning. */
  prefix: boolean;
  /** The term as typed, from its first word to its last (what the find bar is given). */
  typed: string;
}

export interface LibraryQuery {
  phrases: QueryPhrase[];
  /** The query ends in a word still being typed: no space or closing quote after it yet. */
  open: boolean;
}

const WORD = new RegExp(`[${WORD_CHARACTERS}]+`, 'gu');
/** A quoted phrase (its closing quote optional while typing) or a run of anything but spaces. */
const TERM = /"([^"]*)("?)|([^"\s]+)/g;

export function parseLibraryQuery(typed: string): LibraryQuery {
  const folded = foldText(typed, true);
  const text = folded.text;
  const phrases: QueryPhrase[] = [];
  let open = false;
  for (const term of text.matchAll(TERM)) {
    const inside = term[1] ?? term[3]!;
    const offset = term.index + (term[1] === undefined ? 0 : 1);
    const words = [...inside.matchAll(WORD)];
    if (words.length) phrases.push(phraseOf(words, offset, folded, typed));
    const atEnd = term.index + term[0].length === text.length;
    // A quoted phrase is open until its closing quote; a word until the space after it.
    open = atEnd && words.length > 0 && (term[1] === undefined || term[2] === '');
  }
  const last = phrases.at(-1);
  // Shorter open words match whole: a one- or two-letter prefix would need its own large index.
  if (open && last && [...last.words.at(-1)!].length >= MIN_PREFIX_LETTERS) last.prefix = true;
  return { phrases, open };
}

function phraseOf(
  words: RegExpExecArray[],
  offset: number,
  folded: FoldedText,
  typed: string,
): QueryPhrase {
  const first = words[0]!;
  const last = words.at(-1)!;
  const [from, to] = toOriginal(folded, offset + first.index, offset + last.index + last[0].length);
  return {
    words: words.map((word) => word[0]),
    prefix: false,
    typed: typed.slice(from, to).replace(/\s+/g, ' '),
  };
}

/**
 * What the find bar may look for when a search result is opened: the query's phrases and words,
 * as typed (the find bar folds accents and quotes itself), first to last.
 */
export function findTermsOf(typed: string): string[] {
  return [...new Set(parseLibraryQuery(typed).phrases.map((phrase) => phrase.typed))];
}
