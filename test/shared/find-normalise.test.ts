import { describe, expect, test } from 'vitest';
import { foldQuery, foldText, toOriginal } from '../../src/shared/find-normalise';

const fold = (text: string) => foldText(text, true).text;

describe('foldText', () => {
  test('ignores case and accents', () => {
    expect(fold('Élysée')).toBe('elysee');
    expect(fold('Dnipró')).toBe('dnipro');
    expect(fold('NAÏVE Coöperation')).toBe('naive cooperation');
    // Already decomposed accents fold the same as composed ones.
    expect(fold('e\u0301te\u0301')).toBe('ete');
  });

  test('keeps case when asked, still ignoring accents', () => {
    expect(foldText('Élysée', false).text).toBe('Elysee');
  });

  test('makes straight and curly quotes and apostrophes equal', () => {
    expect(fold('Russia’s')).toBe(fold("Russia's"));
    expect(fold('“reached”')).toBe('"reached"');
    expect(fold('«\u00a0Bonjour\u00a0»')).toBe('" bonjour "');
    expect(fold('‘a’ ‚b‛ `c´')).toBe("'a' 'b' 'c'");
  });

  test('makes every dash a hyphen-minus', () => {
    expect(fold('a–b—c‐d‑e−f―g')).toBe('a-b-c-d-e-f-g');
  });

  test('makes every space one plain space and drops invisible characters', () => {
    expect(fold('a\u00a0b\u202fc\u2009d\n\te   f')).toBe('a b c d e f');
    expect(fold('co\u00adop\u200beration')).toBe('cooperation');
  });

  test('spells out ligatures and full-width forms', () => {
    expect(fold('ﬁnal ﬂow ﬀ')).toBe('final flow ff');
    expect(fold('ＬＥＣＴＥＲＮ １２３')).toBe('lectern 123');
  });

  test('maps folded offsets back to the original text', () => {
    const original = 'Le café\u00a0«\u00a0Élysée\u00a0» ﬁne';
    const folded = foldText(original, true);
    const at = folded.text.indexOf('elysee');
    const [from, to] = toOriginal(folded, at, at + 'elysee'.length);
    expect(original.slice(from, to)).toBe('Élysée');
    const half = folded.text.indexOf('fi');
    // Half of a ligature still covers the whole ligature in the original.
    const [ligFrom, ligTo] = toOriginal(folded, half, half + 1);
    expect(original.slice(ligFrom, ligTo)).toBe('ﬁ');
  });

  test('maps decomposed accents and collapsed spaces back whole', () => {
    const original = 'cafe\u0301   noir';
    const folded = foldText(original, true);
    expect(folded.text).toBe('cafe noir');
    const [from, to] = toOriginal(folded, 0, 5);
    expect(original.slice(from, to)).toBe('cafe\u0301   ');
  });

  test('keeps characters outside the Basic Multilingual Plane intact', () => {
    expect(fold('😀 Ok')).toBe('😀 ok');
  });

  test('folds a query like the text', () => {
    expect(foldQuery('Russia’s  “Élysée”', true)).toBe('russia\'s "elysee"');
  });
});
