import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/main/services/article-parser';
import { PATHOLOGICAL } from '../../support/pathological-markdown';
import { sourceFile } from '../../support/source-file';

const SOURCE = sourceFile('patho.txt');

describe('pathological Markdown parses in well under 2 s', () => {
  const timings: string[] = [];
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(name, () => {
      const text = `# Pathological\n\n${make()}\n`;
      const started = performance.now();
      const article = parseArticle(text, SOURCE);
      const ms = performance.now() - started;
      timings.push(`${name} ${ms.toFixed(0)} ms`);
      expect(article.title).toBe('Pathological');
      expect(ms).toBeLessThan(2_000);
    });
  }
  it('prints the timings', () => {
    console.log(`pathological parse: ${timings.join(' · ')}`);
    expect(timings).toHaveLength(Object.keys(PATHOLOGICAL).length);
  });
});
