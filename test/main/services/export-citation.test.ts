/**
 * One citation: what the details panel copies as Markdown is what both highlight exports write,
 * for the sample article opened alone and as an entry of its library.
 */
import { basename, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { articleDetails } from '../../../src/main/services/article-details';
import { loadArticleFile } from '../../../src/main/services/article-file';
import { citationOf } from '../../../src/shared/article-citation';
import { exportFileName } from '../../../src/shared/export/export-job';
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

it('writes a highlight and its note as text, whatever Markdown or HTML they hold', async () => {
  const article = await loadArticleFile(SAMPLE);
  const note =
    'Line one\n\n## Not a heading\n- not a list\n1. nor this\n    not code\n<b>raw</b> *x* [l](y)\n---';
  const highlight = quoteAnnotation('a <i>quote</i>\n# with a hash', { start: 0 }, { note });
  for (const markdown of [
    highlightsMarkdown(article, [{ annotation: highlight, placed: true }], 'en-GB'),
    allHighlightsMarkdown([
      { key: 'k', title: article.title, annotation: highlight, article: null },
    ]),
  ]) {
    const tokens = new MarkdownIt().parse(markdown, {});
    const inline = tokens.flatMap((token) => token.children ?? []);
    // Only the export's own heading; no list, rule, code, HTML or emphasis from the reader's text.
    expect(tokens.filter((t) => t.type === 'heading_open')).toHaveLength(
      2 - Number(markdown.startsWith('# Highlights')),
    );
    expect(tokens.map((t) => t.type)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/list|hr|code|html/)]),
    );
    expect(inline.map((t) => t.type)).not.toContain('html_inline');
    const text = new MarkdownIt().render(markdown);
    for (const words of [
      '## Not a heading',
      '- not a list',
      '1. nor this',
      '&lt;b&gt;raw&lt;/b&gt; *x* [l](y)',
      '# with a hash',
    ]) {
      expect(text).toContain(words);
    }
  }
});

it('keeps a note’s lines as lines, in both exports', async () => {
  const article = await loadArticleFile(SAMPLE);
  const note = 'First line\nsecond line\n\nA new paragraph';
  const highlight = quoteAnnotation('a quote', { start: 0 }, { note });
  for (const markdown of [
    highlightsMarkdown(article, [{ annotation: highlight, placed: true }], 'en-GB'),
    allHighlightsMarkdown([
      { key: 'k', title: article.title, annotation: highlight, article: null },
    ]),
  ]) {
    const html = new MarkdownIt().render(markdown);
    expect(html).toContain('First line<br>\nsecond line</p>');
    expect(html).toContain('<p>A new paragraph</p>');
  }
});

it('names an export file from the title, cut between words', () => {
  const title = "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region";
  expect(exportFileName(title, 'md', '-highlights')).toBe(
    'russia-says-pushing-offensive-into-ukraines-dnipropetrovsk-highlights.md',
  );
  expect(exportFileName('Short title', 'epub')).toBe('short-title.epub');
  expect(exportFileName('x'.repeat(80), 'pdf')).toBe(`${'x'.repeat(60)}.pdf`);
  expect(exportFileName('«»', 'pdf')).toBe('article.pdf');
});
