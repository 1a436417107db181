/**
 * The renderer half of the property test: generated Markdown-like articles, opened in the real
 * window, never put an element or attribute outside the allow-list into the page and never run
 * anything. LECTERN_RENDER_RUNS sets the count (60 here, more in a long run).
 */
import fc from 'fast-check';
import { articleText } from '../support/article-arbitrary';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, findDisallowed } from './support/dom-allow-list';
import { expect, test } from './support/lectern-app';
import { ReaderPage } from './support/reader-page';

const RUNS = Number(process.env.LECTERN_RENDER_RUNS ?? 60);

test(`${RUNS} generated articles render inside the allow-list`, async ({ launch }) => {
  test.setTimeout(60_000 + RUNS * 1_000);
  const app = await launch();
  const reader = new ReaderPage(app.page);
  await expect(reader.title).toBeVisible();
  let dialogs = 0;
  app.page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const samples = fc.sample(articleText(), { numRuns: RUNS, seed: 20251125 });
  const problems: string[] = [];
  for (const [index, text] of samples.entries()) {
    const name = `${String(index).padStart(3, '0')}_${index.toString(16).padStart(16, '0')}.txt`;
    await reader.openThroughPicker({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    const status = app.page.getByRole('contentinfo', { name: 'Status bar' });
    // Blank articles are refused with a message; everything else must render.
    await expect
      .poll(
        async () =>
          ((await status.textContent())?.includes(name) ? 'shown' : '') ||
          ((await reader.alert.count()) > 0 ? 'refused' : ''),
      )
      .not.toBe('');
    if (await reader.alert.count()) {
      await expect(reader.alert).toContainText(/blank space|empty/);
      await app.page.getByRole('button', { name: 'Dismiss' }).click();
      continue;
    }
    const found = await reader.article.evaluate(findDisallowed, {
      tags: ALLOWED_TAGS,
      attributes: ALLOWED_ATTRIBUTES,
    });
    problems.push(...found.map((p) => `#${index}: ${p}`));
  }
  console.log(
    `rendered properties: ${RUNS} articles, ${problems.length} disallowed, ${dialogs} dialogs`,
  );
  expect(problems).toEqual([]);
  expect(dialogs).toBe(0);
  expect(app.externalRequests).toEqual([]);
});
