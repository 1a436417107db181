/**
 * What a newcomer saw in the library (issue 15): the list's selection and the reading pane agree,
 * result counts say how many match, passages come from the body, the library stays usable below
 * 900 px, and Open Folder… in the browser host explains itself where it is seen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, tempFolder } from './support/lectern-app';
import { seriousViolations } from './support/accessibility';
import { articleText, LibraryPage, makeLibraryFolder } from './support/library-page';
import { ReaderPage } from './support/reader-page';

test('nothing is selected until an article is opened; then the list and the reader agree', async ({
  launch,
}) => {
  const { page } = await launch({ path: makeLibraryFolder() });
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  const selected = library.list.getByRole('option', { selected: true });
  await expect(library.rows).toHaveCount(3);
  await expect(selected).toHaveCount(0);
  await expect(page.getByText('Choose an article from the library.')).toBeVisible();
  await test.step('moving with the keyboard is not choosing', async () => {
    await library.list.focus();
    await page.keyboard.press('ArrowDown');
    await expect(selected).toHaveCount(0);
    await expect(page.getByText('Choose an article from the library.')).toBeVisible();
  });
  await page.keyboard.press('Enter');
  await expect(reader.title).toHaveText('Border crossings reopen');
  await expect(selected).toHaveText([/^Border crossings reopen/]);
});

test.describe('search results', () => {
  test('say “3 matches”, and “50 best of 60 matches” when only the best are shown, with more on asking', async ({
    launch,
  }) => {
    const small = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(small.page);
    await library.search.fill('the');
    await expect(library.panel.getByRole('status').filter({ hasText: /matches/ })).toHaveText(
      '3 matches',
    );
    // Results come best match first, and Sort by says so; the list's own order waits for after.
    await expect(library.sort).toBeDisabled();
    await expect(library.sort.locator('option:checked')).toHaveText('Best match (search)');
    await library.search.fill('');
    await expect(library.sort).toBeEnabled();
    await expect(library.sort).toHaveValue('date');
    await small.close();

    const folder = tempFolder('lectern-many-');
    mkdirSync(join(folder, 'harbour'));
    for (let i = 0; i < 60; i++) {
      const name = `harbour/${String(i).padStart(3, '0')}_${i.toString(16).padStart(16, '0')}.txt`;
      const body = `The harbour board met for the ${i + 1}th time this year.`;
      writeFileSync(
        join(folder, name),
        articleText({ title: `Harbour notes ${i}`, source: 'Port News', date: '2025-01-02', body }),
      );
    }
    const big = await launch({ path: folder });
    const many = new LibraryPage(big.page);
    await expect(many.counts).toHaveText('60 articles · 1 source');
    // The article being read is the list's last row: the list comes back to it after a search.
    await many.list.focus();
    await big.page.keyboard.press('End');
    await big.page.keyboard.press('Enter');
    const reading = many.list.getByRole('option', { selected: true });
    await expect(reading).toHaveAttribute('aria-posinset', '60');
    // Opened, the article takes the focus (for scrolling by keyboard): the search comes after.
    await expect(big.page.getByRole('main', { name: 'Article' })).toBeFocused();
    await many.search.fill('harbour board');
    await expect(many.panel.getByRole('status').filter({ hasText: /matches/ })).toHaveText(
      '50 best of 60 matches',
    );
    await expect(many.results.getByRole('option').first()).toHaveAttribute('aria-setsize', '50');

    await test.step('“Show 10 more results” adds the rest and lands on the first of them', async () => {
      await many.panel.getByRole('button', { name: 'Show 10 more results' }).click();
      await expect(many.panel.getByRole('status').filter({ hasText: /matches/ })).toHaveText(
        '60 matches',
      );
      await expect(many.results).toBeFocused();
      const active = many.results.locator(
        `#${await many.results.getAttribute('aria-activedescendant')}`,
      );
      await expect(active).toHaveAttribute('aria-posinset', '51');
      await expect(active).toHaveAttribute('aria-setsize', '60');
      await expect(active).toBeInViewport({ ratio: 1 });
      // Its ring shows after a click too: it marks where the new rows start.
      expect(await many.results.evaluate((list) => list.matches(':focus-visible'))).toBe(true);
      await expect(many.panel.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);
    });

    await test.step('a new query starts again at the top of its results', async () => {
      await many.search.fill('harbour');
      await expect(many.panel.getByRole('status').filter({ hasText: /matches/ })).toHaveText(
        '50 best of 60 matches',
      );
      await many.search.press('ArrowDown');
      await expect(many.results).toBeFocused();
      const active = many.results.locator(
        `#${await many.results.getAttribute('aria-activedescendant')}`,
      );
      await expect(active).toHaveAttribute('aria-posinset', '1');
      await expect(active).toBeInViewport({ ratio: 1 });
    });

    await test.step('clearing the search shows the list at the article being read', async () => {
      await many.search.fill('');
      await expect(reading).toHaveAttribute('aria-posinset', '60');
      await expect(reading).toBeInViewport();
    });
  });

  test('show a passage of the body, unless the query is only in the title', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('harvest');
    const hit = library.results.getByRole('option');
    await expect(hit).toHaveCount(1);
    const passage = hit.getByText(/gathered at the café for the harvest\. Prices of wheat/);
    await expect(passage).toBeVisible();
    await expect(passage).not.toContainText('Farm Weekly');
    await expect(passage).not.toContainText('2024');
    await expect(passage.locator('mark')).toHaveText(['harvest']);

    await library.search.fill('festival');
    const titleOnly = hit.getByText(/^Harvest festival returns By Farm Weekly/);
    await expect(titleOnly.locator('mark')).toHaveText(['festival']);
  });
});

for (const width of [800, 600]) {
  test(`at ${width} px the library is a side sheet over the reader`, async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    await page.setViewportSize({ width, height: 800 });
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    const toggle = page.getByRole('button', { name: 'Library', exact: true });
    await expect(library.rows).toHaveCount(3);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');

    await test.step('its sort menu and titles are shown whole', async () => {
      const clipped = await library.sort.evaluate((select: HTMLSelectElement) => {
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        const text = context.measureText(select.selectedOptions[0]!.text).width;
        const room =
          select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        return text > room;
      });
      expect(clipped, 'the sort menu cuts its label').toBe(false);
      const cut = await library.rows.evaluateAll((rows) =>
        rows.flatMap((row) => {
          const title = row.querySelector<HTMLElement>('[title]')!;
          return title.scrollWidth > title.clientWidth ? [title.textContent] : [];
        }),
      );
      expect(cut, 'titles cut off').toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
    });

    await test.step('choosing an article puts the sheet away', async () => {
      await library.rows.filter({ hasText: 'Harvest festival returns' }).click();
      await expect(reader.title).toHaveText('Harvest festival returns');
      await expect(library.panel).toBeHidden();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(reader.title).toBeInViewport({ ratio: 1 });
    });

    await test.step('the Library button brings it back; Escape puts it away', async () => {
      await toggle.click();
      await expect(library.panel).toBeVisible();
      await expect(library.list.getByRole('option', { selected: true })).toHaveText([
        /^Harvest festival returns/,
      ]);
      await library.search.focus();
      await page.keyboard.press('Escape');
      await expect(library.panel).toBeHidden();
      await expect(toggle).toBeFocused();
    });
  });
}

test('at 600 px one sheet at a time: a Details panel remembered open waits behind the library', async ({
  launch,
}) => {
  const path = makeLibraryFolder();
  const first = await launch({ path });
  await new LibraryPage(first.page).list.focus();
  await first.page.keyboard.press('Control+i');
  const details = first.page.getByRole('complementary', { name: /details/i });
  await expect(details).toBeVisible();
  await first.close();

  const second = await launch({
    path,
    userData: first.userData,
    beforeLoad: (page) => page.setViewportSize({ width: 600, height: 800 }),
  });
  const library = new LibraryPage(second.page);
  await expect(library.rows).toHaveCount(3);
  await expect(second.page.getByRole('complementary', { name: /details/i })).toHaveCount(0);
  await library.search.fill('harvest');
  await expect(library.search).toHaveValue('harvest');
  // Opened again, Details takes the library's place.
  await second.page.keyboard.press('Control+i');
  await expect(second.page.getByRole('complementary', { name: /details/i })).toBeVisible();
  await expect(library.panel).toBeHidden();
});

test('at 800 px the sheet steps aside for an article opened another way', async ({ launch }) => {
  const { page } = await launch({ path: makeLibraryFolder() });
  await page.setViewportSize({ width: 800, height: 800 });
  const library = new LibraryPage(page);
  await expect(library.rows).toHaveCount(3);
  const reader = new ReaderPage(page);
  await reader.openThroughPicker(resolve('resources/000_e51e31a3faca41e8.txt'));
  await expect(reader.title).toHaveText(/^Russia Says Pushing Offensive/);
  await expect(library.panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Library', exact: true })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
});

test('at 1280 px the library stays beside the reader, with no sheet button', async ({ launch }) => {
  const { page } = await launch({ path: makeLibraryFolder() });
  await page.setViewportSize({ width: 1280, height: 800 });
  const library = new LibraryPage(page);
  await library.rows.filter({ hasText: 'Harvest festival returns' }).click();
  await expect(new ReaderPage(page).title).toHaveText('Harvest festival returns');
  await expect(library.panel).toBeVisible();
  await expect(page.getByRole('button', { name: 'Library', exact: true })).toBeHidden();
});

test('Open Folder… in the browser host explains in view, naming the command used', async ({
  launch,
}) => {
  const { page } = await launch({ env: { LECTERN_START_COMMAND: 'npm start --' } });
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  await page
    .getByRole('main', { name: 'Article' })
    .evaluate((main) => (main.scrollTop = main.scrollHeight));
  await reader.article.click();
  await page.keyboard.press('ControlOrMeta+Shift+O');
  const notice = page.getByRole('alert').filter({ hasText: 'cannot hand Lectern a folder' });
  await expect(notice).toBeInViewport({ ratio: 1 });
  await expect(notice).toContainText('start it with the folder: npm start -- <folder>');
  await expect(notice.getByRole('button', { name: 'Open another article…' })).toHaveCount(0);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await test.step('the toolbar button says the same', async () => {
    await page.getByRole('button', { name: 'Open Folder…' }).click();
    await expect(notice).toBeInViewport({ ratio: 1 });
  });
});
