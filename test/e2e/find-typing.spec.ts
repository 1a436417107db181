import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from '../support/generate-articles';
import { blocksOnScreen, settledBlocksOnScreen } from './support/blocks-on-screen';
import { FindBar } from './support/find-bar';
import { expect, test, tempFolder } from './support/lectern-app';

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
