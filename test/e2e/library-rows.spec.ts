/**
 * A row's own actions in every list (issue 16 review): marking from search results as from the
 * Articles list, M beside type-ahead, choosing a name from the People and places filter, and
 * copies told apart by their files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, tempFolder } from './support/lectern-app';
import { articleText, LibraryPage } from './support/library-page';
import { makeResearchFolder, ResearchPage } from './support/research-page';

/** The analysis after indexing reads names and copies on a low-priority thread. */
const ANALYSED = { timeout: 60_000 };
test.describe.configure({ timeout: 120_000 });

/** The list's active option (the keyboard's place) is `row`. */
async function expectActive(list: Locator, row: Locator) {
  await expect(row).toHaveCount(1);
  await expect(list).toHaveAttribute('aria-activedescendant', (await row.getAttribute('id'))!);
}

test('marks a search result read or unread with M, Shift+F10, the Menu key or a right click', async ({
  launch,
}) => {
  const { page } = await launch({ path: makeResearchFolder() });
  const library = new LibraryPage(page);
  const research = new ResearchPage(page);
  await library.search.fill('odesa');
  const result = library.results.getByRole('option').filter({ hasText: 'Harvest in Odesa' });
  await expect(library.results.getByRole('option')).toHaveCount(1);
  await expect(result).toContainText('Unread');
  await library.search.press('ArrowDown');
  await expect(library.results).toBeFocused();

  await test.step('M', async () => {
    await page.keyboard.press('m');
    await expect(result).toContainText('Finished');
    await expect(page.getByRole('status').filter({ hasText: 'marked read' })).toHaveText(
      '“Harvest in Odesa” marked read.',
    );
  });
  await test.step('Shift+F10', async () => {
    await page.keyboard.press('Shift+F10');
    await expect(research.menu.getByRole('menuitem')).toHaveText(['Mark as unread']);
    await page.keyboard.press('Enter');
    await expect(result).toContainText('Unread');
    await expect(research.menu).toHaveCount(0);
    await expect(library.results).toBeFocused();
  });
  await test.step('the Menu key', async () => {
    await page.keyboard.press('ContextMenu');
    await expect(research.menu.getByRole('menuitem')).toHaveText(['Mark as read']);
    await page.keyboard.press('Escape');
    await expect(research.menu).toHaveCount(0);
  });
  await test.step('a right click', async () => {
    await result.click({ button: 'right' });
    await research.menu.getByRole('menuitem', { name: 'Mark as read' }).click();
    await expect(result).toContainText('Finished');
  });
});

/** Three articles, two of them with titles that begin with M, newest first. */
function makeMTitlesFolder(): string {
  const folder = tempFolder('lectern-m-titles-');
  const articles = [
    ['001_0000000000000011.txt', 'Harvest festival returns', 'June 8, 2025'],
    ['002_0000000000000012.txt', 'Market day in Odesa', 'June 1, 2025'],
    ['003_0000000000000013.txt', 'Minister visits the border', 'May 1, 2025'],
  ];
  for (const [name, title, date] of articles)
    writeFileSync(
      join(folder, name!),
      articleText({ title: title!, source: 'Wire', date: date!, body: 'Words.' }),
    );
  return folder;
}

/** Lets the type-ahead's pause run out on the page's clock, not the test's. */
const pauseRunsOut = (page: Page) => page.clock.runFor(1000);

test('M is type-ahead when a title is being typed, and marks the active row when not', async ({
  launch,
}) => {
  const { page } = await launch({
    path: makeMTitlesFolder(),
    beforeLoad: (p) => p.clock.install(),
  });
  const library = new LibraryPage(page);
  const row = (title: string) => library.rows.filter({ hasText: title });
  await expect(library.rows).toHaveCount(3);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await library.list.focus();
  await expectActive(library.list, row('Harvest festival returns'));

  await test.step('"mi" reaches a title beginning with M and marks nothing', async () => {
    await page.keyboard.type('mi');
    await expectActive(library.list, row('Minister visits the border'));
    await pauseRunsOut(page);
  });
  await test.step('M on its own marks the active row read, and again unread', async () => {
    await page.keyboard.press('m');
    await pauseRunsOut(page);
    await expect(row('Minister visits the border')).toContainText('Finished');
    // The facts came back after this mark: the M typed before it marked nothing.
    await expect(row('Harvest festival returns')).toContainText('Unread');
    await expect(row('Market day in Odesa')).toContainText('Unread');
    await page.keyboard.press('m');
    await pauseRunsOut(page);
    await expect(row('Minister visits the border')).toContainText('Unread');
  });
  await test.step('a key that is not a letter marks at once', async () => {
    await page.keyboard.press('m');
    await page.keyboard.press('ArrowUp');
    await expect(row('Minister visits the border')).toContainText('Finished');
    await expectActive(library.list, row('Market day in Odesa'));
  });
});

