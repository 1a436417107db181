/**
 * Property test over generated Markdown-like articles: the parser never throws, builds only known node
 * kinds, never turns a hostile target into an openable link, and is deterministic.
 * LECTERN_PROPERTY_RUNS sets the count (500 here, 10 000 in `npm run bench:robustness`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/main/services/article-parser';
import type { Block, Inline } from '../../../src/shared/article';
import { sourceFile } from '../../support/source-file';
import { articleText } from '../../support/article-arbitrary';

const RUNS = Number(process.env.LECTERN_PROPERTY_RUNS ?? 500);
const source = sourceFile('prop.txt');

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'list',
  'quote',
  'code',
  'image',
  'rule',
  'embed',
]);
const INLINE_TYPES = new Set(['text', 'emphasis', 'strong', 'code', 'link', 'image', 'break']);

function checkInlines(nodes: Inline[]) {
  for (const node of nodes) {
    expect(INLINE_TYPES.has(node.type)).toBe(true);
    if (node.type === 'link' && node.target.kind === 'web') {
      expect(new URL(node.target.url).protocol).toMatch(/^(https?|mailto):$/);
    }
    if ('children' in node) checkInlines(node.children);
  }
}
function checkBlocks(blocks: Block[], ids: Set<string>) {
  for (const block of blocks) {
    expect(BLOCK_TYPES.has(block.type)).toBe(true);
    expect(ids.has(block.id)).toBe(false);
    ids.add(block.id);
    if (block.type === 'paragraph' || block.type === 'heading') checkInlines(block.children);
    if (block.type === 'quote') checkBlocks(block.children, ids);
    if (block.type === 'list') block.items.forEach((item) => checkBlocks(item, ids));
  }
}

describe('parser properties', () => {
  it(`holds for ${RUNS} generated articles`, { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(articleText(), (text) => {
        const article = parseArticle(text, source);
        expect(article.title.length).toBeGreaterThan(0);
        checkBlocks(article.body, new Set());
        if (article.caption) checkInlines(article.caption.children);
        for (const byline of article.bylines) {
          if (byline.target?.kind === 'web') expect(byline.target.url).toMatch(/^(https?|mailto):/);
        }
        if (article.originalUrl) expect(article.originalUrl).toMatch(/^(https?|mailto):/);
        expect(article.title).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        expect(parseArticle(text, source)).toEqual(article);
      }),
      { numRuns: RUNS, seed: Number(process.env.LECTERN_PROPERTY_SEED ?? 20251125) },
    );
  });
});
