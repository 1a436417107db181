/**
 * Reads the saved-article format: `# Title`, `By [Source](#)`, a date line, a lead caption ending in
 * a **bold credit**, the body, `### **Embed:**` markers and `Original url:` + `<https://…>`.
 * Every part is optional; what is missing is listed in the model.
 */
import type {
  Article,
  ArticleDate,
  ArticlePart,
  Block,
  Byline,
  Caption,
  Inline,
  SourceFile,
} from '../../shared/article';
import { removeInvisibleControls } from '../../shared/deceptive-text';
import { looksLikeDateLine, parseDateLine } from './date-line';
import { classifyTarget, parseMarkdownBlocks, plainText } from './markdown-blocks';

const BYLINE = /^by\s+/i;
const ORIGINAL_URL = /^original\s+url\s*:?\s*/i;
const EMBED = /^embed\s*:?$/i;
/** A first line longer than this is a paragraph, not a title. */
const MAX_TITLE_FROM_LINE = 160;
/** The byline and date sit within the first few blocks after the title. */
const HEADER_ZONE = 4;

export function parseArticle(text: string, source: SourceFile): Article {
  const blocks = parseMarkdownBlocks(text).map(markEmbed);
  const missing: ArticlePart[] = [];

  const { title, titleFrom } = takeTitle(blocks, source.name);
  if (titleFrom !== 'heading') missing.push('title');

  const bylines: Byline[] = [];
  let date: ArticleDate | null = null;
  for (let seen = 0; seen < HEADER_ZONE && blocks[0]?.type === 'paragraph'; seen++) {
    const line = plainText(blocks[0].children).trim();
    if (BYLINE.test(line)) bylines.push(...readBylines(blocks[0].children));
    else if (!date && looksLikeDateLine(line)) date = parseDateLine(line);
    else break;
    blocks.shift();
  }
  if (bylines.length === 0) missing.push('byline');
  if (!date) missing.push('date');

  const caption = takeCaption(blocks);
  if (!caption) missing.push('caption');
  const originalUrl = takeOriginalUrl(blocks);
  if (!originalUrl) missing.push('originalUrl');
  if (blocks.length === 0) missing.push('body');

  return { title, titleFrom, bylines, date, caption, body: blocks, originalUrl, missing, source };
}

function takeTitle(blocks: Block[], fileName: string): Pick<Article, 'title' | 'titleFrom'> {
  const first = blocks[0];
  // Titles are judged as seen: bidi controls and zero-width spaces removed first.
  const visible = (text: string) => removeInvisibleControls(text).trim();
  const headingText = first?.type === 'heading' ? visible(plainText(first.children)) : '';
  if (first?.type === 'heading' && first.level === 1 && headingText) {
    blocks.shift();
    return { title: headingText, titleFrom: 'heading' };
  }
  if (first?.type === 'paragraph') {
    const whole = visible(plainText(first.children));
    const firstLine = visible(whole.split('\n')[0]!);
    if (
      firstLine === whole &&
      whole.length > 0 &&
      whole.length <= MAX_TITLE_FROM_LINE &&
      !BYLINE.test(whole)
    ) {
      blocks.shift();
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

/** The lead paragraph is a photo caption when it ends in bold text: the credit. */
function takeCaption(blocks: Block[]): Caption | null {
  const first = blocks[0];
  if (first?.type !== 'paragraph') return null;
  const children = [...first.children];
  while (children.at(-1)?.type === 'text' && plainText([children.at(-1)!]).trim() === '') {
    children.pop();
  }
  const last = children.at(-1);
  if (last?.type !== 'strong' || children.length < 2) return null;
  blocks.shift();
  const text = children.slice(0, -1);
  const tail = text.at(-1);
  if (tail?.type === 'text') text[text.length - 1] = { type: 'text', text: tail.text.trimEnd() };
  return { children: text, credit: plainText(last.children).trim() || null };
}

function takeOriginalUrl(blocks: Block[]): string | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.type !== 'paragraph') continue;
    const text = plainText(block.children).trim();
    if (!ORIGINAL_URL.test(text)) continue;
    const sameLine = firstWebUrl(block.children) ?? urlIn(text.replace(ORIGINAL_URL, ''));
    if (sameLine) {
      blocks.splice(i, 1);
      return sameLine;
    }
    const next = blocks[i + 1];
    const nextUrl =
      next?.type === 'paragraph'
        ? (firstWebUrl(next.children) ?? urlIn(plainText(next.children).trim()))
        : null;
    blocks.splice(i, nextUrl ? 2 : 1);
    return nextUrl;
  }
  return null;
}

function firstWebUrl(children: Inline[]): string | null {
  for (const child of children) {
    if (child.type === 'link' && child.target.kind === 'web') return child.target.url;
  }
  return null;
}

function urlIn(text: string): string | null {
  const target = classifyTarget(text.replace(/^<|>$/g, ''));
  return target.kind === 'web' ? target.url : null;
}

/** Marks removed embeds; a second `#` heading inside the body reads as a section heading. */
function markEmbed(block: Block, index: number): Block {
  if (block.type !== 'heading') return block;
  if (EMBED.test(plainText(block.children).trim())) return { type: 'embed', id: block.id };
  return index > 0 && block.level === 1 ? { ...block, level: 2 } : block;
}