test('People and places: ↓ goes from the filter into the names, Enter chooses the best', async ({
  launch,
}) => {
  const { page } = await launch({ path: makeResearchFolder() });
  const research = new ResearchPage(page);
  const dialog = research.dialog('People and places');
  const filter = dialog.getByRole('searchbox', { name: 'Filter names' });
  const names = dialog.getByRole('listbox', { name: 'Names' });
  await research.button('People and places').click();
  await expect(async () => {
    // Names arrive as the analysis reads the articles: ask again until the last is in.
    await filter.fill('zelen');
    await expect(names.getByRole('option')).toHaveText([/Volodymyr Zelensky/], { timeout: 1000 });
  }).toPass(ANALYSED);

  await test.step('Enter at once chooses the best name for what was typed', async () => {
    await filter.fill('odes');
    await filter.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Naming Odesa')).toBeVisible();
    await expect(research.list.getByRole('option')).toHaveText([/Harvest in Odesa/]);
  });
  await test.step('↓ moves into the names; Enter there chooses the active one', async () => {
    await page.getByRole('button', { name: /Show all articles/ }).click();
    await research.button('People and places').click();
    await filter.fill('zelen');
    await expect(names.getByRole('option')).toHaveText([/Volodymyr Zelensky/]);
    await filter.press('ArrowDown');
    await expect(names).toBeFocused();
    await expectActive(names, names.getByRole('option', { name: /Volodymyr Zelensky/ }));
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Naming Volodymyr Zelensky')).toBeVisible();
  });
});

/** Each row shows its file whole, and it and the rest of the row stay inside the row's height. */
async function expectFilesInside(rows: Locator) {
  for (const row of await rows.all()) {
    const file = row.getByText(/\.txt$/);
    await expect(file).toBeVisible();
    const rowBox = (await row.boundingBox())!;
    const lastBox = (await row.locator(':scope > *').last().boundingBox())!;
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
    expect(await file.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
}

test.describe('copies told apart', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`each copy names its file, on a line of its own in the Duplicates view, ${colorScheme}`, async ({
      launch,
    }, testInfo) => {
      const { page } = await launch({ path: makeResearchFolder(), colorScheme });
      const research = new ResearchPage(page);
      const library = new LibraryPage(page);
      await expect(research.row('(saved again)')).toContainText('2 copies', ANALYSED);
      await expect(research.row('(saved again)')).toContainText('copies/002_000000000000000b.txt');
      await expect(research.row('Harvest in Odesa')).not.toContainText('.txt');
      await research.showFilters();
      await research.duplicates.check();
      await expect(library.rows).toHaveText([
        /Talks resume in Kyiv.*2 copies\s*001_000000000000000a\.txt/,
        /Talks resume in Kyiv \(saved again\).*2 copies\s*copies\/002_000000000000000b\.txt/,
      ]);
      for (const width of [1280, 800, 600]) {
        await page.setViewportSize({ width, height: 800 });
        const toggle = page.getByRole('button', { name: 'Library', exact: true });
        if (width <= 900 && (await toggle.getAttribute('aria-expanded')) !== 'true')
          await toggle.click();
        await library.search.fill('');
        await expectFilesInside(library.rows);
        await library.panel.screenshot({
          path: testInfo.outputPath(`${width}-${colorScheme}.png`),
        });
        await library.search.fill('zelensky');
        await expect(library.results.getByRole('option')).toHaveCount(2);
        await expectFilesInside(library.results.getByRole('option'));
        const shot = testInfo.outputPath(`${width}-${colorScheme}-results.png`);
        await library.panel.screenshot({ path: shot });
      }
    });
  }
});
