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

/**
 * Word boundaries are checked here rather than inside each query's pattern: Unicode property
 * classes in a pattern cost V8 ~0.7 ms to compile, every query, while this one compiles once.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Between the words of a phrase: spaces and punctuation (ASCII, Latin-1, general, CJK). */
const SEPARATOR = '[\\s!-\\/:-@\\[-`{-~\\u00A0-\\u00BF\\u2000-\\u206F\\u3000-\\u303F]+';

/**
 * Each base letter or digit with its other case, the precomposed Latin letters that lose their
 * accents to it and its full-width forms ("e" → "eEéÉèÈ…ｅＥ"): a query word becomes a pattern that
 * finds the text as written, without folding a copy of each article (twice the cost per hit).
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
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      if (base.length === 1 && /[a-z0-9]/.test(base))
        forms.set(base, (forms.get(base) ?? '') + char);
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

export function queryPattern(phrases: QueryPhrase[]): SnippetQuery | null {
  if (phrases.length === 0) return null;
  const pattern = (word: (folded: string) => string) =>
    phrases
      .map((phrase) => phrase.words.map((w) => word(foldQuery(w, true))).join(SEPARATOR))
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

interface Hit {
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
function findHits(text: string, query: SnippetQuery): Hit[] {
  const hits = scan(text, query.written, query.prefix);
  if (new Set(hits.map((hit) => hit.phrase)).size === query.prefix.length) return hits;
  const folded = foldText(text, true);
  return scan(folded.text, query.folded, query.prefix).map((hit) => {
    const [start, end] = toOriginal(folded, hit.start, hit.end);
    return { ...hit, start, end };
  });
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
 * Markdown marks, link targets, bare URLs and their "Original url:" label and bidi controls (which
 * could reorder what the list shows, as they are removed from titles) become spaces, so offsets in
 * the text stay where they were. The title stays, for a query found only there.
 */
const NOT_SHOWN =
  /\nOriginal url:|\]\([^)\n]*\)|<https?:[^>\n]*>|[*_`#>[\]\u202A-\u202E\u2066-\u2069]/g;
const TITLE_LINE = /^# [^\n]*/;
const blank = (text: string) => ' '.repeat(text.length);

const HEADER_LINES = 6;

/**
 * Where the article's own text starts: after the title (already blank), the bylines and the date
 * line, which the list shows above the snippet. A snippet without hits opens there.
 */
function openingOf(text: string, from: number): number {
  const line = /[^\n]*\n?/g;
  line.lastIndex = from;
  let seen = 0;
  for (let m = line.exec(text); m && m[0] !== ''; m = line.exec(text)) {
    const content = m[0].trim();
    if (content === '') continue;
    const header = /^by\s/i.test(content) || content.length < 40;
    if (!header || ++seen > HEADER_LINES) return m.index + m[0].search(/\S/);
  }
  const first = text.slice(from).search(/\S/);
  return first < 0 ? text.length : from + first;
}

/**
 * The passage of an article's text around its best run of hits, as plain and hit runs. Works on
 * the raw file text: summarising a whole article again for each of 50 hits cost ~10 ms a query.
 */
export function snippetOf(article: string, query: SnippetQuery | null): SnippetPart[] {
  const text = article.replace(NOT_SHOWN, blank);
  const start0 = openingOf(text, TITLE_LINE.exec(article)?.[0].length ?? 0);
  // The list shows the title, source and date above the passage: it comes from the body, unless
  // the query is found in the header and nowhere else.
  const found = query ? findHits(text, query) : [];
  const inBody = found.filter((hit) => hit.start >= start0);
  const hits = inBody.length ? inBody : found;
  const floor = inBody.length ? start0 : 0;
  let start = start0;
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
  if (start > start0) parts.unshift({ text: '…', hit: false });
  if (text.slice(end).trim()) parts.push({ text: '…', hit: false });
  return parts.filter((part) => part.text);
}
