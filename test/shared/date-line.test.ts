import { describe, expect, it } from 'vitest';
import { looksLikeDateLine, parseDateLine } from '../../src/shared/date-line';

describe('parseDateLine', () => {
  it.each([
    ['June 08, 2025', '2025-06-08', null],
    ['Updated: March 3, 2025', '2025-03-03', 'Updated'],
    ['Published on Sept. 14, 2024', '2024-09-14', 'Published'],
    ['Sunday, 8 June 2025', '2025-06-08', null],
    ['8th Jun 2025 10:30 GMT', '2025-06-08', null],
    ['2025-06-08T10:00:00Z', '2025-06-08', null],
  ])('reads “%s”', (raw, iso, label) => {
    expect(parseDateLine(raw)).toEqual({ raw, iso, label });
  });

  it('keeps an unparsable line raw', () => {
    expect(parseDateLine('Summer 2024')).toEqual({ raw: 'Summer 2024', iso: null, label: null });
    expect(parseDateLine('February 30, 2025').iso).toBeNull();
  });

  it('tells date lines from sentences', () => {
    expect(looksLikeDateLine('June 08, 2025')).toBe(true);
    expect(looksLikeDateLine('Summer 2024')).toBe(true);
    expect(looksLikeDateLine('Updated: yesterday')).toBe(true);
    expect(looksLikeDateLine('In 2024 the war went on and on.')).toBe(false);
    expect(looksLikeDateLine('Russia said Sunday it was pushing into the region')).toBe(false);
  });
});
