/**
 * The matching passage of a search hit, found in the article's own text. The index keeps no copy
 * of the text (that halved its size), so FTS5's snippet() has nothing to read: the query's hits
 * are found (snippet-pattern) in the text after the header, which the list shows above the
 * snippet, and the window with the most different terms is shown.
 */
import { BIDI_CONTROLS } from '../../../shared/text-fold';
import type { SnippetPart } from '../../../shared/library';
import { articleHeader } from './article-summary';
import { findHits, type Hit, type SnippetQuery } from './snippet-pattern';

/** About two lines of the list's snippet text. */
const WINDOW_CHARS = 110;
/** Text shown before the first hit, so it does not open the snippet cold. */
const LEAD_CHARS = 24;

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
 * Markdown marks, link targets, bare URLs and their "Original url:" label, and bidi controls (which
 * could reorder what the list shows, as they are removed from titles) become spaces, so offsets
 * in the text stay where they were.
 */
const NOT_SHOWN = new RegExp(
  `\\nOriginal url:|\\]\\([^)\\n]*\\)|<https?:[^>\\n]*>|[*_\`#>[\\]${BIDI_CONTROLS}]`,
  'g',
);
const blank = (text: string) => ' '.repeat(text.length);

/**
 * The passage of an article's text around its best run of hits, as plain and hit runs; without
 * hits, the opening of the body. Works on the raw file text: summarising a whole article again for
 * each of 50 hits cost ~10 ms a query.
 */
export function snippetOf(article: string, query: SnippetQuery | null): SnippetPart[] {
  const { bodyStart } = articleHeader(article, '');
  const text = article.replace(NOT_SHOWN, blank);
  const opening = bodyStart + Math.max(0, text.slice(bodyStart).search(/\S/));
  // The list shows the title, source and date above the passage: it comes from the body, unless
  // the query is found in the header and nowhere else.
  const found = query ? findHits(text, query) : [];
  const inBody = found.filter((hit) => hit.start >= bodyStart);
  const hits = inBody.length ? inBody : found;
  const floor = inBody.length ? bodyStart : 0;
  let start = opening;
  let shown: Hit[] = [];
  if (hits.length) {
    const { from, to } = bestWindow(hits);
    shown = hits.slice(from, to + 1);
    start = Math.max(floor, toSpace(text, Math.max(floor, shown[0]!.start - LEAD_CHARS), -1));
  }
  const end = toSpace(text, Math.max(start + WINDOW_CHARS, shown.at(-1)?.end ?? 0), 1);
  const parts: SnippetPart[] = [];
  const plain = (piece: string) => {
    // Blanked marks leave a space before punctuation ("corridors **.**"): it goes too.
    const clean = piece.replace(/\s+/g, ' ').replace(/ ([.,;:!?])/g, '$1');
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
  if (start > opening) parts.unshift({ text: '…', hit: false });
  if (text.slice(end).trim()) parts.push({ text: '…', hit: false });
  return parts.filter((part) => part.text);
}
