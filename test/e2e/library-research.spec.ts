import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, tempFolder } from './support/lectern-app';
import { seriousViolations } from './support/accessibility';
import { DetailsPanel } from './support/details-panel';
import { FindBar } from './support/find-bar';
import { ReaderPage } from './support/reader-page';
import { makeResearchFolder, ResearchPage, writeStoredHighlights } from './support/research-page';

/** The analysis after indexing reads names on a low-priority thread: slow on a busy machine. */
const ANALYSED = { timeout: 60_000 };
test.describe.configure({ timeout: 120_000 });

test.describe('reading status in the library', () => {
  test('marks an article read with M and unread from its context menu, and filters by status', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeResearchFolder() });
    const research = new ResearchPage(page);
    const row = research.row('Harvest in Odesa');
    await expect(row).toContainText('Unread');
    await research.list.focus();
    await page.keyboard.press('End');
    // The arrows move the active row (not the selection, which is the article open).
    const active = research.list.getByRole('option').last();
    await expect(active).toContainText('Harvest');
    await expect(research.list).toHaveAttribute(
      'aria-activedescendant',
      (await active.getAttribute('id'))!,
    );
    await page.keyboard.press('m');
    await expect(row).toContainText('Finished');
    await expect(page.getByRole('status').filter({ hasText: 'marked read' })).toHaveText(
      '“Harvest in Odesa” marked read.',
    );
    await research.showFilters();
    await research.reading.selectOption({ label: 'Finished' });
    await expect(research.list.getByRole('option')).toHaveText([/Harvest in Odesa/]);
    await research.reading.selectOption({ label: 'Unread' });
    await expect(research.list.getByRole('option')).toHaveCount(3);

    await test.step('in the Unread view a row just marked stays till the list moves on', async () => {
      const options = research.list.getByRole('option');
      await research.list.focus();
      await page.keyboard.press('Home');
      const first = (await options.first().textContent())!.split('·')[0]!.trim();
      await page.keyboard.press('m');
      await expect(options.first()).toContainText('Finished');
      await expect(options).toHaveCount(3);
      // M again undoes it: the same article, not the next one.
      await page.keyboard.press('m');
      await expect(options.first()).toContainText('Unread');
      await expect(options.first()).toContainText(first.slice(0, 12));
      await page.keyboard.press('m');
      await page.keyboard.press('ArrowDown');
      await expect(options).toHaveCount(2);
      await expect(
        research.list.getByRole('option', { name: new RegExp(first.slice(0, 12)) }),
      ).toHaveCount(0);
      await research.reading.selectOption({ label: 'Finished' });
      await expect(options).toHaveCount(2);
    });

    await research.reading.selectOption({ label: 'All articles' });
    await row.click({ button: 'right' });
    await expect(research.menu).toBeVisible();
    // A finished article can only become unread, and an unread one read.
    await expect(research.menu.getByRole('menuitem')).toHaveText(['Mark as unread']);
    await research.menu.getByRole('menuitem', { name: 'Mark as unread' }).click();
    await expect(row).toContainText('Unread');
    await expect(research.menu).toHaveCount(0);
    await row.click({ button: 'right' });
    await expect(research.menu.getByRole('menuitem')).toHaveText(['Mark as read']);
    await page.keyboard.press('Escape');
    await expect(research.menu).toHaveCount(0);
  });

  test('marked read and unread again, a partly read article is as it was, place and all', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeResearchFolder() });
    const research = new ResearchPage(page);
    const reader = new ReaderPage(page);
    const row = research.row('A long day of grain talks');
    await row.click();
    await expect(reader.title).toHaveText('A long day of grain talks');
    const scroller = page.getByRole('main', { name: 'Article' });
    // Shown and placed, the article takes the focus: scrolls from then on are reading.
    await expect(scroller).toBeFocused();
    await scroller.evaluate((el) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) / 2 }));
    await expect(row).toContainText(/\d+% read/);
    const readBefore = (await row.textContent())!.match(/\d+% read/)![0];
    // Marked at once, before the pause after scrolling that a save waits for: the place is saved
    // first, so the mark is made on what was read.
    await row.click({ button: 'right' });
    await research.menu.getByRole('menuitem', { name: 'Mark as read' }).click();
    await expect(row).toContainText('Finished');
    await row.click({ button: 'right' });
    await research.menu.getByRole('menuitem', { name: 'Mark as unread' }).click();
    await expect(row).toContainText(/\d+% read/);
    // The percent saved is measured when the place is saved: the page's layout may have settled
    // a little since the row first said it.
    const readAfter = (await row.textContent())!.match(/\d+% read/)![0];
    expect(Math.abs(parseInt(readAfter) - parseInt(readBefore))).toBeLessThanOrEqual(5);
    await expect(page.getByRole('status').filter({ hasText: 'marked unread' })).toHaveText(
      `“A long day of grain talks” marked unread, back to ${readAfter}.`,
    );
    await research.row('Harvest in Odesa').click();
    await expect(reader.title).toHaveText('Harvest in Odesa');
    await research.button('Continue reading').click();
    await expect(reader.title).toHaveText('A long day of grain talks');
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  });

  test('keeps a place scrolled to just before another article opens; one only opened stays unread', async ({
    launch,
  }) => {
    const path = makeResearchFolder();
    const userData = tempFolder();
    const first = await launch({ path, userData });
    const research = new ResearchPage(first.page);
    await research.row('A long day of grain talks').click();
    await expect(new ReaderPage(first.page).title).toHaveText('A long day of grain talks');
    const scroller = first.page.getByRole('main', { name: 'Article' });
    await scroller.evaluate((el) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) / 2 }));
    // Another article at once, inside the pause after scrolling that a save waits for. Opening
    // it moves the scroller back to its top: the app's move, not reading it.
    await research.row('Harvest in Odesa').click();
    await expect(new ReaderPage(first.page).title).toHaveText('Harvest in Odesa');
    // Closed at once: a position still waiting to be saved would be saved now.
    await first.closeWindow();
    await first.close();

    const { page } = await launch({ path, userData });
    const again = new ResearchPage(page);
    await expect(again.row('A long day of grain talks')).toContainText(/\d+% read/);
    await expect(again.row('Harvest in Odesa')).toContainText('Unread');
    await again.button('Continue reading').click();
    await expect(new ReaderPage(page).title).toHaveText('A long day of grain talks');
  });

  test('an article opened from a search, at its first match, stays unread', async ({ launch }) => {
    const path = makeResearchFolder();
    const userData = tempFolder();
    const first = await launch({ path, userData });
    await first.page.getByRole('searchbox', { name: 'Search the library' }).fill('40');
    await first.page
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option')
      .filter({ hasText: 'A long day of grain talks' })
      .click();
    await expect(first.page.getByRole('searchbox', { name: 'Find in article' })).toHaveValue('40');
    // The view jumped to the match, far down the article: the app's move, not reading.
    await expect(first.page.getByText(/^Paragraph 40:/)).toBeInViewport();
    // Closed at once: a position waiting to be saved would be saved now.
    await first.closeWindow();
    await first.close();

    const { page } = await launch({ path, userData });
    await expect(new ResearchPage(page).row('A long day of grain talks')).toContainText('Unread');
    await expect(new ResearchPage(page).button('Continue reading')).toBeDisabled();
  });

  test('follows the article being read, and Continue reading returns to it', async ({ launch }) => {
    const { page } = await launch({ path: makeResearchFolder() });
    const research = new ResearchPage(page);
    const reader = new ReaderPage(page);
    await expect(research.button('Continue reading')).toBeDisabled();
    await research.row('A long day of grain talks').click();
    await expect(reader.title).toHaveText('A long day of grain talks');
    const scroller = page.getByRole('main', { name: 'Article' });
    await scroller.evaluate((el) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) / 2 }));
    await expect(research.row('A long day of grain talks')).toContainText(/\d+% read/);

    await research.row('Harvest in Odesa').click();
    await expect(reader.title).toHaveText('Harvest in Odesa');
    await expect(research.button('Continue reading')).toBeEnabled();
    await research.button('Continue reading').click();
    await expect(reader.title).toHaveText('A long day of grain talks');
    // Reopened where it was left, not at its top.
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);

    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(research.row('A long day of grain talks')).toContainText('Finished');
    await expect(research.button('Continue reading')).toBeDisabled();
  });
});

