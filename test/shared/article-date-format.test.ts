import { describe, expect, it } from 'vitest';
import { articleDateText, formatArticleDate } from '../../src/shared/article-date-format';
import { citationOf } from '../../src/shared/article-citation';

describe('the one article date format', () => {
  it('writes the date the way the reader’s locale does', () => {
    expect(formatArticleDate('2025-06-08', 'en-GB')).toBe('8 June 2025');
    expect(formatArticleDate('2025-06-08', 'en-US')).toBe('June 8, 2025');
    expect(formatArticleDate('2025-06-08', 'de-DE')).toBe('8. Juni 2025');
  });

  it('is the same calendar day whatever the time zone (a date has none)', () => {
    expect(formatArticleDate('2025-01-01', 'en-GB')).toBe('1 January 2025');
    expect(formatArticleDate('2024-12-31', 'en-GB')).toBe('31 December 2024');
  });

  it('keeps a date line that did not parse as written', () => {
    expect(articleDateText({ raw: 'Summer 2024', iso: null, label: null }, 'en-US')).toBe(
      'Summer 2024',
    );
  });

  it('is the date a citation gives', () => {
    const cited = {
      title: 'Talks',
      bylines: [{ name: 'Ann Lee', url: null }],
      date: { raw: 'June 08, 2025', iso: '2025-06-08', label: null },
      original: null,
    };
    expect(citationOf(cited, 'en-US').plain).toBe('Ann Lee, “Talks”, June 8, 2025.');
    expect(citationOf(cited, 'en-GB').plain).toBe('Ann Lee, “Talks”, 8 June 2025.');
  });
});
