/**
 * The matching passage of a search hit, found in the article's own text. The index keeps no copy
 * of the text (that halved its size), so FTS5's snippet() has nothing to read; this finds the
 * window with the most query terms the way the index matched them: folded as in the find bar,
 * whole words, the open last word as a prefix, phrases across spaces and punctuation.
 */
import { foldQuery, foldText, toOriginal } from '../../../shared/find-normalise';
import type { SnippetPart } from '../../../shared/library';
import type { QueryPhrase } from './query-text';

/** About two lines of the list's snippet text. */
const WINDOW_CHARS = 110;
/** Text shown before the first hit, so it does not open the snippet cold. */
const LEAD_CHARS = 24;
/** Enough hits to choose a window well; a word on every line need not all be found. */
const MAX_HITS = 400;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The folded text has no marks left: letters and digits alone make words.
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** A prefix match is marked to the end of its word, the token the index matched. */
const WORD_REST = '[\\p{L}\\p{N}]*';

/**
 * One regular expression for the whole query, a capture group per phrase, to run over text folded
 * by the find bar's normalisation (case, accents, ligatures, full-width forms, quotes, dashes).
 */
export function queryPattern(phrases: QueryPhrase[]): RegExp | null {
  if (phrases.length === 0) return null;
  const groups = phrases.map((phrase) => {
    const words = phrase.words.map((word) => escape(foldQuery(word, true)));
    return `(${NOT_WORD_BEFORE}${words.join('[^\\p{L}\\p{N}]+')}${phrase.prefix ? WORD_REST : NOT_WORD_AFTER})`;
  });
  return new RegExp(groups.join('|'), 'gu');
}

interface Hit {
  start: number;
  end: number;
  phrase: number;
}

/** Hits found in the folded text, as offsets in the original. */
function findHits(text: string, pattern: RegExp): Hit[] {
  const folded = foldText(text, true);
  const hits: Hit[] = [];
  pattern.lastIndex = 0;
  for (
    let m = pattern.exec(folded.text);
    m && hits.length < MAX_HITS;
    m = pattern.exec(folded.text)
  ) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const [start, end] = toOriginal(folded, m.index, m.index + m[0].length);
    hits.push({ start, end, phrase: m.slice(1).findIndex(Boolean) });
  }
  return hits;
}

/** The first window holding the most different phrases, then the most hits. */
function bestWindow(hits: Hit[]): { from: number; to: number } {
  let best = { from: 0, to: 0, phrases: -1, hits: -1 };
  for (let i = 0, j = 0; i < hits.length; i++) {
    const limit = hits[i]!.start + WINDOW_CHARS - LEAD_CHARS;
    j = Math.max(j, i);
    while (j + 1 < hits.length && hits[j + 1]!.end <= limit) j++;
    const inside = hits.slice(i, j + 1);
    const phrases = new Set(inside.map((hit) => hit.phrase)).size;
    if (phrases > best.phrases || (phrases === best.phrases && inside.length > best.hits)) {
      best = { from: i, to: j, phrases, hits: inside.length };
    }
  }
  return best;
}

/** Moves `at` back (or on) to the nearest space, so a snippet never starts or ends mid-word. */
function toSpace(text: string, at: number, direction: -1 | 1): number {
  const limit = 16;
  for (let k = 0; k < limit; k++) {
    const i = at + k * direction;
    if (i <= 0) return 0;
    if (i >= text.length) return text.length;
    if (/\s/.test(text[i]!)) return direction < 0 ? i + 1 : i;
  }
  return at;
}

/**
 * Markdown marks, link targets and bare URLs (none of them indexed) and the title line (shown
 * above the snippet already) become spaces, so offsets in the text stay where they were.
 */
const NOT_SHOWN = /^# [^\n]*|\]\([^)\n]*\)|<https?:[^>\n]*>|[*_`#>[\]]/g;
const blank = (text: string) => ' '.repeat(text.length);

/**
 * The passage of an article's text around its best run of hits, as plain and hit runs. Works on
 * the raw file text: summarising a whole article again for each of 50 hits cost ~10 ms a query.
 */
export function snippetOf(article: string, pattern: RegExp | null): SnippetPart[] {
  const text = article.replace(NOT_SHOWN, blank);
  const start0 = text.search(/\S/);
  const hits = pattern ? findHits(text, pattern) : [];
  let start = Math.max(0, start0);
  let shown: Hit[] = [];
  if (hits.length) {
    const { from, to } = bestWindow(hits);
    shown = hits.slice(from, to + 1);
    start = toSpace(text, Math.max(0, shown[0]!.start - LEAD_CHARS), -1);
  }
  const end = toSpace(text, Math.max(start + WINDOW_CHARS, shown.at(-1)?.end ?? 0), 1);
  const parts: SnippetPart[] = [];
  const plain = (piece: string) => {
    const clean = piece.replace(/\s+/g, ' ');
    if (clean) parts.push({ text: clean, hit: false });
  };
  let at = start;
  for (const hit of shown) {
    plain(text.slice(at, hit.start));
    parts.push({ text: text.slice(hit.start, hit.end), hit: true });
    at = hit.end;
  }
  plain(text.slice(at, end));
  // Blanked marks leave spaces at the edges; the ellipses say where text continues.
  if (parts[0] && !parts[0].hit) parts[0].text = parts[0].text.trimStart();
  const last = parts.at(-1);
  if (last && !last.hit) last.text = last.text.trimEnd();
  if (start > Math.max(0, start0)) parts.unshift({ text: '…', hit: false });
  if (text.slice(end).trim()) parts.push({ text: '…', hit: false });
  return parts.filter((part) => part.text);
}
