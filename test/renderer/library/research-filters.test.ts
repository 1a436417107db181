import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../../src/shared/library';
import { readingStatus, type LibraryFacts } from '../../../src/shared/library-research';
import {
  copiesById,
  keepEntries,
  NO_RECORDS,
  recordsById,
  sameShown,
} from '../../../src/renderer/src/library/research-filters';

const entry = (id: number): LibraryEntry => ({
  id,
  path: `/lib/${id}.txt`,
  modified: 0,
  title: `Article ${id}`,
  source: 'Wire',
  date: null,
});
const record = (progress: number, furthest = progress) => ({
  progress,
  furthest,
  at: '2025-01-01',
});
const facts: LibraryFacts = {
  reading: [
    { id: 2, record: record(0.4) },
    { id: 3, record: record(0.1, 1) },
  ],
  copies: [
    [5, 1],
    [4, 6],
  ],
  continueWith: null,
  analysis: null,
};
const list = [1, 2, 3, 4, 5, 6].map(entry);
const records = recordsById(facts, NO_RECORDS);
const copies = copiesById(facts);
const ids = (kept: LibraryEntry[]) => kept.map((e) => e.id);

describe('reading status', () => {
  it('is unread without a position, a percentage while read, finished once the end was reached', () => {
    expect(readingStatus(records.get(1))).toEqual({ state: 'unread' });
    expect(readingStatus(records.get(2))).toEqual({ state: 'reading', percent: 40 });
    // Scrolled back up after the end: still finished.
    expect(readingStatus(records.get(3))).toEqual({ state: 'finished' });
    expect(readingStatus(record(0.004))).toEqual({ state: 'unread' });
  });

  it('tells when a newer record shows the same', () => {
    expect(sameShown(record(0.401), record(0.409))).toBe(true);
    expect(sameShown(record(0.41), record(0.42))).toBe(false);
    expect(sameShown(undefined, record(0))).toBe(false);
  });

  it('takes what was read in the window over what main sent', () => {
    const here = recordsById(facts, new Map([[2, record(1)]]));
    expect(readingStatus(here.get(2))).toEqual({ state: 'finished' });
  });
});

describe('the research filters', () => {
  const none = { status: '' as const, duplicatesOnly: false, named: null };

  it('keep entries by status, in the order given', () => {
    expect(ids(keepEntries(list, { ...none, status: 'unread' }, records, copies))).toEqual([
      1, 4, 5, 6,
    ]);
    expect(ids(keepEntries(list, { ...none, status: 'reading' }, records, copies))).toEqual([2]);
    expect(ids(keepEntries(list, { ...none, status: 'finished' }, records, copies))).toEqual([3]);
  });

  it('list copies together, each group where its first member was', () => {
    expect(ids(keepEntries(list, { ...none, duplicatesOnly: true }, records, copies))).toEqual([
      1, 5, 4, 6,
    ]);
    expect(copies.get(6)).toEqual({ group: 1, size: 2 });
  });

  it('combine with each other and with a name', () => {
    const named = new Set([4, 5, 2]);
    expect(
      ids(keepEntries(list, { status: 'unread', duplicatesOnly: true, named }, records, copies)),
    ).toEqual([4, 5]);
  });
});
