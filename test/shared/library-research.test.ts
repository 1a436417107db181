import { describe, expect, it } from 'vitest';
import {
  articleToContinue,
  readingStatus,
  type ReadingRecord,
} from '../../src/shared/library-research';

const record = (progress: number, at: string, furthest = progress): ReadingRecord => ({
  progress,
  furthest,
  at,
});

describe('articleToContinue', () => {
  it('is the article read most recently of those being read', () => {
    const read: [string, ReadingRecord][] = [
      ['older', record(0.4, '2026-11-30T10:00:00Z')],
      ['newer', record(0.2, '2026-12-01T09:00:00Z')],
    ];
    expect(articleToContinue(read)).toBe('newer');
  });

  it('passes over an article only opened, and one finished, however recent', () => {
    const read: [string, ReadingRecord][] = [
      ['reading', record(0.5, '2026-11-30T10:00:00Z')],
      ['opened', record(0, '2026-12-01T09:00:00Z')],
      ['finished', record(0.3, '2026-12-01T10:00:00Z', 1)],
    ];
    expect(readingStatus(read[1]![1]).state).toBe('unread');
    expect(articleToContinue(read)).toBe('reading');
    expect(articleToContinue(read.slice(1))).toBeNull();
  });
});
