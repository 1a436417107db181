import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FindTextIndex } from '../../src/shared/find-text-index';
import { LetterPositions } from '../../src/shared/letter-positions';

/** Every position of `letter` in `text`, by a plain scan. */
function scanned(text: string, letter: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(letter); at !== -1; at = text.indexOf(letter, at + 1)) found.push(at);
  return found;
}

describe('LetterPositions', () => {
  test('gives every position of each letter, in order, whether built at once or in steps', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '\u0000', '😀', '\uffff') }),
        (text) => {
          const whole = new LetterPositions(text);
          if (text) expect(whole.of(97)).toBeNull();
          expect(whole.build()).toBe(true);
          // A deadline already passed: one step at a time.
          const stepped = new LetterPositions(text);
          while (!stepped.build(0));
          for (const letter of ['a', 'b', 'é', ' ', '\u0000', '\uffff', '\ud83d', 'z']) {
            const code = letter.charCodeAt(0);
            expect([...whole.of(code)!]).toEqual(scanned(text, letter));
            expect([...stepped.of(code)!]).toEqual(scanned(text, letter));
          }
        },
      ),
    );
  });

  test('a long text is built over several steps', () => {
    const text = 'the cat sat on the mat. '.repeat(40_000);
    const letters = new LetterPositions(text);
    let steps = 1;
    while (!letters.build(0)) steps++;
    expect(steps).toBeGreaterThan(4);
    expect(letters.of('t'.charCodeAt(0))!.length).toBe(scanned(text, 't').length);
  });
});

describe('find with its letters ready', () => {
  const PLAIN = { matchCase: false, wholeWord: false, regex: false };
  test('a first letter, and the words typed on from it, count as with a scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'á', ' ', 'ﬁ', 'f') }), {
          maxLength: 6,
        }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'f', 'i', ' '), minLength: 1, maxLength: 4 }),
        (texts, query) => {
          if (query.trim() === '') return;
          const prepared = new FindTextIndex(texts);
          prepared.prepare(PLAIN);
          const scanning = new FindTextIndex(texts);
          for (let i = 1; i <= query.length; i++) {
            const typed = query.slice(0, i);
            const a = prepared.find(typed, PLAIN);
            const b = scanning.find(typed, PLAIN);
            if (!a.ok || !b.ok) throw new Error('not a query');
            expect(a.matches.count).toBe(b.matches.count);
            for (let m = 0; m < a.matches.count; m++) {
              expect([a.matches.segmentOf(m), a.matches.startOf(m), a.matches.endOf(m)]).toEqual([
                b.matches.segmentOf(m),
                b.matches.startOf(m),
                b.matches.endOf(m),
              ]);
            }
          }
        },
      ),
    );
  });
});
