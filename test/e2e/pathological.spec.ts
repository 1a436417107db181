import { PATHOLOGICAL } from '../support/pathological-markdown';
import { expect, test } from './support/lectern-app';
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
