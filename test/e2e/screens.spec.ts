/**
 * Screenshots to check by eye (docs/screens.md): at 1280, 800 and 600 px, light and dark, the
 * sample with the find bar open, a selection with its toolbar, the details panel, and the library
 * with a search. Each shot also asserts what it shows, so a layout that breaks fails here too.
 */
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/lectern-app';
import { seriousViolations } from './support/accessibility';
import { ComfortPage } from './support/comfort-page';
import { DetailsPanel } from './support/details-panel';
import { FindBar } from './support/find-bar';
import {
  boxOf,
  scrollSelectionTo,
  covered,
  selectionLines,
  visibleTextLines,
} from './support/layout-boxes';
import { LibraryPage, makeLibraryFolder } from './support/library-page';
import { ReaderPage } from './support/reader-page';

const SAMPLE_TITLE = "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region";
const QUOTE = 'significant territorial escalation';
const toolbarOf = (page: Page) => page.getByRole('banner', { name: 'Toolbar' });

/** The test library plus the sample article, so one window shows all four scenes. */
function libraryWithSample(): string {
  const folder = makeLibraryFolder();
  copyFileSync(resolve('resources/000_e51e31a3faca41e8.txt'), join(folder, 'sample.txt'));
  return folder;
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1280, 800, 600]) {
    test(`screens at ${width} px, ${colorScheme}`, async ({ launch }) => {
      test.slow(); // Four scenes, and the details panel loads its language model.
      const { page } = await launch({ path: libraryWithSample(), colorScheme });
      await page.setViewportSize({ width, height: 800 });
      const shot = (scene: string) =>
        page.screenshot({ path: `test-results/screens/${scene}-${width}-${colorScheme}.png` });
      const library = new LibraryPage(page);
      const reader = new ReaderPage(page);
      const narrow = width <= 900;
      const sheetToggle = page.getByRole('button', { name: 'Library', exact: true });

      await test.step('the library opens beside the reader, or as a sheet over it', async () => {
        await expect(library.rows).toHaveCount(4);
        await expect(library.list.getByRole('option', { selected: true })).toHaveCount(0);
        await expect(sheetToggle).toBeVisible({ visible: narrow });
        await library.rows.filter({ hasText: SAMPLE_TITLE }).click();
        await expect(reader.title).toHaveText(SAMPLE_TITLE);
        await expect(library.panel).toBeVisible({ visible: !narrow });
      });

      await test.step('the find bar, docked above the text', async () => {
        const find = new FindBar(page);
        await find.search('the');
        await expect(find.status).toHaveText(/^1 of \d+$/);
        const bar = await boxOf(find.bar);
        expect(covered(bar, await visibleTextLines(page))).toEqual([]);
        expect(covered(bar, [await boxOf(toolbarOf(page))])).toEqual([]);
        await shot('find');
        await find.close.click();
      });

      await test.step('a selection near the top, its toolbar below it', async () => {
        const comfort = new ComfortPage(page);
        await comfort.select(QUOTE);
        await scrollSelectionTo(page, 6);
        const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
        await expect(toolbar).toBeVisible();
        const selection = await selectionLines(page);
        const bottom = Math.max(...selection.map((line) => line.y + line.height));
        await expect.poll(async () => (await boxOf(toolbar)).y).toBeGreaterThanOrEqual(bottom);
        const box = await boxOf(toolbar);
        expect(covered(box, selection)).toEqual([]);
        expect(covered(box, [await boxOf(toolbarOf(page))])).toEqual([]);
        await shot('selection');
        await page.evaluate(() => getSelection()!.removeAllRanges());
      });

      await test.step('the details panel', async () => {
        const details = new DetailsPanel(page);
        await details.open();
        await expect(details.figure('Date').locator('time')).toHaveText('8 June 2025');
        await shot('details');
        await details.toggleButton.click();
      });

      await test.step('the library with a search', async () => {
        if (narrow) {
          await sheetToggle.click();
          await expect(sheetToggle).toHaveAttribute('aria-expanded', 'true');
        }
        await library.search.fill('kyiv');
        await expect(page.getByRole('status').filter({ hasText: /^1 match/ })).toBeVisible();
        const hit = library.results.getByRole('option');
        await expect(hit.locator('mark').first()).toHaveText(/kyiv/i);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('library-search');
      });
    });
  }
}
