import { describe, expect, it } from 'vitest';
import { summariseArticle } from '../../../../src/main/services/library/article-summary';

describe('the library summary of an article', () => {
  it('reads title, first source and date from the header, and folds the text to index', () => {
    const text =
      '# Talks resume\n\nBy [Agence Test](#) and [Other](#)\n\nJune 08, 2025\n\nBody **here**.';
    expect(summariseArticle(text, '001_aaaaaaaaaaaaaaaa.txt')).toEqual({
      title: 'Talks resume',
      source: 'Agence Test',
      date: '2025-06-08',
      bylines: 'agence test other',
      body: 'body here .',
    });
  });

  it('reads a header written without a # title, as the reader does', () => {
    const text = 'Talks resume in Geneva\n\nBy Reuters & AP\n\nJune 8, 2025\n\nDelegates met.';
    expect(summariseArticle(text, '001_aaaaaaaaaaaaaaaa.txt')).toEqual({
      title: 'Talks resume in Geneva',
      source: 'Reuters',
      date: '2025-06-08',
      bylines: 'reuters ap',
      body: 'delegates met.',
    });
  });

  it('keeps the title and source as written, for the list', () => {
    const text = '# Macron’s “naïve” bet on **C#** and ＫＹＩＶ\n\nBy [Le Monde](#)\n\nText.';
    const summary = summariseArticle(text, 'x.txt');
    expect(summary.title).toBe('Macron’s “naïve” bet on C# and ＫＹＩＶ');
    expect(summary.source).toBe('Le Monde');
  });

  it('leaves the "Original url:" label out of the indexed text', () => {
    const text = '# T\n\nBody text.\n\nOriginal url:\n<https://example.org/a>\n';
    expect(summariseArticle(text, 'x.txt').body).toBe('body text.');
  });

  it('reads only the header when listing', () => {
    const summary = summariseArticle('# T\n\nBy [A](#)\n\nBody text.', 'x.txt', true);
    expect(summary).toEqual({ title: 'T', source: 'A', date: null, bylines: '', body: '' });
  });

  it('removes bidi controls from the title and source the list shows, keeping joiners', () => {
    const text = '# Invoice \u202Efdp.exe\u202C due\n\nBy [Wire\u2066 Desk\u2069](#)\n\nText.';
    const summary = summariseArticle(text, '001_aaaaaaaaaaaaaaaa.txt');
    expect(summary.title).toBe('Invoice fdp.exe due');
    expect(summary.source).toBe('Wire Desk');
    expect(summariseArticle('# می\u200Cخواهم\n\nText.', 'x.txt').title).toBe('می\u200Cخواهم');
  });
});
