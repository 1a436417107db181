/**
 * What the window is answered first, and the pieces after it, in this thread (the worker runs the
 * same shelf): the first answer stays small whatever the file's shape, and the pieces, in order,
 * make up the article a whole parse gives.
 */
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../../src/main/services/article-file';
import { ArticleShelf } from '../../../src/main/services/article-shelf';
import { MAX_PARAGRAPH_CHARS } from '../../../src/main/services/long-paragraphs';
import type { Article, Block } from '../../../src/shared/article';
import { plainText } from '../../../src/shared/article-text';
import { decodeBlocks } from '../../../src/shared/body-piece-codec';
import { generateArticle } from '../../support/generate-articles';
import { HOSTILE_SHAPES } from '../../support/pathological-markdown';

const shape = (name: string) => HOSTILE_SHAPES[name]!.make();

async function open(text: string) {
  const shelf = new ArticleShelf();
  const bytes = Buffer.from(text);
  const { answer, finish } = await shelf.open({ name: 'shape.txt', bytes });
  finish();
  const whole = articleFromBytes(bytes, { name: 'shape.txt', path: null, modified: null });
  return { shelf, head: answer.article, whole };
}

/** Every piece in turn, as the window asks for them. */
async function pieces(shelf: ArticleShelf, head: Article) {
  const all: { start: number; blocks: Block[] }[] = [];
  for (let index = 0; ; index++) {
    const piece = await shelf.piece(head.continued!.id, index);
    all.push({ start: piece.start, blocks: decodeBlocks(piece.encoded) });
    if (piece.end) return all;
  }
}

const answerSize = (article: Article) => JSON.stringify(article).length;

describe('the first answer', { timeout: 60_000 }, () => {
  it('comes before a paragraph of megabytes, which follows in pieces of paragraphs', async () => {
    const { shelf, head, whole } = await open(shape('200 000 inline pieces in one paragraph'));
    expect(head.title).toBe('Inline pieces');
    expect(head.continued).toBeDefined();
    expect(answerSize(head)).toBeLessThan(8_000);
    const rest = await pieces(shelf, head);
    const blocks = rest.flatMap((piece) => piece.blocks);
    expect(blocks).toEqual(whole.body);
    for (const block of blocks) {
      expect(block.type).toBe('paragraph');
      const text = plainText((block as Extract<Block, { type: 'paragraph' }>).children);
      expect(text.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    }
  });

  it('holds a few hundred of 350 000 tiny paragraphs; the pieces bring the rest in order', async () => {
    const { shelf, head, whole } = await open(shape('350 000 tiny paragraphs'));
    expect(head.body.length).toBeLessThanOrEqual(500);
    expect(answerSize(head)).toBeLessThan(64 * 1024);
    const rest = await pieces(shelf, head);
    // Each piece starts where the one before ended, and none is larger than the window takes in
    // a few tasks.
    let next = head.body.length;
    for (const piece of rest) {
      expect(piece.start).toBe(next);
      expect(piece.blocks.length).toBeLessThanOrEqual(4096);
      next += piece.blocks.length;
    }
    expect(next).toBe(whole.body.length);
    expect([...head.body, ...rest.flatMap((piece) => piece.blocks)]).toEqual(whole.body);
  });

  it('is the head of a 200 KB article, and the whole of a 60 KB one', async () => {
    const long = await open(generateArticle(200_000, 3, 'Long'));
    expect(long.head.continued).toBeDefined();
    expect(answerSize(long.head)).toBeLessThan(80_000);
    const short = await open(generateArticle(60_000, 3, 'Short'));
    expect(short.head.continued).toBeUndefined();
    expect(short.head).toEqual(short.whole);
  });
});
