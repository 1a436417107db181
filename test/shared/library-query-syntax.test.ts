import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_TERMS,
  parseSearchQuery,
  seeksNothing,
  soughtInText,
  type QueryParse,
  type SyntaxQuery,
} from '../../src/shared/library-query-syntax';
import { clauseMatch, matchOf } from '../../src/main/services/library/syntax-search';

function parsed(typed: string): SyntaxQuery {
  const result = parseSearchQuery(typed);
  if (!result.ok) throw new Error(`did not parse: ${result.problem.message}`);
  return result.query;
}
const match = (typed: string) => matchOf(parsed(typed));
/** The problem, with the part of the query it points at. */
function problem(typed: string) {
  const result: QueryParse = parseSearchQuery(typed);
  if (result.ok) throw new Error(`parsed: ${typed}`);
  const { message, at, end } = result.problem;
  return { message, where: typed.slice(at, end) };
}

describe('plain queries', () => {
  it('are words and phrases as before, the last word open as a prefix', () => {
    const query = parsed('peace “talks resume” kyi');
    expect(query.plain).toBe(true);
    expect(match('peace “talks resume” kyi')).toEqual({
      match: '"peace" AND "talks resume" AND "kyi"*',
      excluded: null,
    });
    expect(match('eu ').match).toBe('"eu"');
    expect(match("don't panic ").match).toBe('"don t" AND "panic"');
    // An address is not a field: it is searched as the words it holds.
    expect(parsed('https://example.com/a').plain).toBe(true);
  });

  it('read a word before a colon and a space as a word: a pasted headline is no field', () => {
    for (const typed of ['Russia: offensive', 'Ukraine: talks resume ', 'talks in Russia:']) {
      expect(parsed(typed), typed).toMatchObject({ plain: true, notices: [] });
    }
    expect(match('Ukraine: talks ').match).toBe('"ukraine" AND "talks"');
    expect(match('-Russia: talks ')).toEqual({
      match: '("talks") NOT ("russia")',
      excluded: null,
    });
    expect(soughtInText(parsed('Russia: -tass'))).toEqual(['Russia']);
  });

  it('say why a short last word may find nothing, only when a word is being typed', () => {
    const short = (typed: string) => parsed(typed).endsInShortWord;
    expect(['ca', 'peace ki', 'été', 'peace ', '"ki"', '"ki', 'title:ki'].map(short)).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
    // An exclusion, a source, a date or an operator at the end is not a word being typed.
    for (const typed of ['-source:AFP after:2025-06', 'kyiv -ab', 'after:2025-06']) {
      expect(short(typed), typed).toBe(false);
    }
  });
});

