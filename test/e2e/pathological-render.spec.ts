/**
 * Pathological Markdown and a 2 MB article open in the window and leave it usable. How long they
 * take is measured by `npm run bench:parse` and `npm run bench:open`, not here: a shared machine's
 * load decides wall-clock time, and a timed test would fail on it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from '../support/generate-articles';
import { PATHOLOGICAL } from '../support/pathological-markdown';
import { expect, test, tempFolder } from './support/lectern-app';
import { ReaderPage } from './support/reader-page';

test('each pathological Markdown case opens and the window stays usable', async ({ launch }) => {
  test.setTimeout(300_000);
  const { page } = await launch();
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  for (const [index, make] of Object.values(PATHOLOGICAL).entries()) {
    const title = `Pathological ${index}`;
    const buffer = Buffer.from(`# ${title}\n\n${make()}\n`);
    await reader.openThroughPicker({ name: `${index}.txt`, mimeType: 'text/plain', buffer });
    if (buffer.includes(0)) {
      // NUL bytes mark a binary file: refused with a message rather than rendered.
      await expect(reader.alert).toContainText('binary data');
      await page.getByRole('button', { name: 'Dismiss' }).click();
      continue;
    }
    await expect(reader.title).toHaveText(title, { timeout: 30_000 });
  }
  await expect(reader.openButton).toBeEnabled();
});

test('a 2 MB article opens with its title', async ({ launch }) => {
  test.setTimeout(120_000);
  const path = join(tempFolder('lectern-2mb-'), '006_00000000000000ee.txt');
  writeFileSync(path, generateArticle(2 * 1024 * 1024, 3, 'Two Megabytes'));
  const { page } = await launch({ path });
  await expect(new ReaderPage(page).title).toHaveText('Two Megabytes', { timeout: 60_000 });
  await expect(page.getByText('Original url')).toHaveCount(0);
});

test('deeply nested lists and quotes keep their words on the page', async ({ launch }) => {
  const { page } = await launch();
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  const cases = {
    'Deep lists': PATHOLOGICAL['deeply nested lists']!(),
    'Deep quotes': `${'> '.repeat(300)}the deepest words`,
  };
  for (const [title, body] of Object.entries(cases)) {
    const buffer = Buffer.from(`# ${title}\n\n${body}\n`);
    await reader.openThroughPicker({ name: `${title}.txt`, mimeType: 'text/plain', buffer });
    await expect(reader.title).toHaveText(title);
    // Every paragraph and list item starts well inside the article's column, however deep.
    const offPage = await reader.article.evaluate((article) => {
      const column = article.getBoundingClientRect();
      return [...article.querySelectorAll('li, p')]
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.left < column.left || box.left > column.right - 120).length;
    });
    expect(offPage, title).toBe(0);
  }
  // Deeper than markdown-it nests, the words stay, in the deepest level kept.
  await expect(reader.article.getByText('the deepest words')).toBeVisible();
});
