import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateArticle } from '../support/generate-articles';
import { FindBar } from './support/find-bar';
import { expect, test, tempFolder } from './support/lectern-app';

/** The leaf blocks at least partly inside the article's view: their place and their marks. */
function blocksOnScreen(page: Page) {
  return page.evaluate(() => {
    const view = document.querySelector('main')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('article .body [data-block]')]
      .filter((block) => !block.querySelector('[data-block]'))
      .map((block) => ({ block, box: block.getBoundingClientRect() }))
      .filter(({ box }) => box.bottom > view.top && box.top < view.bottom)
      .map(({ block, box }) => ({
        id: block.dataset.block!,
        top: box.top - view.top,
        text: block.textContent ?? '',
        marked: [...block.querySelectorAll('mark.find-match')].map((mark) => mark.textContent),
      }));
  });
}

test('typing a common word leaves the page where it is and marks every match on screen', async ({
  launch,
}) => {
  const path = join(tempFolder('lectern-find-typing-'), 'long.txt');
  writeFileSync(path, generateArticle(200_000, 11));
  const { page } = await launch({ path });
  const find = new FindBar(page);
  await find.open();
  await find.article.evaluate((main) => main.scrollBy(0, main.scrollHeight * 0.4));
  // The chunks there are filled as they come near, on the next frames.
  await expect.poll(async () => (await blocksOnScreen(page)).length).toBeGreaterThan(2);
  const before = await blocksOnScreen(page);

  await find.searchbox.focus();
  await find.searchbox.pressSequentially('the');
  await expect(find.status).toHaveText(/^\d+ of \d+$/);
  // Every "the" in the blocks on screen is marked (in any case: the search ignores it).
  const occurrences = (text: string) => text.match(/the/gi)?.length ?? 0;
  await expect
    .poll(async () =>
      (await blocksOnScreen(page)).map(({ id, marked }) => ({ id, marked: marked.length })),
    )
    .toEqual(before.map(({ id, text }) => ({ id, marked: occurrences(text) })));
  const after = await blocksOnScreen(page);
  expect(after.map(({ id, top }) => ({ id, top: Math.round(top) }))).toEqual(
    before.map(({ id, top }) => ({ id, top: Math.round(top) })),
  );
});
