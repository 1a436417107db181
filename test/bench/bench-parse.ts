/**
 * `npm run bench:parse`: each pathological Markdown case parsed by the reader's parser, best and
 * median of five runs, beside the same number of bytes of plain prose parsed in the same run (the
 * baseline a shared machine's load moves alike). Target: every case under 2 s.
 */
import { parseArticle } from '../../src/main/services/article-parser';
import { PATHOLOGICAL } from '../support/pathological-markdown';
import { sourceFile } from '../support/source-file';

const RUNS = 5;
const SOURCE = sourceFile('bench.txt');

function timeParse(text: string): { best: number; median: number } {
  const times = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    parseArticle(text, SOURCE);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return { best: times[0] ?? 0, median: times[Math.floor(RUNS / 2)] ?? 0 };
}

const rows: string[][] = [];
let worst = 0;
for (const [name, make] of Object.entries(PATHOLOGICAL)) {
  const text = `# Pathological\n\n${make()}\n`;
  const prose = `# Prose\n\n${'Plain words in a sentence. '.repeat(Math.ceil(text.length / 27))}`;
  const hostile = timeParse(text);
  const plain = timeParse(prose.slice(0, text.length));
  worst = Math.max(worst, hostile.median);
  rows.push([
    name,
    `${(text.length / 1024).toFixed(0)} KB`,
    `${hostile.best.toFixed(0)} / ${hostile.median.toFixed(0)} ms`,
    `${plain.median.toFixed(0)} ms`,
  ]);
}
console.log('case | size | best / median | prose of the same size (median)');
for (const row of rows) console.log(row.join(' | '));
console.log(
  `worst median ${worst.toFixed(0)} ms (target < 2000 ms): ${worst < 2000 ? 'met' : 'NOT met'}`,
);
