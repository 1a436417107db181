import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/main/services/article-parser';
import { PATHOLOGICAL } from '../../support/pathological-markdown';
import { sourceFile } from '../../support/source-file';

const SOURCE = sourceFile('patho.txt');

// How long each case takes is printed by `npm run bench:parse`; here only that it parses at all.
describe('pathological Markdown parses to an article', () => {
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(name, () => {
      const article = parseArticle(`# Pathological\n\n${make()}\n`, SOURCE);
      expect(article.title).toBe('Pathological');
    });
  }
});
