import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FindTextIndex, type FindOptions } from '../../src/shared/find-text-index';

const PLAIN: FindOptions = { matchCase: false, wholeWord: false, regex: false };

function found(index: FindTextIndex, segments: string[], query: string, options = PLAIN) {
  const result = index.find(query, options);
  if (!result.ok) throw new Error(result.message);
  const { matches } = result;
  return Array.from({ length: matches.count }, (_, i) =>
    segments[matches.segment[i]!]!.slice(matches.start[i], matches.end[i]),
  );
}

describe('FindTextIndex', () => {
  const segments = [
    'Russia Says Pushing Offensive Into Ukraine’s Dnipropetrovsk Region',
    'By AFP',
    '“reached the western border” of the Dnipró region',
    'Macron à l’Élysée : « la paix — maintenant »',
  ];
  const index = new FindTextIndex(segments);

  test('finds across accents, case and quotes, reporting original text in reading order', () => {
    expect(found(index, segments, 'dnipro')).toEqual(['Dnipro', 'Dnipró']);
    expect(found(index, segments, "ukraine's")).toEqual(['Ukraine’s']);
    expect(found(index, segments, '"reached')).toEqual(['“reached']);
    expect(found(index, segments, "l'elysee")).toEqual(['l’Élysée']);
    expect(found(index, segments, 'paix - maintenant')).toEqual(['paix — maintenant']);
  });

  test('respects match case and whole word', () => {
    expect(found(index, segments, 'Region', { ...PLAIN, matchCase: true })).toEqual(['Region']);
    expect(found(index, segments, 'region', { ...PLAIN, wholeWord: true })).toHaveLength(2);
    expect(found(index, segments, 'dnip', { ...PLAIN, wholeWord: true })).toEqual([]);
  });

  test('runs regular expressions on folded text, with their own case flag', () => {
    const regex = { ...PLAIN, regex: true };
    expect(found(index, segments, 'dnipr[oó]\\w*', regex)).toEqual(['Dnipropetrovsk', 'Dnipró']);
    expect(found(index, segments, 'REGION', { ...regex, matchCase: true })).toEqual([]);
    expect(found(index, segments, 'a\\-f', regex)).toEqual([]);
  });

  test('reports an invalid pattern instead of throwing', () => {
    const result = index.find('(unclosed', { ...PLAIN, regex: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/unterminated group/i);
  });

  test('never matches across two segments', () => {
    expect(found(index, segments, 'region by')).toEqual([]);
    expect(found(index, segments, 'region.by', { ...PLAIN, regex: true })).toEqual([]);
  });

  test('finds nothing for an empty or blank query', () => {
    expect(found(index, segments, '')).toEqual([]);
    expect(found(index, segments, '   ')).toEqual([]);
  });

  test('counts exactly the true number of occurrences of a plain ASCII word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('ab', 'a', 'b', ' ', 'ba', 'x'), { maxLength: 30 }), {
          maxLength: 8,
        }),
        fc.constantFrom('a', 'ab', 'ba', 'a b', 'bab', 'aa'),
        (parts, query) => {
          const texts = parts.map((p) => p.join('').replace(/ +/g, ' '));
          let expected = 0;
          for (const text of texts) {
            for (
              let at = text.indexOf(query);
              at !== -1;
              at = text.indexOf(query, at + query.length)
            )
              expected++;
          }
          const result = new FindTextIndex(texts).find(query, PLAIN);
          expect(result.ok && result.matches.count).toBe(expected);
        },
      ),
    );
  });
});
