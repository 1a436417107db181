import { writeFileSync } from 'node:fs';
import { generateRealisticArticle, generateArticle, seededRandom } from '../support/generate-articles';
import { parseArticle } from '../../src/main/services/article-parser';
import { entitySegments } from '../../src/main/services/article-details';
import { entitiesWith, loadNlp } from '../../src/main/services/entities';
import { readFileSync, readdirSync } from 'node:fs';
const nlp = await loadNlp();
const random = seededRandom(777);
const texts: string[] = [];
for (let i = 0; i < 600; i++) texts.push(generateRealisticArticle(2500 + Math.floor(random() * 5600), i + 1, { source: 'Source A', date: '2021-03-04' }));
for (const dir of ['test/fixtures', '/work/shared/seed']) {
  try { for (const f of readdirSync(dir, { recursive: true }) as string[]) if (f.endsWith('.txt')) texts.push(readFileSync(`${dir}/${f}`, 'utf8')); } catch {}
}
const out = texts.map((t) => JSON.stringify(entitiesWith(nlp, entitySegments(parseArticle(t, 'x.txt')))));
writeFileSync(process.argv[2]!, out.join('\n'));
console.log(texts.length);
