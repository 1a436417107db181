import { describe, expect, it } from 'vitest';
import type { HighlightEntry } from '../../../src/shared/library-research';
import {
  allHighlightsMarkdown,
  filterHighlights,
  foldedHighlight,
  highlightMatcher,
} from '../../../src/renderer/src/library/all-highlights';

function entry(
  id: string,
  exact: string,
  options: Partial<{
    note: string;
    colour: 'yellow' | 'blue';
    key: string;
    inLibrary: boolean;
    start: number;
  }> = {},
): HighlightEntry {
  const key = options.key ?? 'aaaaaaaaaaaaaaaa';
  return {
    key,
    title: `Title of ${key}`,
    annotation: {
      id,
      type: 'Annotation',
      created: '2025-01-01T00:00:00Z',
      modified: '2025-01-01T00:00:00Z',
      colour: options.colour ?? 'yellow',
      note: options.note ?? '',
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          {
            type: 'TextPositionSelector',
            start: options.start ?? 0,
            end: (options.start ?? 0) + exact.length,
          },
        ],
      },
    },
    article:
      options.inLibrary === false
        ? null
        : {
            path: `/lib/001_${key}.txt`,
            title: `Title of ${key}`,
            source: 'Wire',
            date: '2025-06-08',
            url: `https://example.com/${key}`,
          },
  };
}

const entries = [
  entry('1', 'The talks in Zaporizhzhia resumed.', { note: 'Check the café figures' }),
  entry('2', 'Prices at the café rose.', { colour: 'blue', key: 'bbbbbbbbbbbbbbbb' }),
  entry('3', 'A “quoted” passage, gone', { key: 'cccccccccccccccc', inLibrary: false }),
];
const folded = entries.map(foldedHighlight);
const ids = (list: HighlightEntry[]) => list.map((e) => e.annotation.id);

describe('searching every highlight', () => {
  it('folds accents and case, matches word beginnings in the text and the note', () => {
    expect(ids(filterHighlights(entries, folded, '', 'CAFE'))).toEqual(['1', '2']);
    expect(ids(filterHighlights(entries, folded, '', 'zapor'))).toEqual(['1']);
    expect(ids(filterHighlights(entries, folded, '', 'apor'))).toEqual([]);
    expect(ids(filterHighlights(entries, folded, '', '"quoted" passage'))).toEqual(['3']);
  });

  it('filters by colour, with or without a query', () => {
    expect(ids(filterHighlights(entries, folded, 'blue', ''))).toEqual(['2']);
    expect(ids(filterHighlights(entries, folded, 'blue', 'talks'))).toEqual([]);
  });

  it('has nothing to look for in punctuation alone', () => {
    expect(highlightMatcher(' " - ')).toBeNull();
  });
});

describe('exporting every highlight', () => {
  it('groups them by article, each with a citation, and marks those no longer in the folder', () => {
    const markdown = allHighlightsMarkdown(entries, new Date('2026-12-01T10:00:00Z'), 'en-GB');
    expect(markdown).toContain(
      'Exported from Lectern on 1 December 2026: 3 highlights from 3 articles.',
    );
    expect(markdown).toContain(
      '## Title of aaaaaaaaaaaaaaaa\n\nWire, [“Title of aaaaaaaaaaaaaaaa”](<https://example.com/aaaaaaaaaaaaaaaa>), *example.com*, 8 June 2025.\n\n> The talks in Zaporizhzhia resumed.\n\n**Note:** Check the café figures',
    );
    expect(markdown).toContain(
      '## Title of cccccccccccccccc\n\n“Title of cccccccccccccccc”. _No longer in the library folder._',
    );
  });

  it('writes an article’s highlights in reading order, as the Highlights panel does', () => {
    // Listed newest first: the last made is the one nearest the start of the article.
    const made = [
      entry('late', 'Third in the text.', { start: 300 }),
      entry('first', 'First in the text.', { start: 10 }),
      entry('middle', 'Second in the text.', { start: 120 }),
    ];
    const markdown = allHighlightsMarkdown(made, new Date('2026-12-01T10:00:00Z'), 'en-GB');
    const at = (text: string) => markdown.indexOf(text);
    expect(at('First in the text.')).toBeGreaterThan(0);
    expect(at('First in the text.')).toBeLessThan(at('Second in the text.'));
    expect(at('Second in the text.')).toBeLessThan(at('Third in the text.'));
  });
});
