/** Counts what a careful reader would count in the rendered body: words, paragraphs, quotes, links. */
import type { Block, Inline } from '../../shared/article';
import {
  WORDS_PER_MINUTE,
  type OutlineEntry,
  type ReadingStats,
} from '../../shared/article-details';

/** A word is a run of letters or digits, joined by apostrophes, hyphens or digit separators ("1,000", "don't"). */
const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;
const CURLY_OPEN = /“/g;
const STRAIGHT = /"/g;

/** The text a reader sees in a run of inlines; an unsaved inline image reads as nothing. */
export function inlineText(inlines: Inline[]): string {
  let text = '';
  for (const node of inlines) {
    if (node.type === 'text' || node.type === 'code') text += node.text;
    else if (node.type === 'break') text += '\n';
    else if (node.type !== 'image') text += inlineText(node.children);
  }
  return text;
}

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Every text-bearing block of the body, in order, with the text it shows. */
export function* textBlocks(blocks: Block[]): Generator<{ block: Block; text: string }> {
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') {
      yield { block, text: inlineText(block.children) };
    } else if (block.type === 'code') {
      yield { block, text: block.text };
    } else if (block.type === 'quote') {
      yield* textBlocks(block.children);
    } else if (block.type === 'list') {
      for (const item of block.items) yield* textBlocks(item);
    }
  }
}

export function readingStats(body: Block[]): ReadingStats {
  const stats: ReadingStats = {
    words: 0,
    wordsPerMinute: WORDS_PER_MINUTE,
    minutes: 0,
    paragraphs: 0,
    subheads: 0,
    quotations: 0,
    blockQuotes: 0,
    links: { kept: 0, lost: 0, blocked: 0 },
    embedsRemoved: 0,
  };
  for (const { text } of textBlocks(body)) {
    stats.words += countWords(text);
    stats.quotations += countQuotations(text);
  }
  countBlocks(body, stats, false);
  stats.minutes = stats.words === 0 ? 0 : Math.max(1, Math.round(stats.words / WORDS_PER_MINUTE));
  return stats;
}

/** An opening curly quote starts a passage (multi-paragraph quotes reopen without closing); straight ones pair up. */
export function countQuotations(text: string): number {
  const curly = text.match(CURLY_OPEN)?.length ?? 0;
  const straight = text.match(STRAIGHT)?.length ?? 0;
  return curly + Math.floor(straight / 2);
}

function countBlocks(blocks: Block[], stats: ReadingStats, inList: boolean) {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        // A list item's text is an item, not a paragraph of the article.
        if (!inList) stats.paragraphs++;
        countLinks(block.children, stats);
        break;
      case 'heading':
        stats.subheads++;
        countLinks(block.children, stats);
        break;
      case 'quote':
        stats.blockQuotes++;
        countBlocks(block.children, stats, inList);
        break;
      case 'list':
        for (const item of block.items) countBlocks(item, stats, true);
        break;
      case 'embed':
        stats.embedsRemoved++;
        break;
      default:
        break;
    }
  }
}

function countLinks(inlines: Inline[], stats: ReadingStats) {
  for (const node of inlines) {
    if (node.type === 'link') stats.links[node.target.kind === 'web' ? 'kept' : node.target.kind]++;
    if ('children' in node) countLinks(node.children, stats);
  }
}

export function outlineOf(body: Block[]): OutlineEntry[] {
  return body
    .filter((block) => block.type === 'heading')
    .map((block) => ({
      id: block.id,
      level: block.level,
      text: inlineText(block.children).trim(),
    }));
}
