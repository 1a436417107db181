import { describe, expect, it } from 'vitest';
import {
  normaliseText,
  parseQuery,
  toMatchExpression,
} from '../../../../src/main/services/library/query-text';
import { endsInShortWord } from '../../../../src/shared/library';

const expression = (typed: string) => toMatchExpression(parseQuery(typed));

describe('the library query normaliser', () => {
  it('makes curly quotes and dashes plain', () => {
    expect(normaliseText('“Don’t” — now')).toBe('"Don\'t" - now');
  });

  it('makes ligatures and full-width letters plain and drops soft hyphens', () => {
    expect(normaliseText('ﬁnance ＫＹＩＶ inter\u00ADnational')).toBe('finance KYIV international');
  });

  it('prefixes only the word still being typed', () => {
    expect(expression('peace tal')).toBe('"peace" "tal"*');
    expect(expression('peace talks ')).toBe('"peace" "talks"');
  });

  it('matches a word still being typed as a prefix only from three letters on', () => {
    expect(expression('eu')).toBe('"eu"');
    expect(expression('peace ki')).toBe('"peace" "ki"');
    expect(expression('kyi')).toBe('"kyi"*');
    // Letters, not UTF-16 units: an accented three-letter start counts as three.
    expect(expression('été')).toBe('"été"*');
    // The window says why a short word still being typed finds nothing yet.
    expect(['ca', 'peace ki', 'été', 'peace ', '"ki"'].map(endsInShortWord)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('keeps a word with punctuation inside together, as the index holds it', () => {
    expect(expression("don't panic")).toBe('"don t" "panic"*');
    expect(expression('U.S. covid-19 ')).toBe('"U S" "covid 19"');
  });

  it('keeps quoted phrases together, curly or straight', () => {
    expect(expression('“peace talks” kyiv')).toBe('"peace talks" "kyiv"*');
    // A phrase still being typed (no closing quote yet) ends in a prefix.
    expect(expression('"unfinished phra')).toBe('"unfinished phra"*');
    expect(expression('"closed phra"')).toBe('"closed phra"');
  });

  it('drops FTS5 syntax so typing can never cause an error', () => {
    expect(expression('NEAR(a*) OR -b:cde')).toBe('"NEAR a" "OR" "b cde"*');
    expect(expression('  *** ')).toBeNull();
  });
});