describe('operators', () => {
  it('look in the source or the title, a word or a phrase', () => {
    expect(match('source:AFP kyiv ').match).toBe('source : "afp" AND "kyiv"');
    expect(match('source:"The Moscow Times"').match).toBe('source : "the moscow times"');
    expect(match('TITLE:Ceasefire talks').match).toBe('title : "ceasefire" AND "talks"*');
    expect(parsed('source:AFP').plain).toBe(false);
  });

  it('bound the date, after and before both exclusive, by year, month or day', () => {
    expect(parsed('after:2025-01-31 before:2025-03-01')).toMatchObject({
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(parsed('after:2024-02 before:2024-04')).toMatchObject({
      from: '2024-03-01',
      to: '2024-03-31',
    });
    expect(parsed('after:2024 before:2026')).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    // Two of one kind: the narrower wins.
    expect(parsed('after:2020 after:2022')).toMatchObject({ from: '2023-01-01', to: null });
  });

  it('exclude with -, also a phrase or a field, and exclude alone', () => {
    expect(match('kyiv -"peace talks" -source:tass ')).toEqual({
      match: '("kyiv") NOT ("peace talks" OR source : "tass")',
      excluded: null,
    });
    expect(match('-kyiv')).toEqual({ match: null, excluded: '"kyiv"' });
  });

  it('offer alternatives with OR, which binds tighter than the words around it', () => {
    expect(match('ceasefire kyiv OR kiev OR "kyiv city" ').match).toBe(
      '"ceasefire" AND ("kyiv" OR "kiev" OR "kyiv city")',
    );
    expect(match('source:afp OR source:reuters ').match).toBe(
      '(source : "afp" OR source : "reuters")',
    );
    // Lower case "or" is a word, as before.
    expect(parsed('war or peace').plain).toBe(true);
  });

  it('join two words or phrases with NEAR/n, in either order', () => {
    const query = parsed('kyiv NEAR/10 "peace talks"');
    expect(query.all).toHaveLength(1);
    expect(clauseMatch(query.all[0]!)).toBe('NEAR("kyiv" "peace talks", 10)');
    expect(match('a NEAR/3 b OR c d').match).toBe('(NEAR("a" "b", 3) OR "c") AND "d"');
    // A bare NEAR is a word, as before, but the window says it needs a distance.
    expect(parsed('NEAR the border').plain).toBe(true);
    const bare = parsed('minister NEAR president');
    expect(matchOf(bare).match).toBe('"minister" AND "near" AND "president"*');
    expect(bare.notices).toEqual([
      { message: expect.stringMatching(/NEAR needs a distance, as in NEAR\/10/), at: 9, end: 13 },
    ]);
    expect(parsed('near "NEAR" -NEAR').notices).toEqual([]);
  });

  it('say that NOT, AND and a lower-case near/10 are searched as words, and what to type', () => {
    const notices = (typed: string) => parsed(typed).notices.map((n) => [n.message, n.at, n.end]);
    expect(notices('kyiv NOT ceasefire')).toEqual([
      [expect.stringMatching(/^NOT is searched as a word: .* \(-word\)/), 5, 8],
    ]);
    expect(notices('kyiv AND ceasefire')).toEqual([
      [expect.stringMatching(/^AND is searched as a word/), 5, 8],
    ]);
    expect(notices('kyiv near/10 ceasefire')).toEqual([
      [expect.stringMatching(/^Write NEAR in capitals \(NEAR\/10\)/), 5, 12],
    ]);
    // As typed in quotes, excluded or in lower case, they are plain words with nothing to say.
    expect(notices('"not" -AND and not kyiv')).toEqual([]);
    expect(matchOf(parsed('kyiv NOT ceasefire')).match).toBe('"kyiv" AND "not" AND "ceasefire"*');
  });

  it('give the find bar every word or phrase sought in the text, title words last', () => {
    expect(soughtInText(parsed('after:2024 -tass “peace talks” kyiv'))).toEqual([
      'peace talks',
      'kyiv',
    ]);
    // The bar takes the first the article holds: a result may match only the second.
    expect(soughtInText(parsed('minister OR president'))).toEqual(['minister', 'president']);
    expect(soughtInText(parsed('kyiv NEAR/5 talks OR kiev kyiv'))).toEqual([
      'kyiv',
      'talks',
      'kiev',
    ]);
    expect(soughtInText(parsed('-tass'))).toEqual([]);
    // A source is not in the text; a title word is, in the heading, after the others.
    expect(soughtInText(parsed('source:"Agence Test" -trucks ceasefire'))).toEqual(['ceasefire']);
    expect(soughtInText(parsed('title:grain OR wheat'))).toEqual(['wheat', 'grain']);
    expect(soughtInText(parsed('source:afp'))).toEqual([]);
  });
});

describe('malformed queries', () => {
  it('say when a quote is not closed, and search its words as a phrase so far', () => {
    const query = parsed('kyiv "peace tal');
    expect(query.notices).toEqual([
      { message: expect.stringMatching(/quote is not closed/), at: 5, end: 6 },
    ]);
    expect(matchOf(query).match).toBe('"kyiv" AND "peace tal"*');
    expect(parsed('source:"The Moscow').notices).toHaveLength(1);
  });

  it('say a lone - excludes nothing, and search the rest', () => {
    const query = parsed('kyiv - talks');
    expect(query.notices[0]).toMatchObject({ message: expect.stringMatching(/-word/), at: 5 });
    expect(matchOf(query).match).toBe('"kyiv" AND "talks"*');
  });

  it('say when there is nothing to search for, and seek nothing', () => {
    for (const typed of [' * ', '""', '--', '( )']) {
      const query = parsed(typed);
      expect(seeksNothing(query)).toBe(true);
      expect(query.notices).toEqual([
        {
          message: expect.stringMatching(/Nothing to search for/),
          at: typed.indexOf(typed.trim()),
          end: typed.trimEnd().length,
        },
      ]);
    }
    // A lone - says so once, in its own words.
    expect(parsed('-').notices.map((n) => n.message)).toEqual([expect.stringMatching(/-word/)]);
    expect(seeksNothing(parsed('-'))).toBe(true);
    for (const typed of ['-kyiv', 'after:2025', 'kyiv', '" kyiv']) {
      expect(seeksNothing(parsed(typed))).toBe(false);
    }
  });

  it('name an unknown field and where it is', () => {
    expect(problem('kyiv author:smith')).toEqual({
      message: 'Unknown field “author:”. The fields are source:, title:, after: and before:.',
      where: 'author:',
    });
  });

  it('refuse NEAR/0, a NEAR without two sides and NEAR without a number', () => {
    expect(problem('kyiv NEAR/0 talks')).toEqual({
      message: 'NEAR/0: the distance is 1 to 100 words (NEAR/10).',
      where: 'NEAR/0',
    });
    expect(problem('kyiv NEAR/5').where).toBe('NEAR/5');
    expect(problem('NEAR/5 kyiv').message).toMatch(/joins two words or phrases/);
    expect(problem('a NEAR/x b').where).toBe('NEAR/x');
    expect(problem('-a NEAR/2 b').message).toMatch(/joins two words/);
    expect(problem('a NEAR/3 b NEAR/3 c').message).toMatch(/One NEAR at a time/);
  });

  it('refuse OR without a side, or beside an exclusion or a date', () => {
    expect(problem('kyiv OR').where).toBe('OR');
    expect(problem('OR kyiv').where).toBe('OR');
    expect(problem('kyiv OR OR kiev').where).toBe('OR');
    expect(problem('kyiv OR -kiev')).toEqual({
      message: 'An excluded word (-word) cannot be one side of OR.',
      where: '-kiev',
    });
    expect(problem('after:2024 OR kyiv').where).toBe('after:2024');
  });

  it('refuse dates that are not dates, empty values and empty ranges', () => {
    expect(problem('after:2025-02-30').message).toMatch(/year, month or day/);
    expect(problem('before:yesterday').where).toBe('before:yesterday');
    expect(problem('after:"2025"').message).toMatch(/year, month or day/);
    expect(problem('kyiv source:').message).toBe('source: needs a word or a "phrase" after it.');
    expect(problem('after:2025 before:2025').message).toMatch(/range is empty/);
  });

  it('read very long input in one pass and refuse too many terms', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    const started = performance.now();
    expect(problem(words).message).toBe(
      `Too many terms: a search takes at most ${MAX_QUERY_TERMS}.`,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    const long = `"${'x'.repeat(100_000)}`;
    expect(parsed(long).all).toHaveLength(1);
    expect(parsed('-'.repeat(10_000)).all).toEqual([]);
    expect(parsed(`${'('.repeat(5000)} kyiv`).all).toHaveLength(1);
  });
});
