import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldText } from '../../src/shared/find-normalise';
import { foldChar, foldString, IGNORED, TYPOGRAPHIC_VARIANTS } from '../../src/shared/text-fold';

/** Every character of the Basic Multilingual Plane a rule of the table applies to. */
function charactersWhere(rule: (char: string) => boolean): string[] {
  const found: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    if (rule(char)) found.push(char);
  }
  return found;
}

describe('the fold table', () => {
  test('folds every typographic variant to its plain form', () => {
    for (const variant of TYPOGRAPHIC_VARIANTS) {
      // U+FEFF counts as a space to JavaScript, but the table ignores it first.
      const chars = charactersWhere((c) => variant.pattern.test(c) && !IGNORED.test(c));
      expect(chars.length).toBeGreaterThan(1);
      for (const char of chars) expect(foldString(`a${char}b`)).toBe(`a${variant.plain}b`);
    }
  });

  test('folds the quotes the issue named, ʻ ´ ‵ ‹, to an apostrophe', () => {
    expect(['Hawaiʻi', 'Hawai´i', 'Hawai‵i', 'Hawai‹i'].map((w) => foldString(w))).toEqual(
      Array(4).fill("hawai'i"),
    );
  });

  test('reads a letter with a stroke, or one NFKD keeps whole, as its plain letters', () => {
    expect(foldString('Straße Smørrebrød Łódź Æsir Œuvre Þórr', true)).toBe(
      'strasse smorrebrod lodz aesir oeuvre thorr',
    );
    expect(foldString('Straße Ø', false)).toBe('Strasse O');
  });

  test('drops invisible characters, joiners and bidi controls alike', () => {
    for (const char of charactersWhere((c) => IGNORED.test(c))) {
      expect(foldString(`co${char}op`)).toBe('coop');
    }
  });

  test('leaves nothing for a second lowering of case to change, in all of Unicode', () => {
    const changed: number[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const folded = foldChar(String.fromCodePoint(code), true);
      if (folded.toLowerCase() !== folded) changed.push(code);
    }
    expect(changed).toEqual([]);
  });

  test('gives the same text as find’s fold, on any text', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const mixed = fc
      .array(fc.oneof(text, fc.constantFrom('ΟΔΟΣ', 'İ', '″', 'ﬁ', '\u00AD', '  ', 'É', '\t')))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(mixed, fc.boolean(), (value, foldCase) => {
        expect(foldString(value, foldCase)).toBe(foldText(value, foldCase).text);
      }),
      { numRuns: 2000 },
    );
  });
});
