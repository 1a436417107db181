import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../../src/shared/library';
import {
  countSources,
  countsLabel,
  matchesLabel,
  orderEntries,
} from '../../../src/renderer/src/library/library-order';

const entry = (id: number, title: string, source: string, date: string | null): LibraryEntry => ({
  id,
  path: `/lib/${id}.txt`,
  modified: 0,
  title,
  source,
  date,
});
const entries = [
  entry(1, 'Beta', 'Wire', '2024-01-02'),
  entry(2, 'alpha', 'Desk', '2025-06-08'),
  entry(3, 'Gamma', 'Wire', null),
  entry(4, 'Article 10', 'Desk', '2023-03-03'),
  entry(5, 'Article 9', 'Desk', '2023-03-03'),
];
const all = { source: '', from: '', to: '' };
const titles = (list: LibraryEntry[]) => list.map((e) => e.title);

describe('ordering the library list', () => {
  it('puts the newest first and undated articles last', () => {
    expect(titles(orderEntries([...entries], 'date', all))).toEqual([
      'alpha',
      'Beta',
      'Article 9',
      'Article 10',
      'Gamma',
    ]);
  });

  it('sorts titles without regard to case, numbers by value', () => {
    expect(titles(orderEntries([...entries], 'title', all))).toEqual([
      'alpha',
      'Article 9',
      'Article 10',
      'Beta',
      'Gamma',
    ]);
  });

  it('filters by source and by an inclusive date range, dropping undated ones', () => {
    const filter = { source: 'Wire', from: '2024-01-02', to: '' };
    expect(titles(orderEntries([...entries], 'date', filter))).toEqual(['Beta']);
    const range = { source: '', from: '2023-01-01', to: '2024-12-31' };
    expect(orderEntries([...entries], 'date', range)).toHaveLength(3);
  });

  it('counts articles and sources as people read them', () => {
    expect(countSources(entries)).toEqual([
      { source: 'Desk', count: 3 },
      { source: 'Wire', count: 2 },
    ]);
    expect(countsLabel(1204, 37)).toBe('1\u202f204 articles · 37 sources');
    expect(countsLabel(1, 1)).toBe('1 article · 1 source');
  });
});

describe('the search result count', () => {
  it('says how many match, and that only the best are shown when there are more', () => {
    expect(matchesLabel(1, 1)).toBe('1 match');
    expect(matchesLabel(3, 3)).toBe('3 matches');
    expect(matchesLabel(50, 50)).toBe('50 matches');
    expect(matchesLabel(50, 1204)).toBe('50 best of 1\u202f204 matches');
    expect(matchesLabel(50, 1204, true)).toBe('50 newest of 1\u202f204 matches');
  });
});
