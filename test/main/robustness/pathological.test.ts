/**
 * Pathological Markdown and hostile shapes: each parses (or is refused with a reason) with its
 * structure capped. How long each takes is printed by `npm run bench:open`, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../../src/main/services/article-file';
import { parseArticle } from '../../../src/main/services/article-parser';
import { MAX_PARAGRAPH_CHARS } from '../../../src/main/services/long-paragraphs';
import type { Block, Inline } from '../../../src/shared/article';
import { plainText } from '../../../src/shared/article-text';
import { AppFailure } from '../../../src/shared/result';
import { HOSTILE_SHAPES, PATHOLOGICAL } from '../../support/pathological-markdown';
import { sourceFile } from '../../support/source-file';

const SOURCE = sourceFile('patho.txt');
/** markdown-it's nesting limit, plus the body itself. */
const MAX_DEPTH = 101;
const MAX_INLINE_ELEMENTS = 500;

function blockDepth(blocks: Block[]): number {
  let depth = 0;
  for (const block of blocks) {
    const children =
      block.type === 'quote' ? block.children : block.type === 'list' ? block.items.flat() : [];
    depth = Math.max(depth, 1 + blockDepth(children));
  }
  return depth;
}

/** Formatted pieces (elements) in a run of inlines, nested ones included. */
function elements(nodes: Inline[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.type === 'text') continue;
    count += 1 + ('children' in node ? elements(node.children) : 0);
  }
  return count;
}

/** The longest paragraph's text, nested ones included. */
function longestParagraph(blocks: Block[]): number {
  let longest = 0;
  for (const block of blocks) {
    if (block.type === 'paragraph') longest = Math.max(longest, plainText(block.children).length);
    else if (block.type === 'quote') longest = Math.max(longest, longestParagraph(block.children));
    else if (block.type === 'list') {
      longest = Math.max(longest, longestParagraph(block.items.flat()));
    }
  }
  return longest;
}

function mostElements(blocks: Block[]): number {
  let most = 0;
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') {
      most = Math.max(most, elements(block.children));
    } else if (block.type === 'quote') most = Math.max(most, mostElements(block.children));
    else if (block.type === 'list') most = Math.max(most, mostElements(block.items.flat()));
  }
  return most;
}

// How long each case takes is printed by `npm run bench:parse`; here only the shape of the result.
describe('pathological Markdown parses with its structure capped', () => {
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(name, () => {
      const article = parseArticle(`# Pathological\n\n${make()}\n`, SOURCE);
      expect(article.title).toBe('Pathological');
      expect(blockDepth(article.body)).toBeLessThanOrEqual(MAX_DEPTH);
      expect(mostElements(article.body)).toBeLessThanOrEqual(MAX_INLINE_ELEMENTS);
      expect(longestParagraph(article.body)).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    });
  }
});

describe('hostile shapes open, or are refused with the reason, as a file would be', () => {
  const open = (text: string) =>
    articleFromBytes(Buffer.from(text), { name: 'shape.txt', path: null, modified: null });

  for (const [name, { make, refused, blocks }] of Object.entries(HOSTILE_SHAPES)) {
    it(name, { timeout: 60_000 }, () => {
      const text = make();
      if (refused) {
        let failure: unknown = null;
        try {
          open(text);
        } catch (error) {
          failure = error;
        }
        expect(failure).toBeInstanceOf(AppFailure);
        expect((failure as AppFailure).code).toBe('too-large');
        expect((failure as AppFailure).message).toMatch(/^“shape\.txt” has /);
        expect((failure as AppFailure).message).toMatch(refused);
        return;
      }
      const article = open(text);
      expect(article.titleFrom).toBe('heading');
      expect(blockDepth(article.body)).toBeLessThanOrEqual(MAX_DEPTH);
      expect(mostElements(article.body)).toBeLessThanOrEqual(MAX_INLINE_ELEMENTS);
      // No paragraph the window would lay out in one long step (long-paragraphs).
      expect(longestParagraph(article.body)).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
      // Every block is there, in order (the title took the first id).
      if (blocks) expect(article.body.map((b) => b.id).at(-1)).toBe(`b${blocks}`);
      if (blocks) expect(article.body).toHaveLength(blocks);
    });
  }
});
