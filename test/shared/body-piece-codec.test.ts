/** A piece's blocks survive the trip as one string, plain paragraphs as their text alone. */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/main/services/article-parser';
import type { Block } from '../../src/shared/article';
import { decodeBlocks, encodeBlocks } from '../../src/shared/body-piece-codec';
import { generateRealisticArticle } from '../support/generate-articles';
import { HOSTILE_SHAPES } from '../support/pathological-markdown';
import { sourceFile } from '../support/source-file';

const bodyOf = (text: string) => parseArticle(text, sourceFile('a.txt')).body;

describe('body piece codec', () => {
  it('gives back exactly the blocks of a realistic article, any slice of them', () => {
    const body = bodyOf(generateRealisticArticle(200_000, 3));
    expect(decodeBlocks(encodeBlocks(body))).toEqual(body);
    for (const [from, to] of [
      [0, 1],
      [5, 50],
      [body.length - 3, body.length],
    ]) {
      expect(decodeBlocks(encodeBlocks(body.slice(from, to)))).toEqual(body.slice(from, to));
    }
  });

  it('gives back every kind of block, with nested ids and gaps in the numbering', () => {
    const body = bodyOf(
      [
        '# T',
        'plain',
        '> quoted\n>\n> > deeper',
        'after the quote',
        '1. one\n2. two\n   - nested',
        'after the list',
        '```\ncode\n```',
        '![img](x.png)',
        '---',
        '*emphasis* and [a link](https://example.com)',
        'last',
      ].join('\n\n'),
    );
    const gap: Block[] = [...body.slice(0, 3), ...body.slice(4)];
    const odd: Block[] = [
      { type: 'paragraph', id: 'x', children: [{ type: 'text', text: 'no number' }] },
      { type: 'paragraph', id: 'b7', children: [] },
      { type: 'paragraph', id: 'b8', children: [{ type: 'text', text: '' }] },
    ];
    for (const blocks of [body, gap, odd])
      expect(decodeBlocks(encodeBlocks(blocks))).toEqual(blocks);
  });

  it('sends a tiny paragraph as its text alone', () => {
    const body = bodyOf(HOSTILE_SHAPES['350 000 tiny paragraphs']!.make().slice(0, 30_000));
    const encoded = encodeBlocks(body);
    expect(encoded.length).toBeLessThan(body.length * 5 + 20);
    expect(decodeBlocks(encoded)).toEqual(body);
  });
});
