import { generateRealisticArticle, seededRandom } from '../../test/support/generate-articles';
import { parseArticle } from '../../src/main/services/article-parser';
import { entitySegments } from '../../src/main/services/article-details';
import { entitiesWith, loadNlp } from '../../src/main/services/entities';
const nlp = await loadNlp();
const random = seededRandom(10000);
const texts: string[] = [];
for (let i = 0; i < 400; i++) texts.push(generateRealisticArticle(2500 + Math.floor(random() * 5600), i + 1, { source: 'Source A', date: '2021-03-04' }));
let parse = 0, ent = 0, chars = 0;
for (const [round, list] of [[0, texts.slice(0, 50)], [1, texts]] as const) {
  parse = 0; ent = 0; chars = 0;
  for (const t of list) {
    const a = performance.now();
    const segs = entitySegments(parseArticle(t, 'x.txt'));
    const b = performance.now();
    entitiesWith(nlp, segs);
    const c = performance.now();
    parse += b - a; ent += c - b; chars += t.length;
  }
  console.log(round, 'n', list.length, 'parse ms/article', (parse / list.length).toFixed(2), 'entities ms/article', (ent / list.length).toFixed(2), 'avg chars', (chars / list.length) | 0);
}
