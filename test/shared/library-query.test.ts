import { describe, expect, it } from 'vitest';
import { toMatchExpression } from '../../src/main/services/library/match-expression';
import { findTermsOf, parseLibraryQuery } from '../../src/shared/library-query';

const expression = (typed: string) => toMatchExpression(parseLibraryQuery(typed));

describe('the library query syntax', () => {
  it('folds the query as find folds text: case, accents, quotes, ligatures, full width', () => {
    expect(expression('“Don’t” ＫＹＩＶ ﬁnance Élysée ')).toBe('"don t" "kyiv" "finance" "elysee"');
    // Every apostrophe find knows, including ʻ ´ ‵ ‹, splits the word as the index does.
    for (const typed of ["Hawai'i ", 'Hawaiʻi ', 'Hawai´i ', 'Hawai‵i ', 'Hawai‹i ']) {
      expect(expression(typed)).toBe('"hawai i"');
    }
  });

  it('drops soft hyphens and joiners inside a word', () => {
    expect(expression('inter\u00ADnational co\u200Dop ')).toBe('"international" "coop"');
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
    expect(expression('été')).toBe('"ete"*');
  });

  it('keeps a word with punctuation inside together, as the index holds it', () => {
    expect(expression("don't panic")).toBe('"don t" "panic"*');
    expect(expression('U.S. covid–19 ')).toBe('"u s" "covid 19"');
  });

  it('keeps quoted phrases together, curly, straight or in guillemets', () => {
    expect(expression('“peace talks” kyiv')).toBe('"peace talks" "kyiv"*');
    expect(expression('«paix durable» ')).toBe('"paix durable"');
    // A phrase still being typed (no closing quote yet) ends in a prefix.
    expect(expression('"unfinished phra')).toBe('"unfinished phra"*');
    expect(expression('"closed phra"')).toBe('"closed phra"');
  });

  it('drops FTS5 syntax so typing can never cause an error', () => {
    expect(expression('NEAR(a*) OR -b:cde')).toBe('"near a" "or" "b cde"*');
    expect(expression('  *** ')).toBeNull();
  });

  it('gives the find bar the first phrase or word, as typed', () => {
    expect(findTermsOf('“peace  talks” kyiv')).toEqual(['peace talks', 'kyiv']);
    expect(findTermsOf('«paix» kyiv')[0]).toBe('paix');
    expect(findTermsOf('Russia’s offensive')[0]).toBe('Russia’s');
    expect(findTermsOf('U.S. talks')[0]).toBe('U.S');
    expect(findTermsOf('"unclosed phrase')).toEqual(['unclosed phrase']);
    expect(findTermsOf('Élysée')).toEqual(['Élysée']);
    expect(findTermsOf(' *** ')).toEqual([]);
  });
});
