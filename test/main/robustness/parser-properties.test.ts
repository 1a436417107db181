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

const RUNS = Number(process.env.LECTERN_PROPERTY_RUNS ?? 500);
const source = sourceFile('prop.txt');

const word = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    'Kyiv',
    'Élysée',
    '“quoted”',
    'it’s',
    '—',
    '&amp;',
    '&#x2028;',
    '\u202E',
    'مرحبا',
    '中文',
  ),
);
const target = fc.oneof(
  fc.constantFrom(
    '#',
    '',
    'https://example.com/a',
    'mailto:a@b.c',
    'javascript:alert(1)',
    'JaVaScRiPt:x',
    'data:text/html,<script>',
    'vbscript:x',
    '/relative',
    '//host/x',
    'java\tscript:x',
    'file:///etc',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 20 }),
);
const inline = fc.oneof(
  word,
  word.map((w) => `*${w}*`),
  word.map((w) => `**${w}**`),
  fc.tuple(word, target).map(([w, t]) => `[${w}](${t})`),
  target.map((t) => `<${t}>`),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '`code`',
    '![alt](x.png)',
    '\\',
    '<!--',
  ),
);
const line = fc.array(inline, { maxLength: 12 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  line,
  line.map((l) => `# ${l}`),
  line.map((l) => `### ${l}`),
  line.map((l) => `By ${l}`),
  fc.constantFrom(
    'June 08, 2025',
    'Updated: March 3, 2025',
    '### **Embed:**',
    'Original url:',
    '---',
    '```',
  ),
  fc.tuple(fc.integer({ min: 1, max: 30 }), line).map(([n, l]) => `${'>'.repeat(n)} ${l}`),
  fc.tuple(fc.constantFrom('- ', '1. ', '* '), line).map(([m, l]) => `${m}${l}`),
);
const articleText = fc
  .tuple(fc.array(block, { maxLength: 25 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n'))
  .map(([blocks, sep]) => blocks.join(sep));

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
      fc.property(articleText, (text) => {
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
