/**
 * One citation: what the details panel copies as Markdown is what both highlight exports write,
 * for the sample article opened alone and as an entry of its library.
 */
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleDetails } from '../../../src/main/services/article-details';
import { loadArticleFile } from '../../../src/main/services/article-file';
import { citationOf } from '../../../src/shared/article-citation';
import { highlightsMarkdown } from '../../../src/renderer/src/highlights/highlights-export';
import { allHighlightsMarkdown } from '../../../src/renderer/src/library/all-highlights';
import { quoteAnnotation } from '../../support/quote-annotation';

const SAMPLE = resolve('resources/000_e51e31a3faca41e8.txt');
const QUOTE = 'Russia said Sunday';

const annotation = quoteAnnotation(QUOTE, { start: 0 });

describe('the citation of an article', () => {
  it('is the same in the details panel, its highlights export and All highlights', async () => {
    const article = await loadArticleFile(SAMPLE);
    const { markdown } = citationOf(await articleDetails(article), 'en-GB');
    expect(markdown).toContain('*themoscowtimes.com*, 8 June 2025.');

    expect(highlightsMarkdown(article, [], 'en-GB').split('\n')).toContain(markdown);
    const all = allHighlightsMarkdown(
      [
        {
          key: 'e51e31a3faca41e8',
          title: article.title,
          annotation,
          // As the library lists it: its byline as the source, its date line read.
          article: {
            path: SAMPLE,
            title: article.title,
            source: article.bylines[0]!.name,
            date: article.date!.iso,
            url: article.originalUrl,
          },
        },
      ],
      new Date('2026-12-01T00:00:00Z'),
      'en-GB',
    );
    expect(all.split('\n')).toContain(markdown);
  });

  it('names the file when there is no original address to find the article by', async () => {
    const article = { ...(await loadArticleFile(SAMPLE)), originalUrl: null };
    const { markdown } = citationOf(await articleDetails(article), 'en-GB');
    expect(highlightsMarkdown(article, [], 'en-GB').split('\n')).toContain(
      `${markdown} File: ${basename(SAMPLE).replace(/_/g, '\\_')}`,
    );
  });
});

it('keeps Markdown in a title as text, in the heading and the citation', async () => {
  const article = { ...(await loadArticleFile(SAMPLE)), title: 'Why *this* &copy; matters' };
  const lines = highlightsMarkdown(article, [], 'en-GB').split('\n');
  expect(lines[0]).toBe('# Highlights: Why \\*this\\* \\&copy; matters');
  expect(lines[2]).toContain('[“Why \\*this\\* \\&copy; matters”]');
});
