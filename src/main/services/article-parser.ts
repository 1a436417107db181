/**
 * Reads the saved-article format: `# Title`, `By [Source](#)`, a date line, a lead caption ending in
 * a **bold credit**, the body, `### **Embed:**` markers and `Original url:` + `<https://…>`.
 * Every part is optional; what is missing is listed in the model.
 */
import type {
  Article,
  ArticlePart,
  Block,
  Caption,
  Inline,
  SourceFile,
} from '../../shared/article';
import { ORIGINAL_URL, readHeader, separateHeaderLines } from '../../shared/article-header';
import { plainText } from '../../shared/article-text';
import { classifyTarget, parseMarkdownBlocks } from './markdown-blocks';

const EMBED = /^embed\s*:?$/i;

export function parseArticle(text: string, source: SourceFile): Article {
  const blocks = parseMarkdownBlocks(separateHeaderLines(text).text).map(markEmbed);
  const missing: ArticlePart[] = [];

  // The header is read as the library list reads it (src/shared/article-header).
  const { title, titleFrom, bylines, date, blockCount } = readHeader((i) => blocks[i], source.name);
  blocks.splice(0, blockCount);
  if (titleFrom !== 'heading') missing.push('title');
  if (bylines.length === 0) missing.push('byline');
  if (!date) missing.push('date');

  const caption = takeCaption(blocks);
  if (!caption) missing.push('caption');
  const originalUrl = takeOriginalUrl(blocks);
  if (!originalUrl) missing.push('originalUrl');
  if (blocks.length === 0) missing.push('body');

  return { title, titleFrom, bylines, date, caption, body: blocks, originalUrl, missing, source };
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
