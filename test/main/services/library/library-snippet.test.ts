import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../../../src/main/services/library/library-snippet';
import { queryPattern } from '../../../../src/main/services/library/snippet-pattern';
import { parseLibraryQuery } from '../../../../src/shared/library-query';

const inArticle = (text: string, typed: string) =>
  snippetOf(text, queryPattern(parseLibraryQuery(typed)));
/** `body` as the text of an article under a title (a first short line alone would be its title). */
const snippet = (body: string, typed: string) => inArticle(`# Headline\n\n${body}`, typed);
const hits = (text: string, typed: string) =>
  snippet(text, typed)
    .filter((part) => part.hit)
    .map((part) => part.text);
const shown = (text: string, typed: string) =>
  snippet(text, typed)
    .map((part) => part.text)
    .join('');

describe('library search snippets', () => {
  it('ignores case and accents on either side', () => {
    const text = 'ZAPORIŽŽIA and Zaporizzia; Ærø is not aero; naïve NAIVE';
    expect(hits(text, 'zaporizzia ')).toEqual(['ZAPORIŽŽIA', 'Zaporizzia']);
    expect(hits(text, 'NAÏVE ')).toEqual(['naïve', 'NAIVE']);
  });

  it('marks whole words as the index matched them, in the original spelling', () => {
    const text = 'The Café reopened. A cafeteria too. Cafe life returns.';
    expect(hits(text, 'cafe ')).toEqual(['Café', 'Cafe']);
    // The word still being typed is a prefix, and the whole word it matched is marked.
    expect(hits(text, 'cafe')).toEqual(['Café', 'cafeteria', 'Cafe']);
  });

  it('matches a quoted phrase across punctuation and line breaks, not its words apart', () => {
    const text = 'Prices rose. Then prices,\nrose again; rose prices fell.';
    expect(hits(text, '"prices rose"')).toEqual(['Prices rose', 'prices,\nrose']);
  });

  it('chooses the passage holding the most different terms', () => {
    const filler = 'word '.repeat(60);
    const text = `Kyiv once. ${filler} Later Kyiv and the ceasefire together. ${filler} end`;
    const parts = snippet(text, 'kyiv ceasefire');
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Kyiv', 'ceasefire']);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.at(-1)).toEqual({ text: '…', hit: false });
    expect(shown(text, 'kyiv ceasefire')).toContain('Later Kyiv and the ceasefire together.');
  });

  it('never cuts a word in half at either end', () => {
    const text = `${'alpha beta gamma '.repeat(20)}ceasefire ${'delta epsilon '.repeat(20)}`;
    const words = shown(text, 'ceasefire').replace(/…/g, '').trim().split(' ');
    const known = new Set(['alpha', 'beta', 'gamma', 'ceasefire', 'delta', 'epsilon']);
    expect(words.every((word) => known.has(word))).toBe(true);
  });

  it('marks a word with an apostrophe whole, not its letters elsewhere', () => {
    expect(hits('I didn’t say don’t. Ukraine’s and Russia’s.', "don't russia's ")).toEqual([
      'don’t',
      'Russia’s',
    ]);
  });

  it('leaves no space before punctuation where marks were', () => {
    expect(shown('Aid reached the **corridors**. Then more.', 'aid ')).toContain('corridors. Then');
  });

  it('opens after the byline and date when only the title matched', () => {
    const article =
      '# Title here\n\nBy [Reuters](#)\n\n2022-02-16\n\nThe lead paragraph of the story starts here and runs on.';
    const parts = inArticle(article, 'zebra');
    expect(parts[0]!.text.startsWith('The lead paragraph')).toBe(true);
  });

  it('shows the opening when only the title or source matched', () => {
    const parts = snippet('Opening words of the body. More after.', 'zebra');
    expect(parts.some((p) => p.hit)).toBe(false);
    expect(parts[0]!.text.startsWith('Opening words')).toBe(true);
  });

  describe('takes the passage from the body, which the list shows under the header', () => {
    const article = [
      '# Wheat prices climb',
      '',
      'By [Farm Weekly](#)',
      '',
      'March 1, 2024',
      '',
      'Villagers gathered at the café for the harvest, and the price of wheat held steady all week.',
    ].join('\n');
    const parts = (typed: string) => inArticle(article, typed);
    const hitsIn = (typed: string) =>
      parts(typed)
        .filter((part) => part.hit)
        .map((part) => part.text);
    const shownIn = (typed: string) =>
      parts(typed)
        .map((part) => part.text)
        .join('');

    it('even when the title and byline match too', () => {
      expect(shownIn('wheat')).not.toMatch(/Wheat prices climb|Farm Weekly|March 1/);
      expect(hitsIn('wheat')).toEqual(['wheat']);
    });

    it('without reaching back into the date for a match near the start', () => {
      expect(shownIn('cafe').startsWith('Villagers gathered at the café')).toBe(true);
    });

    it('from the title or byline when the query is found there and nowhere else', () => {
      expect(hitsIn('climb')).toEqual(['climb']);
      expect(shownIn('climb').startsWith('Wheat prices climb')).toBe(true);
      expect(hitsIn('"farm weekly"')).toEqual(['Farm Weekly']);
    });
  });

  it('treats regular-expression characters in a query as plain text', () => {
    expect(hits('Cost (in $) rose.', 'in $)')).toEqual(['in']);
    expect(() => snippet('text', '.*[(')).not.toThrow();
  });
});

describe('library search snippets from a saved article', () => {
  const article = [
    '# Kyiv talks resume',
    '',
    'By [Kyiv Independent](#)',
    '',
    '**Photo: Kyiv press office**',
    '',
    'Officials met in [Kyiv](https://example.org/kyiv-page) on Monday.',
    '',
    'Original url:',
    '<https://kyiv.example/story>',
  ].join('\n');

  it('leaves out the header, Markdown marks, link targets and bare URLs', () => {
    const parts = inArticle(article, 'kyiv ');
    const text = parts.map((part) => part.text).join('');
    expect(text).not.toMatch(/Kyiv talks resume|Independent|example|https|Original url|\*|\[|\]/);
    expect(text.startsWith('Photo: Kyiv press office Officials met in Kyiv')).toBe(true);
    expect(parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['Kyiv', 'Kyiv']);
  });

  it('skips a header written without a # title, as the reader reads it', () => {
    const bare = 'Talks resume in Geneva\n\nBy Reuters & AP\n\nJune 8, 2025\n\nDelegates met.';
    expect(inArticle(bare, 'delegates ')).toEqual([
      { text: 'Delegates', hit: true },
      { text: ' met.', hit: false },
    ]);
    // Found only in the header, the passage is taken from there.
    expect(inArticle(bare, 'reuters ').filter((part) => part.hit)).toEqual([
      { text: 'Reuters', hit: true },
    ]);
  });

  it('drops bidi controls, which could reorder what the list shows', () => {
    const text = shown('Price \u202Egnp.exe\u202C rose on Monday.', 'rose ');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(text).toContain('gnp.exe rose');
  });

  it('matches decomposed accents, ligatures and full-width letters, as the find bar does', () => {
    expect(hits('Le cafe\u0301 ferme.', 'café ')).toEqual(['cafe\u0301']);
    expect(hits('The ﬁnance minister in ＫＹＩＶ.', 'finance kyiv ')).toEqual([
      'ﬁnance',
      'ＫＹＩＶ',
    ]);
  });
});
