/**
 * The article worker, run from source (through tsx) as the hosts run the built one: long articles
 * answer with their head and hand out the rest in pieces, the host's other calls are answered
 * while a long file parses, a newer article wins, and refusals arrive with their reasons.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../../src/main/services/article-file';
import { ArticleThread } from '../../../src/main/services/article-thread';
import { createServices } from '../../../src/main/services/lectern-handlers';
import type { Article, Block } from '../../../src/shared/article';
import { articleKey } from '../../../src/shared/article-key';
import { decodeBlocks } from '../../../src/shared/body-piece-codec';
import { generateRealisticArticle } from '../../support/generate-articles';

const WORKER = resolve('src/main/services/article-worker.ts');
const dir = mkdtempSync(join(tmpdir(), 'lectern-article-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const threads: ArticleThread[] = [];
afterEach(async () => {
  for (const thread of threads.splice(0)) await thread.close();
});

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function startThread(): ArticleThread {
  const thread = new ArticleThread(WORKER);
  threads.push(thread);
  return thread;
}

/** The rest of a long article, piece after piece, laid over its head as the window does. */
async function wholeBody(thread: ArticleThread, head: Article): Promise<Article> {
  const body: Block[] = [...head.body];
  for (let index = 0; ; index++) {
    const piece = await thread.piece(head.continued!.id, index);
    body.splice(piece.start, body.length - piece.start, ...decodeBlocks(piece.encoded));
    if (piece.end) {
      const { originalUrl, missing, key } = piece.end;
      const article: Article = { ...head, originalUrl, missing, body };
      expect(key).toBe(await articleKey(article));
      delete article.continued;
      return article;
    }
  }
}

describe('the article worker', { timeout: 60_000 }, () => {
  it('answers a long article with its head, then its pieces make up the whole article', async () => {
    const path = write('001_00000000000000aa.txt', generateRealisticArticle(1_500_000, 4));
    const thread = startThread();
    const { article: head, key } = await thread.open({ path });
    const whole = await loadArticleFile(path);
    // Its key is its file's id: known before the rest is parsed.
    expect(key).toBe('00000000000000aa');
    expect(head.continued?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(head.title).toBe(whole.title);
    expect(head.bylines).toEqual(whole.bylines);
    expect(head.body.length).toBeLessThan(whole.body.length / 10);
    expect(head.originalUrl).toBeNull();
    expect(await wholeBody(thread, head)).toEqual(whole);
  });

  it('answers a long article without an id with no key: its last piece brings it', async () => {
    const path = write('no-id.txt', generateRealisticArticle(600_000, 5));
    const thread = startThread();
    const { article: head, key } = await thread.open({ path });
    expect(head.continued).toBeDefined();
    expect(key).toBeNull();
    expect(await wholeBody(thread, head)).toEqual(await loadArticleFile(path));
  });

  it('answers a short article whole, as before', async () => {
    const path = write('short.txt', generateRealisticArticle(20_000, 2));
    const { article, key } = await startThread().open({ path });
    expect(article).toEqual(await loadArticleFile(path));
    expect(key).toBe(await articleKey(article));
  });

  it('keeps the host answering other calls while it parses a long file', async () => {
    const path = write('long.txt', generateRealisticArticle(6_000_000, 6));
    const { handlers, articles } = createServices({
      info: { host: 'browser', version: 'test', nativeMenu: false },
      startupPath: path,
      startupIsSample: false,
      userDataDir: mkdtempSync(join(dir, 'ud-')),
      openExternal: async () => undefined,
      articleWorkerFile: WORKER,
    });
    threads.push(articles);
    const head = (await handlers['app.start']()).article!.article;
    // The first piece waits for the whole text to be parsed; the host answers meanwhile.
    const order: string[] = [];
    const piece = handlers['reader.bodyPiece'](head.continued!.id, 0).then(() =>
      order.push('piece'),
    );
    await handlers['settings.set']({}).then(() => order.push('settings.set'));
    await handlers['recent.list']().then(() => order.push('recent.list'));
    await piece;
    expect(order).toEqual(['settings.set', 'recent.list', 'piece']);
  });

  it('leaves a long article it was still parsing for a newer one', async () => {
    const thread = startThread();
    const { article: long } = await thread.open({
      path: write('first.txt', generateRealisticArticle(4_000_000, 7)),
    });
    const newer = await thread.open({ path: write('second.txt', '# The second\n\nIts text.\n') });
    expect(newer.article.title).toBe('The second');
    await expect(thread.piece(long.continued!.id, 0)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('passes refusals on with their reasons', async () => {
    const thread = startThread();
    const binary = write(
      'photo.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
    );
    await expect(thread.open({ path: binary })).rejects.toMatchObject({ code: 'binary' });
    const lines = Buffer.from(`# Lines\n\n${'a\n'.repeat(1_200_000)}`);
    await expect(thread.open({ name: 'lines.txt', bytes: lines })).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/^“lines\.txt” has 1\u202f200\u202f003 lines/),
    });
  });
});