test.describe('copies in the library', () => {
  test('says how many copies an article has and lists them together', async ({ launch }) => {
    const { page } = await launch({ path: makeResearchFolder() });
    const research = new ResearchPage(page);
    await expect(research.row('(saved again)')).toContainText('2 copies', ANALYSED);
    await expect(research.row('Harvest in Odesa')).not.toContainText('copies');
    await research.showFilters();
    await research.duplicates.check();
    await expect(research.list.getByRole('option')).toHaveText([
      /Talks resume in Kyiv.*2 copies/,
      /Talks resume in Kyiv \(saved again\).*2 copies/,
    ]);
    await expect(page.getByRole('status').filter({ hasText: 'articles shown' })).toHaveText(
      '2 of 4 articles shown',
    );
  });
});

test.describe('people and places across the library', () => {
  test('lists names with their article counts; a name narrows the list and goes to the find bar', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeResearchFolder() });
    const research = new ResearchPage(page);
    await research.button('People and places').click();
    const dialog = research.dialog('People and places');
    // Typing goes straight to the filter.
    await expect(dialog.getByRole('searchbox', { name: 'Filter names' })).toBeFocused();
    const names = dialog.getByRole('listbox', { name: 'Names' });
    await expect(async () => {
      // Names arrive as the analysis reads the articles: ask again until all are in.
      await dialog.getByRole('searchbox', { name: 'Filter names' }).fill('k');
      await dialog.getByRole('searchbox', { name: 'Filter names' }).fill('');
      await expect(names.getByRole('option').first()).toHaveText(
        /Kyiv\s*·\s*Place\s*·\s*3 articles/,
        {
          timeout: 1000,
        },
      );
    }).toPass(ANALYSED);
    await expect(names.getByRole('option').filter({ hasText: 'Odesa' })).toContainText('1 article');
    await dialog.getByRole('searchbox', { name: 'Filter names' }).fill('ZELEN');
    await expect(names.getByRole('option')).toHaveText([
      /Volodymyr Zelensky\s*·\s*Person\s*·\s*2 articles/,
    ]);
    await expect(dialog.getByRole('status')).toContainText('1 name');

    await names.getByRole('option', { name: /Volodymyr Zelensky/ }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Naming Volodymyr Zelensky')).toBeVisible();
    await expect(research.list.getByRole('option')).toHaveCount(2);
    await research.row('(saved again)').click();
    await expect(new FindBar(page).searchbox).toHaveValue('Volodymyr Zelensky');
    // A name is found as whole words, which the bar shows ("Che" is not in "Chegean").
    await expect(new FindBar(page).wholeWord).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: /Show all articles/ }).click();
    await expect(research.list.getByRole('option')).toHaveCount(4);
    // The button is gone: the focus goes to the list it widened.
    await expect(research.list).toBeFocused();
  });

  test('the details panel says in how many other articles a name appears and lists them', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeResearchFolder() });
    const research = new ResearchPage(page);
    await expect(page.getByRole('status').filter({ hasText: 'Finding people' })).toHaveCount(
      0,
      ANALYSED,
    );
    await research.row('Harvest in Odesa').click();
    const details = new DetailsPanel(page);
    await details.open();
    await expect(details.panel.getByText('in no other articles')).toBeVisible(ANALYSED);
    await research.row('A long day of grain talks').click();
    const kyiv = details.panel.getByRole('button', {
      name: 'Kyiv: in 2 other articles, list them',
    });
    await expect(kyiv).toBeVisible(ANALYSED);
    await kyiv.click();
    await expect(page.getByText('Naming Kyiv')).toBeVisible();
    await expect(research.list.getByRole('option')).toHaveCount(3);
  });
});

