import { describe, expect, it } from 'vitest';
import { formatBytes, howLongAgo } from '../../../src/renderer/src/details/format-details';

describe('howLongAgo', () => {
  const now = new Date('2026-11-25T08:00:00Z');
  it.each([
    ['2026-11-25', 'today'],
    ['2026-11-24', 'yesterday'],
    ['2026-11-15', '10 days ago'],
    ['2026-10-01', '7 weeks ago'],
    ['2025-06-08', '17 months ago'],
    ['2023-01-01', '3 years ago'],
    ['2026-12-01', 'in 6 days'],
  ])('%s is %s', (iso, expected) => expect(howLongAgo(iso, now)).toBe(expected));
});

describe('formatBytes', () => {
  it('gives small sizes in bytes and larger ones with both units', () => {
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(5069)).toBe('5.0 KB (5,069 bytes)');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB (2,097,152 bytes)');
  });
});
