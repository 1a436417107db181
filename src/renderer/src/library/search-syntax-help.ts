/**
 * The search syntax as the help popover lists it (docs/research.md has the same table). Examples
 * inside a meaning are in backticks: shown as code, never broken across lines ("-source:TASS").
 */
import { findTermsOf } from '../../../shared/library-query';
import { soughtInText, type QueryParse } from '../../../shared/library-query-syntax';

export const SYNTAX_HELP: readonly (readonly [string, string])[] = [
  ['kyiv talks', 'Articles with both words; the last word also matches its beginnings (`kyi…`)'],
  ['"peace talks"', 'The words side by side, in this order'],
  ['-word', 'Leaves out articles with the word (also `-"a phrase"`, `-source:TASS`)'],
  ['kyiv OR kiev', 'Either word (`OR` in capitals)'],
  ['kyiv NEAR/10 ceasefire', 'Both within 10 words of each other, in either order (1 to 100)'],
  ['source:AFP', 'Articles from that source; `source:"The Moscow Times"` for several words'],
  ['title:ceasefire', 'The word in the title'],
  ['after:2025-01-31', 'Dated after that day; a month (`2025-03`) or a year (`2025`) also works'],
  ['before:2025-03-01', 'Dated before that day, month or year'],
];

/** A meaning as text and code, alternately (odd parts are the examples in backticks). */
export const meaningParts = (meaning: string): string[] => meaning.split('`');

/**
 * What the find bar may look for when a result opens, best first: the words and phrases sought by
 * a query with operators, else the plain query's. It takes the first the article holds.
 */
export function findTermsFor(parsed: QueryParse, typed: string): string[] {
  return parsed.ok && !parsed.query.plain ? soughtInText(parsed.query) : findTermsOf(typed);
}
