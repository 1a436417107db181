/** `npm run bench:highlights`: anchoring and saving highlights on a large article (figures, not asserts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { RememberedStore } from '../../src/main/services/remembered-store';
import * as anchoring from '../../src/shared/text-anchoring';
import type { Annotation } from '../../src/shared/annotation';
import { generateArticle } from '../support/generate-articles';

// Local bindings: the module runner's export getters would be timed on every call otherwise.
const { anchorSpan, describeSpan } = anchoring;
const TEXT = generateArticle(2_000_000);
const EDITED = `A new first line added when the file was saved again.\n${TEXT}`;
const spans = Array.from({ length: 200 }, (_, i) => {
  const start = Math.floor((TEXT.length / 200) * i) + 17;
  return { start, end: start + 80 };
});
const selectors = spans.map((span) => describeSpan(TEXT, span));
const corrected = selectors[100]!;
const FUZZY_TEXT = EDITED.replace(corrected.quote.exact, corrected.quote.exact.replace(/e/g, 'é'));

const annotations: Annotation[] = selectors.map(({ quote, position }, i) => ({
  id: `h${i}`,
  type: 'Annotation',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  colour: 'yellow',
  note: 'A short note on this passage.',
  target: { selector: [quote, position] },
}));
const storeDir = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
const store = new RememberedStore(storeDir);
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));

test(`highlights on a ${(TEXT.length / 1e6).toFixed(1)} MB article`, async ({ bench }) => {
  await bench.compare(
    bench('re-anchor 200 highlights, text unchanged', () => {
      for (const s of selectors) anchorSpan(TEXT, s);
    }),
    bench('re-anchor 200 highlights after a line was added at the top', () => {
      for (const s of selectors) anchorSpan(EDITED, s);
    }),
    bench('fuzzy re-anchor of one corrected 80-character quote', () => {
      anchorSpan(FUZZY_TEXT, corrected);
    }),
    bench('save 200 highlights (atomic write, fsync of file and folder)', async () => {
      await store.setHighlights('00000000000000aa', { title: 'Bench', annotations });
    }),
  );
});
