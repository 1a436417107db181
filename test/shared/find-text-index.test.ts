import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inSegment } from '../../src/shared/find-matches';
import { overlapsItself } from '../../src/shared/find-positions';
import { FindTextIndex, type FindOptions } from '../../src/shared/find-text-index';

const PLAIN: FindOptions = { matchCase: false, wholeWord: false, regex: false };

function found(index: FindTextIndex, segments: string[], query: string, options = PLAIN) {
  const result = index.find(query, options);
  if (!result.ok) throw new Error(result.message);
  const { matches } = result;
  return Array.from({ length: matches.count }, (_, i) =>
    segments[matches.segmentOf(i)]!.slice(matches.startOf(i), matches.endOf(i)),
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

  test("a pattern's ^ and $ hold at each segment's start and end, as at each paragraph's", () => {
    const regex = { ...PLAIN, regex: true };
    expect(found(index, segments, '^by \\w+', regex)).toEqual(['By AFP']);
    expect(found(index, segments, 'region$', regex)).toEqual(['Region', 'region']);
    expect(found(index, segments, '^.', regex)).toEqual(['R', 'B', '“', 'M']);
    expect(found(index, segments, '^afp|afp$', regex)).toEqual(['AFP']);
    // A pattern that could run on stops at its segment's end, as at the end of a paragraph.
    expect(found(index, segments, '^.*$', regex)).toEqual(segments);
    expect(found(index, segments, '[^§]+', regex)).toEqual(segments);
    expect(found(index, segments, 'region.*', regex)).toEqual(['Region', 'region']);
    expect(found(index, segments, 'by.{0,9}', regex)).toEqual(['By AFP']);
    // Escaped, or in brackets, they are the characters themselves.
    const prices = ['Up $5 ^ down [^]', '$6'];
    const prose = new FindTextIndex(prices);
    expect(found(prose, prices, '\\$\\d', regex)).toEqual(['$5', '$6']);
    expect(found(prose, prices, '[$^]', regex)).toEqual(['$', '^', '^', '$']);
    expect(found(prose, prices, '\\[\\^\\]$', regex)).toEqual(['[^]']);
  });

  test('reports an invalid pattern instead of throwing', () => {
    const result = index.find('(unclosed', { ...PLAIN, regex: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('Unterminated group');
    const colon = index.find('a: (', { ...PLAIN, regex: true });
    expect(colon.ok ? '' : colon.message).toBe('Unterminated group');
    for (const pattern of ['^*', 'a^*', '^?the']) {
      const anchored = index.find(pattern, { ...PLAIN, regex: true });
      expect(anchored.ok ? '' : anchored.message).toBe('Nothing to repeat');
    }
  });

  test('names the first of several queries it finds, as find reads each', () => {
    // A search result for "minister OR élysée" may hold only the second.
    expect(index.firstFound(['minister', 'elysee', 'paix'], PLAIN)).toBe('elysee');
    expect(index.firstFound(["Ukraine's", 'AFP'], PLAIN)).toBe("Ukraine's");
    expect(index.firstFound(['afp'], { ...PLAIN, matchCase: true })).toBeNull();
    expect(index.firstFound(['(unclosed', 'afp'], { ...PLAIN, regex: true })).toBe('afp');
    expect(index.firstFound([], PLAIN)).toBeNull();
  });

  test('never matches across two segments', () => {
    expect(found(index, segments, 'region by')).toEqual([]);
    expect(found(index, segments, 'region.by', { ...PLAIN, regex: true })).toEqual([]);
  });

  test('folds a big text in small steps with the same result', () => {
    const big = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i} at l’Élysée, café — fin.`);
    const stepped = new FindTextIndex(big);
    let steps = 1;
    while (!stepped.prepare(PLAIN, 0)) steps++;
    expect(steps).toBeGreaterThan(1);
    const whole = new FindTextIndex(big);
    const count = (index: FindTextIndex, query: string) => {
      const result = index.find(query, PLAIN);
      return result.ok ? result.matches.count : -1;
    };
    expect(count(stepped, "l'elysee, cafe - fin")).toBe(4000);
    expect(count(stepped, 'paragraph 3999 ')).toBe(count(whole, 'paragraph 3999 '));
    expect(found(stepped, big, 'paragraph 3999 ')).toEqual(['Paragraph 3999 ']);
  });

  test('finds nothing for an empty or blank query', () => {
    expect(found(index, segments, '')).toEqual([]);
    expect(found(index, segments, '   ')).toEqual([]);
  });

  test('counts exactly the true number of occurrences of a plain ASCII word', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom('ab', 'a', 'b', ' ', 'ba', 'x', 'aa'), { maxLength: 30 }),
          {
            maxLength: 8,
          },
        ),
        fc.constantFrom('a', 'ab', 'ba', 'a b', 'bab', 'aa', 'aab', 'aaa', 'abab'),
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
          // Typed letter by letter, each keystroke narrowing the last: the same count.
          const typed = new FindTextIndex(texts);
          for (let i = 1; i < query.length; i++) typed.find(query.slice(0, i), PLAIN);
          const narrowed = typed.find(query, PLAIN);
          expect(narrowed.ok && narrowed.matches.count).toBe(expected);
          // Back to the first letter and typed again (the list is narrowed in place): the same.
          const first = query.slice(0, 1);
          const fresh = new FindTextIndex(texts).find(first, PLAIN);
          const back = typed.find(first, PLAIN);
          expect(back.ok && back.matches.count).toBe(fresh.ok && fresh.matches.count);
          const again = typed.find(query, PLAIN);
          expect(again.ok && again.matches.count).toBe(expected);
        },
      ),
    );
  });
});

describe('matches placed in segments when asked', () => {
  const pieces = ['ﬁ', 'ß', 'é', 'e', 'E', 'f', 'i', 's', ' ', 'œ', '’', "'", 'Ǆ', 'a'];
  const options = { ...PLAIN, matchCase: true };
  test('place, count and find by segment exactly as the same query placed at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 3 }),
        (parts, letters) => {
          const texts = parts.map((part) => part.join(''));
          const query = letters.join('');
          if (query.trim() === '') return;
          const index = new FindTextIndex(texts);
          // A plain query is placed when asked; the same text as a pattern is placed at once.
          const asked = index.find(query, options);
          const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const atOnce = index.find(escaped, { ...options, regex: true });
          if (!asked.ok || !atOnce.ok) throw new Error('not a query');
          const [a, b] = [asked.matches, atOnce.matches];
          expect(a.count).toBe(b.count);
          for (let i = 0; i < a.count; i++) {
            expect([a.segmentOf(i), a.startOf(i), a.endOf(i)]).toEqual([
              b.segmentOf(i),
              b.startOf(i),
              b.endOf(i),
            ]);
          }
          // Asked for out of order too (a jump, then the rail): the same answers.
          for (let i = a.count - 1; i >= 0; i -= 2) expect(a.segmentOf(i)).toBe(b.segmentOf(i));
          for (let segment = 0; segment <= texts.length; segment++) {
            expect(a.firstFrom(segment)).toBe(b.firstFrom(segment));
            if (segment < texts.length)
              expect(inSegment(a, segment)).toEqual(inSegment(b, segment));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('overlapsItself', () => {
  test('is true only when a start of the word is also its end', () => {
    expect(['aa', 'aba', 'abab', 'the the'].map(overlapsItself)).toEqual([true, true, true, true]);
    expect(['t', 'the', 'ab', 'abc ab d'].map(overlapsItself)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
