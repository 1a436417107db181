/** The FTS5 MATCH expression for a library query (its syntax is read in src/shared/library-query). */
import type { LibraryQuery } from '../../../shared/library-query';

/** Every phrase quoted, so typing can never be a syntax error; the words are already folded. */
export function toMatchExpression(query: LibraryQuery): string | null {
  if (query.phrases.length === 0) return null;
  return query.phrases.map((p) => `"${p.words.join(' ')}"${p.prefix ? '*' : ''}`).join(' ');
}
