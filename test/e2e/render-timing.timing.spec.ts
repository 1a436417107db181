/**
 * Render-time limits, run after every other spec so that no other test shares the machine's two
 * cores while the clock runs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from '../support/generate-articles';
import { PATHOLOGICAL } from '../support/pathological-markdown';
import { expect, test, tempFolder } from './support/lectern-app';
import { ReaderPage } from './support/reader-page';

test('each pathological Markdown case renders within 2 s and the window stays usable', async ({
  launch,
}) => {
  test.setTimeout(180_000);
  const { page } = await launch();
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  const timings: string[] = [];
  for (const [index, [name, make]] of Object.entries(PATHOLOGICAL).entries()) {
    const title = `Pathological ${index}`;
    const buffer = Buffer.from(`# ${title}\n\n${make()}\n`);
    const started = Date.now();
    await reader.openThroughPicker({ name: `${index}.txt`, mimeType: 'text/plain', buffer });
    if (buffer.includes(0)) {
      // NUL bytes mark a binary file: refused with a message rather than rendered.
      await expect(reader.alert).toContainText('binary data');
      await page.getByRole('button', { name: 'Dismiss' }).click();
      continue;
    }
    await expect(reader.title).toHaveText(title, { timeout: 10_000 });
    const ms = Date.now() - started;
    timings.push(`${name} ${ms} ms`);
    expect(ms, name).toBeLessThan(2_000);
  }
  console.log(`pathological render: ${timings.join(' · ')}`);
  await expect(reader.openButton).toBeEnabled();
});

test('a 2 MB article renders in a few seconds', async ({ launch }) => {
  const path = join(tempFolder('lectern-2mb-'), '006_00000000000000ee.txt');
  writeFileSync(path, generateArticle(2 * 1024 * 1024, 3, 'Two Megabytes'));
  const started = Date.now();
  const { page } = await launch({ path });
  await expect(new ReaderPage(page).title).toHaveText('Two Megabytes', { timeout: 10_000 });
  await expect(page.getByText('Original url')).toHaveCount(0);
  expect(Date.now() - started).toBeLessThan(8_000);
});
