/**
 * `npx tsx test/bench/library-containment.ts`: what the library's containment check costs per file
 * read, beside a plain open of the same files. The two alternate, round after round, and the best
 * round of each is printed: on a shared machine the best is what the code costs, not the neighbours.
 */
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openInLibrary } from '../../src/main/services/library/library-paths';
import { generateRealisticArticle } from '../support/generate-articles';

const FILES = 1000;
const ROUNDS = 30;
const root = mkdtempSync(join(tmpdir(), 'lectern-bench-contain-'));
// Articles in subfolders, as libraries keep them: the check must cover every part of the path.
const rels = Array.from({ length: FILES }, (_, i) => `desk-${i % 10}/${i}.txt`);
for (let d = 0; d < 10; d++) mkdirSync(join(root, `desk-${d}`));
rels.forEach((rel, i) => writeFileSync(join(root, rel), generateRealisticArticle(5000, i + 1)));

/** The read before the check: open, fstat, read. */
function plainRead(rel: string) {
  const fd = openSync(join(root, rel), constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    fstatSync(fd);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function containedRead(rel: string) {
  const { fd } = openInLibrary(root, rel);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

const best = { plain: Infinity, contained: Infinity };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? (['plain', 'contained'] as const) : (['contained', 'plain'] as const);
  for (const name of order) {
    const read = name === 'plain' ? plainRead : containedRead;
    const started = performance.now();
    for (const rel of rels) read(rel);
    best[name] = Math.min(best[name], ((performance.now() - started) / FILES) * 1000);
  }
}
rmSync(root, { recursive: true, force: true });
console.log(
  `Reading ${FILES} articles of 5 KB in subfolders, best of ${ROUNDS} alternating rounds:`,
);
console.log(`  plain open + fstat + read (baseline):          ${best.plain.toFixed(1)} µs a file`);
console.log(
  `  openInLibrary (O_NOFOLLOW, descriptor's path): ${best.contained.toFixed(1)} µs a file`,
);
console.log(`  the check costs ${(best.contained - best.plain).toFixed(1)} µs a file`);
