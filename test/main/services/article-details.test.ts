import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleDetails } from '../../../src/main/services/article-details';
import { loadArticleFile } from '../../../src/main/services/article-file';
import { citationOf } from '../../../src/shared/article-citation';

const SAMPLE = resolve('resources/000_e51e31a3faca41e8.txt');
const dir = mkdtempSync(join(tmpdir(), 'lectern-details-'));
const write = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const detailsOf = async (path: string) => await articleDetails(await loadArticleFile(path));

describe('the sample article', () => {
  // Counted by hand and with grep/wc on the file (body = after the caption, before "Original url:").
  it('has the reading figures a careful reader counts', async () => {
    const { reading } = await detailsOf(SAMPLE);
    expect(reading).toEqual({
      words: 702, // `wc -w` gives 709, of which 7 are spaced em dashes
      wordsPerMinute: 238,
      minutes: 3,
      paragraphs: 27,
      subheads: 0,
      quotations: 9, // nine opening “ in the body; the caption's straight quotes are not body
      blockQuotes: 0,
      links: { kept: 0, lost: 4, blocked: 0 }, // said, said, killed, used
      embedsRemoved: 1,
    });
  });

  it('describes the source, the file and the lead photo', async () => {
    const details = await detailsOf(SAMPLE);
    expect(details.title).toBe(
      "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region",
    );
    expect(details.bylines).toEqual([{ name: 'AFP', url: null }]);
    expect(details.date).toEqual({ raw: 'June 08, 2025', iso: '2025-06-08', label: null });
    expect(details.original?.domain).toBe('themoscowtimes.com');
    expect(details.file).toMatchObject({
      name: '000_e51e31a3faca41e8.txt',
      articleId: 'e51e31a3faca41e8',
      folder: resolve('resources'),
      size: 5069,
      encoding: 'utf-8',
      lineEndings: 'LF',
    });
    expect(details.leadPhoto?.credit).toBe(
      'Telegram / Dnipropetrovsk Regional Military Administration head Serhii Lysak',
    );
    expect(details.leadPhoto?.caption).toMatch(/^Russia's Defense Ministry said .* region\."$/);
    expect(details.outline).toEqual([]);
  });

  it('finds the people, places and organisations the issue names', async () => {
    const { entities } = await detailsOf(SAMPLE);
    const kindOf = (name: string) => entities.find((e) => e.name === name)?.kind;
    for (const name of ['Volodymyr Zelensky', 'Dmitry Medvedev', 'Serhii Lysak', 'Oleksandr']) {
      expect(kindOf(name), name).toBe('person');
    }
    for (const name of ['Dnipropetrovsk', 'Dnipro', 'Donetsk', 'Kyiv', 'Moscow', 'Istanbul']) {
      expect(kindOf(name), name).toBe('place');
    }
    expect(kindOf('AFP')).toBe('organization');
    expect(kindOf('Russian')).toBeUndefined();
  });

  it('counts each name as often as it appears in the title, caption and body', async () => {
    const { entities } = await detailsOf(SAMPLE);
    const raw = readFileSync(SAMPLE, 'utf8').split('Original url:')[0]!;
    // Independent count: whole-word occurrences in the file (the byline's AFP is not text).
    const occurrences = (word: string) => raw.match(new RegExp(`\\b${word}\\b`, 'g'))!.length;
    const countOf = (name: string) => entities.find((e) => e.name === name)?.count;
    expect(countOf('Kyiv')).toBe(occurrences('Kyiv'));
    expect(countOf('Moscow')).toBe(occurrences('Moscow'));
    expect(countOf('Dnipro')).toBe(occurrences('Dnipro'));
    expect(countOf('AFP')).toBe(occurrences('AFP') - 1);
    expect(countOf('Kyiv')).toBe(8);
  });

  it('cites the article as plain text and Markdown', async () => {
    const citation = citationOf(await detailsOf(SAMPLE), 'en-GB');
    expect(citation.plain).toBe(
      "AFP, “Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region”, themoscowtimes.com, 8 June 2025. https://www.themoscowtimes.com/2025/06/08/russia-says-pushing-offensive-into-ukraines-dnipropetrovsk-region-a89377",
    );
    expect(citation.markdown).toMatch(
      /^AFP, \[“Russia Says .*”\]\(<https:\/\/www\.themoscowtimes\.com\/.*>\), \*themoscowtimes\.com\*, 8 June 2025\.$/,
    );
  });
});

describe('written fixtures', () => {
  it('counts several bylines, a subhead, a list, a block quote and a kept link', async () => {
    const details = await detailsOf(resolve('test/fixtures/articles/several-bylines.txt'));
    expect(details.bylines).toEqual([
      { name: 'Jane Doe', url: null },
      { name: 'Reuters', url: 'https://www.reuters.com/' },
    ]);
    expect(details.date).toMatchObject({ iso: '2025-03-03', label: 'Updated' });
    expect(details.reading).toMatchObject({
      words: 31, // 10 + 3 (subhead) + 7 + 4 (list items) + 7 (quote)
      minutes: 1,
      paragraphs: 2, // the list items are items, the quote's paragraph is a paragraph
      subheads: 1,
      quotations: 1,
      blockQuotes: 1,
      links: { kept: 1, lost: 0, blocked: 0 },
      embedsRemoved: 0,
    });
    expect(details.outline).toEqual([
      { id: expect.any(String), level: 2, text: 'What was agreed' },
    ]);
    expect(citationOf(details, 'en-GB').plain).toBe(
      'Jane Doe, Reuters, “Talks Resume in Geneva”, example.org, 3 March 2025. https://www.example.org/geneva-talks',
    );
  });

  it('keeps the raw date line when it cannot be parsed, and cites without a URL', async () => {
    const path = write(
      'undated.txt',
      '# A Summer Story\n\nBy Ann Lee\n\nSummer 2024\n\nIt was [hot](notes/page.html).\n',
    );
    const details = await detailsOf(path);
    expect(details.date).toEqual({ raw: 'Summer 2024', iso: null, label: null });
    expect(details.original).toBeNull();
    expect(details.file.articleId).toBeNull();
    expect(details.reading.links).toEqual({ kept: 0, lost: 0, blocked: 1 });
    expect(citationOf(details, 'en-GB')).toEqual({
      plain: 'Ann Lee, “A Summer Story”, Summer 2024.',
      markdown: 'Ann Lee, “A Summer Story”, Summer 2024.',
    });
  });

  it('handles an article with no title, byline, date or caption', async () => {
    const details = await detailsOf(resolve('test/fixtures/articles/no-structure.txt'));
    expect(details.titleFrom).toBe('first-line');
    expect(details.bylines).toEqual([]);
    expect(details.date).toBeNull();
    expect(details.leadPhoto).toBeNull();
    expect(details.reading).toMatchObject({ words: 15, paragraphs: 1, minutes: 1 });
  });

  it('merges a surname with the full name it belongs to', async () => {
    const path = write(
      'names.txt',
      '# Talks\n\nUkrainian President Volodymyr Zelensky spoke in Kyiv on Monday.\n\nLater, Zelensky met Emmanuel Macron in Paris, and Macron said little.\n',
    );
    const { entities } = await detailsOf(path);
    expect(entities).toContainEqual({
      name: 'Volodymyr Zelensky',
      kind: 'person',
      count: 2,
      variants: ['Volodymyr Zelensky', 'Zelensky'],
    });
    expect(entities.find((e) => e.name === 'Emmanuel Macron')?.count).toBe(2);
  });
});
