import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/lectern-app';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, findDisallowed } from './support/dom-allow-list';
import { ReaderPage } from './support/reader-page';

const corpus = join(process.cwd(), 'test', 'fixtures', 'hostile');

test('every hostile file opens inert: no script, no request, no navigation, no crash', async ({
  launch,
}) => {
  test.setTimeout(120_000);
  const app = await launch();
  const { page } = app;
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  const startUrl = page.url();
  const seen = { executions: 0, navigations: 0, crashes: 0, popups: 0 };
  page.on('dialog', (dialog) => {
    seen.executions++;
    void dialog.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url() !== startUrl) seen.navigations++;
  });
  page.on('crash', () => seen.crashes++);
  page.on('popup', () => seen.popups++);

  const files = readdirSync(corpus).filter((name) => name.endsWith('.txt'));
  const problems: string[] = [];
  for (const name of files) {
    await reader.openThroughPicker(join(corpus, name));
    // The status bar names the file shown, so nothing below looks at the previous article.
    await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText(name);
    await expect(reader.article).toBeVisible();
    // Lost and blocked links are clicked like a curious reader would; none may do anything.
    for (const inert of await page.locator('article em.lost, article span.blocked').all()) {
      await inert.dispatchEvent('click');
    }
    const disallowed = await reader.article.evaluate(findDisallowed, {
      tags: ALLOWED_TAGS,
      attributes: ALLOWED_ATTRIBUTES,
    });
    problems.push(...disallowed.map((p) => `${name}: ${p}`));
  }
  const canaryWindow = await page.evaluate(() =>
    Object.keys(window).filter((k) => /pwn|canary/i.test(k)),
  );

  console.log(
    `hostile corpus: ${files.length} files, ${seen.executions} executions, ${app.externalRequests.length} requests, ` +
      `${seen.navigations} navigations, ${seen.crashes} crashes`,
  );
  expect(files.length).toBeGreaterThanOrEqual(60);
  expect(problems).toEqual([]);
  expect(seen).toEqual({ executions: 0, navigations: 0, crashes: 0, popups: 0 });
  expect(app.externalRequests).toEqual([]);
  expect(canaryWindow).toEqual([]);
});
