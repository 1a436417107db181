/**
 * Reading an article's header, the one rule for the reader, the library list and the search
 * snippets: a title (a `# Title` heading, else a short first line, else the file name), then up to
 * four lines of bylines ("By [Reuters](#) and AP") and a date line, each its own paragraph.
 *
 *     Talks resume in Geneva          ← a title without `#`
 *     By Reuters & AP                 ← two bylines
 *     June 8, 2025                    ← the date
 */
import type { ArticleDate, Block, Byline, Inline } from './article';
import { plainText } from './article-text';
import { looksLikeDateLine, parseDateLine } from './date-line';
import { removeInvisibleControls } from './deceptive-text';

export const BYLINE = /^by\s+/i;
/** The label of the original address that ends a saved article. */
export const ORIGINAL_URL = /^original\s+url\s*:?\s*/i;
/** A first line longer than this is a paragraph, not a title. */
const MAX_TITLE_FROM_LINE = 160;
/** The bylines and date sit within the first few blocks after the title. */
const HEADER_ZONE = 4;

export interface ArticleHeader {
  title: string;
  /** Where the title came from: a `# Title` line, the first line of text, or the file name. */
  titleFrom: 'heading' | 'first-line' | 'file-name';
  bylines: Byline[];
  date: ArticleDate | null;
  /** How many of the leading blocks the header is made of. */
  blockCount: number;
}

/**
 * Reads the header from the article's leading blocks; `blockAt(i)` gives the i-th, so a caller
 * can parse only as many as are asked for.
 */
export function readHeader(
  blockAt: (index: number) => Block | undefined,
  fileName: string,
): ArticleHeader {
  const { title, titleFrom } = readTitle(blockAt(0), fileName);
  let blockCount = titleFrom === 'file-name' ? 0 : 1;
  const bylines: Byline[] = [];
  let date: ArticleDate | null = null;
  for (let seen = 0; seen < HEADER_ZONE; seen++) {
    const block = blockAt(blockCount);
    if (block?.type !== 'paragraph') break;
    const line = plainText(block.children).trim();
    if (BYLINE.test(line)) bylines.push(...readBylines(block.children));
    else if (!date && looksLikeDateLine(line)) date = parseDateLine(line);
    else break;
    blockCount++;
  }
  return { title, titleFrom, bylines, date, blockCount };
}

/** A lead caption's line: it ends in a bold credit. */
const CAPTION_LINE = /\*\*[^*\n]+\*\*[ \t]*$/;

/**
 * Header lines written one under another with no blank line between them (as the README shows
 * the format) are one paragraph to Markdown, and the byline would swallow the date, the caption
 * and the body. So the lines of the header (a title line without `#`, bylines, a date) and a
 * caption line after them are set apart by a blank line before parsing; nothing else changes.
 * `toOriginal` turns an offset in the text returned back into one in the text given.
 */
export function separateHeaderLines(text: string): {
  text: string;
  toOriginal: (offset: number) => number;
} {
  // Only the top is read, a line at a time: a summary or a snippet asks this of every file.
  const starts = [0];
  const lineAt = (i: number): string | null => {
    while (starts.length <= i) {
      const end = text.indexOf('\n', starts.at(-1)!);
      if (end === -1) return null;
      starts.push(end + 1);
    }
    const end = text.indexOf('\n', starts[i]!);
    return text.slice(starts[i]!, end === -1 ? text.length : end).replace(/\r$/, '');
  };
  const blank = (i: number) => (lineAt(i) ?? '').trim() === '';
  const isHeaderLine = (i: number) => {
    const line = lineAt(i)!.trim();
    return BYLINE.test(line) || looksLikeDateLine(line);
  };
  const after: number[] = [];
  let i = 0;
  while (lineAt(i) !== null && blank(i)) i++;
  if (lineAt(i) === null) return { text, toOriginal: (offset) => offset };
  // The title line: a `#` heading ends at its line anyway; a short first line is set apart from
  // a byline or date right under it.
  if (!lineAt(i)!.startsWith('#') && !blank(i + 1) && isHeaderLine(i + 1)) after.push(i);
  let headerLines = 0;
  for (i++; lineAt(i) !== null && headerLines < HEADER_ZONE; i++) {
    if (blank(i)) continue;
    if (!isHeaderLine(i)) break;
    headerLines++;
    if (!blank(i + 1)) after.push(i);
  }
  if (headerLines > 0 && lineAt(i) !== null && CAPTION_LINE.test(lineAt(i)!) && !blank(i + 1)) {
    after.push(i);
  }
  if (!after.length) return { text, toOriginal: (offset) => offset };
  // A blank line goes in where the line after each of them starts (read above: it is not blank).
  const at = after.map((line) => starts[line + 1]!);
  const added = at.map((offset, k) => offset + k);
  let out = '';
  at.forEach((offset, k) => (out += `${text.slice(at[k - 1] ?? 0, offset)}\n`));
  out += text.slice(at.at(-1));
  return {
    text: out,
    toOriginal: (offset) => offset - added.filter((insert) => insert < offset).length,
  };
}

/** Titles are judged as seen: bidi controls and zero-width spaces removed first. */
const visible = (text: string) => removeInvisibleControls(text).trim();

function readTitle(
  first: Block | undefined,
  fileName: string,
): Pick<ArticleHeader, 'title' | 'titleFrom'> {
  const headingText = first?.type === 'heading' ? visible(plainText(first.children)) : '';
  if (first?.type === 'heading' && first.level === 1 && headingText) {
    return { title: headingText, titleFrom: 'heading' };
  }
  if (first?.type === 'paragraph') {
    const whole = visible(plainText(first.children));
    const firstLine = visible(whole.split('\n')[0]!);
    if (
      firstLine === whole &&
      whole.length > 0 &&
      whole.length <= MAX_TITLE_FROM_LINE &&
      !BYLINE.test(whole) &&
      !ORIGINAL_URL.test(whole)
    ) {
      return { title: whole, titleFrom: 'first-line' };
    }
  }
  return {
    title: visible(titleFromFileName(fileName)) || 'Untitled article',
    titleFrom: 'file-name',
  };
}

export function titleFromFileName(name: string): string {
  const stem = name.replace(/\.[a-z0-9]{1,5}$/i, '');
  const cleaned = stem
    .replace(/^\d+_[0-9a-f]{16}$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return cleaned || stem || 'Untitled article';
}

/** Linked names when the line has links, else the names between commas, "and" and "&". */
function readBylines(children: Inline[]): Byline[] {
  const links = children.filter((c) => c.type === 'link');
  if (links.length > 0) {
    return links.map((link) => ({
      name: removeInvisibleControls(plainText(link.children)).trim(),
      target: link.target,
    }));
  }
  return plainText(children)
    .replace(BYLINE, '')
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((name) => removeInvisibleControls(name).trim())
    .filter(Boolean)
    .map((name) => ({ name, target: null }));
}
