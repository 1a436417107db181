/**
 * A quick reading of a saved article for the library: title, first source and date, read by the
 * reader's own header rule (src/shared/article-header) from the first few blocks only, and the
 * body's words to index, folded as find folds them (src/shared/text-fold). The body is not parsed
 * as Markdown, so 50 000 files stay fast; the reader still parses fully when an article is opened.
 */
import { readHeader, separateHeaderLines } from '../../../shared/article-header';
import { foldString } from '../../../shared/text-fold';
import { leadingBlocks } from '../leading-blocks';
import { unescapeMarkdown } from '../markdown-blocks';

export interface ArticleSummary {
  title: string;
  source: string;
  date: string | null;
  /** Every byline, folded: the index's source column (the list shows the first, as written). */
  bylines: string;
  /** The body's words, folded. */
  body: string;
}

/** `headOnly` stops after the title, source and date (the body is then empty): listing is fast. */
export function summariseArticle(text: string, fileName: string, headOnly = false): ArticleSummary {
  const { header, bodyStart } = articleHeader(text, fileName);
  return {
    title: header.title,
    source: header.bylines[0]?.name ?? '',
    date: header.date?.iso ?? null,
    bylines: headOnly ? '' : foldString(header.bylines.map((byline) => byline.name).join(' ')),
    body: headOnly ? '' : foldString(plain(text.slice(bodyStart))),
  };
}

/** The header and where the text after it starts in `text` (snippets open there). */
export function articleHeader(text: string, fileName: string) {
  const separated = separateHeaderLines(text);
  const blocks = leadingBlocks(separated.text);
  const header = readHeader((i) => blocks.blockAt(i), fileName);
  return { header, bodyStart: separated.toOriginal(blocks.endOf(header.blockCount - 1)) };
}

/** A link's target, with one level of brackets inside it as markdown-it reads them. */
const LINK = /!?\[([^\]]*)\]\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g;
/** The original address that ends a saved article: the reader shows it apart, not as text. */
const ORIGINAL_URL =
  /^[ \t]*original\s+url\b[^\n]*(?:\n(?:[ \t]*\n)*[ \t]*<?https?:\/\/[^\s>]*>?[ \t]*)?$/gim;

/**
 * Drops Markdown marks, link targets and the original address (indexed, "Original url" would match
 * every article), keeping the words people read, web addresses written out included, with
 * entities and escapes read as the reader shows them.
 */
function plain(markdown: string): string {
  const text = markdown
    .replace(ORIGINAL_URL, '')
    .replace(LINK, '$1')
    .replace(/[*_`#><]+/g, ' ')
    .trim();
  return unescapeMarkdown(text);
}