test.describe('every highlight across the library', () => {
  function highlightsIn(userData: string) {
    writeStoredHighlights(userData, '000000000000000d', 'Harvest in Odesa', [
      {
        id: 'h-wheat',
        exact: 'brought in the wheat',
        colour: 'yellow',
        note: 'Compare with last year',
        created: '2025-03-01T10:00:00.000Z',
      },
    ]);
    writeStoredHighlights(userData, '000000000000000c', 'A long day of grain talks', [
      {
        id: 'h-evening',
        exact: 'Paragraph 58: the delegation in Kyiv went over the grain figures again',
        colour: 'blue',
        created: '2025-04-01T10:00:00.000Z',
      },
    ]);
    writeStoredHighlights(userData, '0123456789abcdef', 'An article read elsewhere', [
      {
        id: 'h-gone',
        exact: 'a passage kept',
        colour: 'pink',
        created: '2025-05-01T10:00:00.000Z',
      },
    ]);
  }

  test('lists them newest first, searches, filters by colour and opens one at its place', async ({
    launch,
  }) => {
    const userData = tempFolder();
    highlightsIn(userData);
    const { page } = await launch({ path: makeResearchFolder(), userData });
    const research = new ResearchPage(page);
    await research.button('All highlights').click();
    const dialog = research.dialog('All highlights');
    await expect(dialog.getByRole('searchbox', { name: 'Search highlights' })).toBeFocused();
    const list = dialog.getByRole('listbox', { name: 'Highlights' });
    await expect(list.getByRole('option')).toHaveText(
      [
        /a passage kept\s*An article read elsewhere\s*·\s*Not in this library folder/,
        /Paragraph 58.*A long day of grain talks\s*·\s*Wire/,
        /brought in the wheat\s*Note: Compare with last year\s*Harvest in Odesa\s*·\s*Wire/,
      ],
      ANALYSED,
    );
    await dialog.getByRole('searchbox', { name: 'Search highlights' }).fill('LAST YEAR');
    await expect(list.getByRole('option')).toHaveText([/brought in the wheat/]);
    await expect(dialog.getByRole('status').first()).toHaveText('1 of 3 highlights');
    await dialog.getByRole('searchbox', { name: 'Search highlights' }).fill('');
    // One whose article is gone says why it does not open.
    await list.getByRole('option').first().click();
    await expect(
      dialog.getByRole('status').filter({ hasText: 'no longer in this library folder' }),
    ).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Colour' }).selectOption({ label: 'Blue' });
    await expect(list.getByRole('option')).toHaveText([/Paragraph 58/]);

    await list.getByRole('option').first().click();
    await expect(dialog).toHaveCount(0);
    await expect(new ReaderPage(page).title).toHaveText('A long day of grain talks');
    // The article opens at the highlight, far down the page.
    await expect(page.getByText('Paragraph 58:', { exact: false })).toBeInViewport();
  });

  test('with none, says how to make one and has nothing to export', async ({ launch }) => {
    const { page } = await launch({ path: makeResearchFolder() });
    const research = new ResearchPage(page);
    await research.button('All highlights').click();
    const dialog = research.dialog('All highlights');
    await expect(dialog.getByRole('status').first()).toHaveText(
      'No highlights yet: select text in an article and press H.',
    );
    await expect(dialog.getByRole('button', { name: 'Export all as Markdown…' })).toBeDisabled();
  });

  test('at 600 px, Escape closes the dialog alone and gives the focus back to its button', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeResearchFolder() });
    const research = new ResearchPage(page);
    await expect(research.row('Harvest in Odesa')).toBeVisible();
    await page.setViewportSize({ width: 600, height: 800 });
    const sheet = page.getByRole('complementary', { name: 'Library' });
    const toggle = page.getByRole('button', { name: 'Library', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await research.button('All highlights').click();
    await expect(research.dialog('All highlights')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(research.dialog('All highlights')).toHaveCount(0);
    await expect(sheet).toBeVisible();
    await expect(research.button('All highlights')).toBeFocused();
  });

  test('exports all of them as one Markdown file grouped by article', async ({ launch }) => {
    const userData = tempFolder();
    highlightsIn(userData);
    const { page } = await launch({ path: makeResearchFolder(), userData });
    const research = new ResearchPage(page);
    // The citations need each article's original address, which the analysis reads after
    // indexing; the copies it finds in the same pass say it is there.
    await expect(research.row('(saved again)')).toContainText('2 copies', ANALYSED);
    await research.button('All highlights').click();
    const dialog = research.dialog('All highlights');
    await expect(
      dialog.getByRole('listbox', { name: 'Highlights' }).getByRole('option'),
    ).toHaveCount(3);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export all as Markdown…' }).click();
    const file = join(tempFolder(), 'all-highlights.md');
    await (await download).saveAs(file);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain('3 highlights from 3 articles');
    expect(markdown).toMatch(
      /## Harvest in Odesa\n\nWire, \[“Harvest in Odesa”\]\(<https:\/\/example\.com\/harvest>\), \*example\.com\*, 1 March 2024\.\n\n> brought in the wheat\n\n\*\*Note:\*\* Compare with last year/,
    );
    expect(markdown).toContain('_No longer in the library folder._');
    await expect(dialog.getByRole('status').filter({ hasText: 'exported' })).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`its views have no serious accessibility violations, ${colorScheme}`, async ({
      launch,
    }) => {
      const userData = tempFolder();
      highlightsIn(userData);
      const { page } = await launch({ path: makeResearchFolder(), userData, colorScheme });
      const research = new ResearchPage(page);
      await research.button('All highlights').click();
      await expect(
        research.dialog('All highlights').getByRole('listbox').getByRole('option'),
      ).toHaveCount(3);
      expect(await seriousViolations(page)).toEqual([]);
      await research.button('Close').click();
      await research.button('People and places').click();
      await expect(research.dialog('People and places').getByRole('status')).not.toHaveText(
        'Loading…',
      );
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
