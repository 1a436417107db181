import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleThread } from '../../../src/main/services/article-thread';
import { OpenedArticles } from '../../../src/main/services/opened-articles';

const SAMPLE = resolve('resources/000_e51e31a3faca41e8.txt');
const BYLINES = resolve('test/fixtures/articles/several-bylines.txt');
// No worker file: the article thread parses in this one, as the hosts' worker would.
const thread = new ArticleThread();
afterAll(() => thread.close());

describe('OpenedArticles', () => {
  it('answers the details of the article asked for, not of the one opened last', async () => {
    const opened = new OpenedArticles(thread);
    expect(await opened.details('e51e31a3faca41e8')).toBeNull();
    const sample = await thread.open({ path: SAMPLE });
    opened.remember(sample);
    const other = await thread.open({ path: BYLINES });
    opened.remember(other);
    expect(sample.key).toBe('e51e31a3faca41e8');
    expect(other.key).toMatch(/^sha-[0-9a-f]{16}$/);
    expect((await opened.details(sample.key!))?.title).toMatch(/^Russia Says Pushing Offensive/);
    expect((await opened.details(other.key!))?.title).toBe('Talks Resume in Geneva');
    expect((await opened.latest())?.title).toBe('Talks Resume in Geneva');
  });

  it('forgets the oldest once more than a few are open', async () => {
    const opened = new OpenedArticles(thread);
    const sample = await thread.open({ path: SAMPLE });
    opened.remember(sample);
    for (let n = 0; n < 4; n++) {
      opened.remember({ ...(await thread.open({ path: BYLINES })), key: `${n}`.padStart(16, 'a') });
    }
    expect(await opened.details(sample.key!)).toBeNull();
    expect((await opened.details('aaaaaaaaaaaaaaa3'))?.title).toBe('Talks Resume in Geneva');
  });
});
