import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../../src/main/services/article-file';
import { OpenedArticles } from '../../../src/main/services/opened-articles';

const SAMPLE = resolve('resources/000_e51e31a3faca41e8.txt');
const BYLINES = resolve('test/fixtures/articles/several-bylines.txt');

describe('OpenedArticles', () => {
  it('answers the details of the article asked for, not of the one opened last', async () => {
    const opened = new OpenedArticles();
    expect(await opened.details('e51e31a3faca41e8')).toBeNull();
    const sampleKey = await opened.remember(await loadArticleFile(SAMPLE));
    const otherKey = await opened.remember(await loadArticleFile(BYLINES));
    expect(sampleKey).toBe('e51e31a3faca41e8');
    expect(otherKey).toMatch(/^sha-[0-9a-f]{16}$/);
    expect((await opened.details(sampleKey))?.title).toMatch(/^Russia Says Pushing Offensive/);
    expect((await opened.details(otherKey))?.title).toBe('Talks Resume in Geneva');
  });

  it('forgets the oldest once more than a few are open', async () => {
    const opened = new OpenedArticles();
    const sample = await loadArticleFile(SAMPLE);
    const first = await opened.remember(sample);
    for (let n = 0; n < 4; n++) {
      const id = `${n}`.padStart(16, 'a');
      await opened.remember({ ...sample, source: { ...sample.source, articleId: id } });
    }
    expect(await opened.details(first)).toBeNull();
    expect((await opened.details('aaaaaaaaaaaaaaa3'))?.title).toBe(sample.title);
  });
});
