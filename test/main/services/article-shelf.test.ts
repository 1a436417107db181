/**
 * What the window is answered first, and the pieces after it, in this thread (the worker runs the
 * same shelf): the first answer stays small whatever the file's shape, and the pieces, in order,
 * make up the article a whole parse gives.
 */
import { describe, expect, it } from 'vitest';
import { articleFromBytes, decodeArticle } from '../../../src/main/services/article-file';
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

describe('a text of megabytes', { timeout: 60_000 }, () => {
  const megabytes = generateArticle(3_000_000, 4, 'Megabytes');
  const answer = async (bytes: Buffer) => {
    const shelf = new ArticleShelf();
    const { answer: first, finish } = await shelf.open({ name: 'long.txt', bytes });
    finish();
    return { shelf, head: first.article };
  };
  const wholeOf = (bytes: Buffer) =>
    articleFromBytes(bytes, { name: 'long.txt', path: null, modified: null });

  it('is answered from its first bytes, with the head and pieces a whole decode gives', async () => {
    const bytes = Buffer.from(megabytes);
    const { shelf, head } = await answer(bytes);
    const whole = wholeOf(bytes);
    // Sized by its bytes (more than its characters: it has accents), as it was not decoded whole.
    expect(head.continued?.characters).toBe(bytes.byteLength);
    expect(head.source).toEqual(whole.source);
    const rest = await pieces(shelf, head);
    expect(rest[0]!.start).toBe(head.body.length);
    expect([...head.body, ...rest.flatMap((piece) => piece.blocks)]).toEqual(whole.body);
  });

  it('is decoded whole first where its first bytes do not settle the head', async () => {
    const cases: [string, Buffer][] = [
      ['carriage returns', Buffer.from(megabytes.replace(/\n/g, '\r\n'))],
      [
        'a reference definition at its end, for a link at its start',
        Buffer.from(`${megabytes.replace('\n\n', '\n\n[a link][a]\n\n')}\n[a]: https://a.test\n`),
      ],
      ['a legacy encoding', Buffer.from(megabytes, 'latin1')],
      ['a control character near its start', Buffer.from(megabytes.replace('\n\n', '\n\u0007\n'))],
    ];
    for (const [label, bytes] of cases) {
      const { shelf, head } = await answer(bytes);
      const whole = wholeOf(bytes);
      expect(head.source, label).toEqual(whole.source);
      // Counted in the text decoded whole before the answer.
      const { text } = decodeArticle(bytes, { name: 'long.txt', path: null, modified: null });
      expect(head.continued?.characters, label).toBe(text.length);
      const rest = await pieces(shelf, head);
      expect([...head.body, ...rest.flatMap((piece) => piece.blocks)], label).toEqual(whole.body);
    }
  });

  it('with too many lines is refused for them, counted in its bytes', async () => {
    const { make, refused } = HOSTILE_SHAPES['20 MB of tiny paragraphs']!;
    await expect(answer(Buffer.from(make()))).rejects.toThrow(refused!);
  });
});
