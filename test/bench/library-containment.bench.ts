/**
 * `npx vitest bench --run test/bench/library-containment.bench.ts`: what the library's containment
 * check costs per file read, beside a plain open of the same files in the same run (the baseline).
 */
import {
  closeSync,
  constants,
  fstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { openInLibrary } from '../../src/main/services/library/library-paths';
import { generateRealisticArticle } from '../support/generate-articles';

const FILES = 1000;
const root = mkdtempSync(join(tmpdir(), 'lectern-bench-contain-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const rels = Array.from({ length: FILES }, (_, i) => `${String(i).padStart(4, '0')}.txt`);
rels.forEach((rel, i) => writeFileSync(join(root, rel), generateRealisticArticle(5000, i + 1)));

/** The read before the check: open, fstat, read (what read-article did). */
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

test(`reading ${FILES} articles of 5 KB`, async ({ bench }) => {
  await bench.compare(
    bench('plain open + fstat + read (baseline)', () => rels.forEach(plainRead)),
    bench('openInLibrary (O_NOFOLLOW, real path of the descriptor) + read', () =>
      rels.forEach(containedRead),
    ),
    { iterations: 20 },
  );
});
