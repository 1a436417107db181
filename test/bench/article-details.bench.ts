/** `npm run bench:details`: how long the details panel's data takes on a 2 MB article. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { articleDetails } from '../../src/main/services/article-details';
import { loadArticleFile } from '../../src/main/services/article-file';
import { findEntities } from '../../src/main/services/entities';
import { readingStats, textBlocks } from '../../src/main/services/reading-stats';
import { generateArticle } from '../support/generate-articles';

const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, '001_00112233445566ff.txt');
writeFileSync(path, generateArticle(2 * 1024 * 1024));
const article = await loadArticleFile(path);
const sample = await loadArticleFile(join(process.cwd(), 'resources', '000_e51e31a3faca41e8.txt'));
const first = performance.now();
const details = await articleDetails(article);
console.log(
  `2 MB article: ${details.reading.words} words, ${details.entities.length} entities; ` +
    `first (cold) details in ${(performance.now() - first).toFixed(0)} ms`,
);

const segments = Array.from(textBlocks(article.body), ({ text }) => text);

test('details panel data, 2 MB article', async ({ bench }) => {
  await bench.compare(
    bench('articleDetails (target < 300 ms)', async () => void (await articleDetails(article))),
    bench('reading figures only', () => void readingStats(article.body)),
    bench('entities only', async () => void (await findEntities(segments))),
    { iterations: 10 },
  );
});

test('details panel data, sample article', async ({ bench }) => {
  await bench('articleDetails', async () => void (await articleDetails(sample))).run({
    iterations: 20,
  });
});
