import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateArticle } from '../support/generate-articles';
import { FindBar } from './support/find-bar';
import { expect, test, tempFolder } from './support/lectern-app';

/**
 * The blocks shown in the article's view: their place and their marks. A chunk off screen is not
 * painted and clips what it holds (content-visibility), so its blocks count only where it reaches
 * into the view: before it is first laid out they may overflow its estimated box into the view.
 */
function blocksOnScreen(page: Page) {
  return page.evaluate(() => {
    const view = document.querySelector('main')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('article .body > div [data-block]')]
      .filter((block) => !block.querySelector('[data-block]'))
      .map((block) => {
        const box = block.getBoundingClientRect();
        const chunk = block.closest('.body > div')!.getBoundingClientRect();
        const top = Math.max(box.top, chunk.top, view.top);
        const bottom = Math.min(box.bottom, chunk.bottom, view.bottom);
        return { block, box, shown: bottom > top };
      })
      .filter(({ shown }) => shown)
      .map(({ block, box }) => ({
        id: block.dataset.block!,
        top: box.top - view.top,
        text: block.textContent ?? '',
        marked: [...block.querySelectorAll('mark.find-match')].map((mark) => mark.textContent),
      }));
  });
}

/** The blocks on screen once the view has stopped changing: the same over two frames. */
async function settledBlocksOnScreen(page: Page) {
  const frames = () =>
    page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
  let previous = '';
  await expect
    .poll(async () => {
      await frames();
      const now = await blocksOnScreen(page);
      const same = JSON.stringify(now) === previous;
      previous = JSON.stringify(now);
      return same && now.length > 2;
    })
    .toBe(true);
  return blocksOnScreen(page);
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
  // The chunks there are filled and laid out as they come near, on the next frames.
  const before = await settledBlocksOnScreen(page);

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
