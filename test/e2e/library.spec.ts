import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, tempFolder } from './support/lectern-app';
import { articleText, LibraryPage, makeLibraryFolder } from './support/library-page';
import { ReaderPage } from './support/reader-page';
import { generateRealisticArticle } from '../support/generate-articles';
import { seriousViolations } from './support/accessibility';

test.describe('a folder opened as a library', () => {
  test('lists its articles newest first, with counts, beside the reader', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await expect(library.counts).toHaveText('3 articles · 2 sources');
    await expect(library.rows).toHaveText([
      /Ceasefire talks resume\s*Agence Test · 8 June 2025/,
      /Border crossings reopen/,
      /Harvest festival returns/,
    ]);
    await expect(library.rows.first()).toHaveAttribute('aria-setsize', '3');
    await expect(page.getByText('Choose an article from the library.')).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
  });

  test('an empty folder opens as an empty library, and articles still open', async ({ launch }) => {
    const { page } = await launch({ path: tempFolder('lectern-empty-') });
    await expect(new LibraryPage(page).counts).toHaveText('0 articles · 0 sources');
    const reader = new ReaderPage(page);
    await reader.openThroughPicker(
      join(process.cwd(), 'test/fixtures/articles/several-bylines.txt'),
    );
    await expect(reader.title).toHaveText('Talks Resume in Geneva');
  });

  test('sorts by title and filters by source and date', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await expect(library.rows).toHaveCount(3);
    await library.sort.selectOption({ label: 'Title' });
    await expect(library.rows.first()).toContainText('Border crossings reopen');
    // The filters are behind their button at first, leaving the list the room.
    await expect(library.filtersButton).toHaveAttribute('aria-expanded', 'false');
    await expect(library.source).toBeHidden();
    await library.showFilters();
    await library.source.selectOption({ label: 'Agence Test (2)' });
    await expect(library.rows).toHaveCount(2);
    await library.fromDate.fill('2025-03-01');
    await expect(library.rows).toHaveText([/Ceasefire talks resume/]);
    await expect(
      page.getByRole('status').filter({ hasText: '1 of 3 articles shown' }),
    ).toBeVisible();
    await test.step('hidden again, the filters stay on and the button counts them', async () => {
      await library.filtersButton.click();
      await expect(library.source).toBeHidden();
      await expect(library.filtersButton).toHaveAccessibleName('Filters 2 on');
      await expect(library.rows).toHaveText([/Ceasefire talks resume/]);
      await library.search.fill('wheat');
      await expect(
        page.getByRole('status').filter({ hasText: 'Within 2 filters hidden under Filters.' }),
      ).toBeVisible();
      await library.search.fill('');
      await library.showFilters();
    });
    await library.fromDate.fill('2030-01-01');
    await expect(
      page.getByRole('status').filter({ hasText: 'No articles match these filters.' }),
    ).toBeVisible();
  });

  test('the filters stay shown, or hidden, as they were left', async ({ launch }) => {
    const path = makeLibraryFolder();
    const first = await launch({ path });
    const library = new LibraryPage(first.page);
    await library.showFilters();
    await expect(library.filtersButton).toHaveAttribute('aria-expanded', 'true');
    // Closing waits for the window's calls and the host's writes, as quitting does.
    await first.close();
    const second = await launch({ path, userData: first.userData });
    const again = new LibraryPage(second.page);
    await expect(again.filtersButton).toHaveAttribute('aria-expanded', 'true');
    await expect(again.source).toBeVisible();
  });

  test('keeps the selected article selected when the sort changes', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await expect(library.rows).toHaveCount(3);
    await library.list.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(new ReaderPage(page).title).toHaveText('Harvest festival returns');
    const selected = library.list.getByRole('option', { selected: true });
    await expect(selected).toContainText('Harvest festival returns');
    await library.sort.selectOption({ label: 'Title' });
    await expect(library.rows.first()).toContainText('Border crossings reopen');
    await expect(selected).toContainText('Harvest festival returns');
  });

  test('opens an article from the keyboard and steps to the next with J', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await expect(library.rows).toHaveCount(3);
    await library.list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(reader.title).toHaveText('Border crossings reopen');
    await reader.article.click();
    await page.keyboard.press('j');
    await expect(reader.title).toHaveText('Harvest festival returns');
    // The list's selection follows the article being read.
    const selected = library.list.getByRole('option', { selected: true });
    await expect(selected).toContainText('Harvest festival returns');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(reader.title).toHaveText('Border crossings reopen');
    await expect(selected).toContainText('Border crossings reopen');
  });

  test('the article read last from the list is the one a restart reopens, with its library', async ({
    launch,
  }) => {
    const first = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(first.page);
    await library.rows.filter({ hasText: 'Harvest festival returns' }).click();
    await expect(new ReaderPage(first.page).title).toHaveText('Harvest festival returns');
    await first.close();

    const second = await launch({ userData: first.userData });
    await expect(new ReaderPage(second.page).title).toHaveText('Harvest festival returns');
    const selected = new LibraryPage(second.page).list.getByRole('option', { selected: true });
    await expect(selected).toContainText('Harvest festival returns');
  });

  test('the folder named at launch again reopens the article read last in it', async ({
    launch,
  }) => {
    const path = makeLibraryFolder();
    const first = await launch({ path });
    await new LibraryPage(first.page).rows.filter({ hasText: 'Harvest festival returns' }).click();
    await expect(new ReaderPage(first.page).title).toHaveText('Harvest festival returns');
    await first.close();

    const second = await launch({ path, userData: first.userData });
    await expect(new ReaderPage(second.page).title).toHaveText('Harvest festival returns');
    await expect(
      new LibraryPage(second.page).list.getByRole('option', { selected: true }),
    ).toContainText('Harvest festival returns');
    await second.close();
    // Another folder named at launch does not reopen an article from this one.
    const third = await launch({ path: makeLibraryFolder(), userData: first.userData });
    await expect(third.page.getByText('Choose an article from the library.')).toBeVisible();
  });

  test('type-ahead in the list jumps to a matching title', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await expect(library.rows).toHaveCount(3);
    await library.list.focus();
    await page.keyboard.type('har');
    await page.keyboard.press('Enter');
    await expect(new ReaderPage(page).title).toHaveText('Harvest festival returns');
  });

  test('lists a broken file with its reason and ignores other files', async ({ launch }) => {
    const folder = makeLibraryFolder();
    const { page } = await launch({ path: folder });
    const library = new LibraryPage(page);
    await expect(library.brokenSummary).toHaveText('Couldn’t open (1)');
    await library.brokenSummary.click();
    await expect(library.broken).toContainText('004_0000000000000004.txt');
    // Shown by its path inside the library (same-named files in subfolders differ), not in full.
    await expect(library.broken).not.toContainText(folder);
    await expect(library.broken).toContainText('PNG image');
    await expect(page.getByText('notes.pdf')).toHaveCount(0);
  });

  test('shows a file added while it is open', async ({ launch }) => {
    const folder = makeLibraryFolder();
    const { page } = await launch({ path: folder });
    const library = new LibraryPage(page);
    await expect(library.rows).toHaveCount(3);
    const added = { title: 'Late edition', source: 'Night Desk', date: 'July 1, 2025' };
    writeFileSync(join(folder, '005_0000000000000005.txt'), articleText({ ...added, body: 'x' }));
    await expect(library.rows.first()).toContainText('Late edition');
    await expect(library.counts).toHaveText('4 articles · 3 sources');
  });

  test('says when the open article’s file changes or goes, and reloads it', async ({ launch }) => {
    const folder = makeLibraryFolder();
    const file = join(folder, '001_0000000000000001.txt');
    // Long enough to be read far down when the file changes.
    const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of the festival.`);
    writeFileSync(
      file,
      articleText({
        title: 'Harvest festival returns',
        source: 'Farm Weekly',
        date: 'March 1, 2024',
        body: paragraphs.join('\n\n'),
      }),
    );
    const { page } = await launch({ path: folder });
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.rows.filter({ hasText: 'Harvest festival returns' }).click();
    await expect(reader.title).toHaveText('Harvest festival returns');
    await page.getByText('Paragraph 80 of the festival.').scrollIntoViewIfNeeded();
    const changed = {
      title: 'Harvest festival postponed',
      source: 'Farm Weekly',
      date: 'March 1, 2024',
      body: 'Rain closed the fields.',
    };
    writeFileSync(file, articleText(changed));
    const notice = page.getByRole('status').filter({ hasText: 'has changed since it was opened' });
    // Seen where the reader is, not at the top of the article.
    await expect(notice).toBeInViewport();
    await expect(page.getByText('Paragraph 80 of the festival.')).toBeInViewport();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page })
        .setLegacyMode(true)
        .include('.notice')
        .analyze();
      expect(
        results.violations.map((v) => v.id),
        colorScheme,
      ).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/file-changed-${colorScheme}.png` });
    }
    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect(reader.title).toHaveText('Harvest festival postponed');
    await expect(notice).toHaveCount(0);
    rmSync(file);
    await expect(
      page.getByRole('status').filter({ hasText: 'no longer in the library' }),
    ).toBeVisible();
    await expect(reader.title).toHaveText('Harvest festival postponed');
  });

  test('stops indexing on request and resumes where it stopped; the folder is asked about once', async ({
    launch,
  }) => {
    test.setTimeout(180_000);
    // Big enough that indexing takes seconds, so Stop lands mid-run.
    const folder = tempFolder('lectern-big-');
    for (let i = 0; i < 5000; i++) {
      const name = `${String(i).padStart(5, '0')}_${i.toString(16).padStart(16, '0')}.txt`;
      writeFileSync(join(folder, name), generateRealisticArticle(4000, i + 1));
    }
    const first = await launch({ path: folder });
    const page = first.page;
    // A folder of 5 000 entries named at launch is opened once the user says so.
    await page.getByRole('button', { name: 'Open as a library' }).click();
    const library = new LibraryPage(page);
    // The progress row is the panel's foot: it comes and goes without moving the search box.
    const searchTop = async () => (await library.search.boundingBox())!.y;
    const stop = library.panel.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    const whileIndexing = await searchTop();
    await stop.press('Enter');
    const stopped = library.panel.getByRole('status').filter({ hasText: /stopped at/ });
    await expect(stopped).toContainText('search covers only the articles indexed so far');
    // Pressed from the keyboard, Stop gives its place and the focus to Resume.
    await expect(stopped.getByRole('button', { name: 'Resume' })).toBeFocused();
    await page.screenshot({ path: 'test-results/screenshots/library-stopped.png' });
    await stopped.getByRole('button', { name: 'Resume' }).click();
    await expect(stopped).toHaveCount(0);
    await expect(library.counts).toHaveText(/^5\s000 articles/, { timeout: 60_000 });
    await expect(library.panel.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
    expect(await searchTop()).toBe(whileIndexing);
    await first.close();

    // Named again, it opens as the library it has become, unasked.
    const again = await launch({ path: folder, userData: first.userData });
    await expect(new LibraryPage(again.page).counts).toHaveText(/^5\s000 articles/);
    await expect(again.page.getByRole('button', { name: 'Open as a library' })).toHaveCount(0);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no serious accessibility violations, ${colorScheme}`, async ({ launch }) => {
      const { page } = await launch({ path: makeLibraryFolder(), colorScheme });
      const library = new LibraryPage(page);
      await library.rows.first().click();
      await expect(new ReaderPage(page).title).toHaveText('Ceasefire talks resume');
      await library.brokenSummary.click();
      // The filters shown, one on: the button's count is checked too.
      await library.showFilters();
      await library.source.selectOption({ label: 'Agence Test (2)' });
      await expect(library.filtersButton).toHaveAccessibleName('Filters 1 on');
      expect(await seriousViolations(page), colorScheme).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/library-${colorScheme}.png` });
    });
  }
});

test.describe('searching the library', () => {
  test('finds words without their accents, with the passage highlighted', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('cafe harv');
    const hit = library.results.getByRole('option');
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText('Harvest festival returns');
    await expect(hit.locator('mark')).toHaveText(['café', 'harvest']);
    await page.screenshot({ path: 'test-results/screenshots/library-search.png' });
  });

  test('matches a quoted phrase only in order', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('“ceasefire agreement”');
    await expect(library.results.getByRole('option')).toHaveText([/Ceasefire talks resume/]);
    await library.search.fill('"agreement ceasefire"');
    await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toBeVisible();
  });

  test('says when a word being typed is still too short to match beginnings', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('ha');
    await expect(
      page.getByRole('status').filter({ hasText: 'Word beginnings match from 3 letters on' }),
    ).toBeVisible();
    await library.search.fill('har');
    await expect(library.results.getByRole('option')).toHaveText([/Harvest festival returns/]);
  });

  test('moves from the search box into the results with ↓, and opens the best with Enter', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('trucks');
    await expect(library.results.getByRole('option')).toHaveCount(1);
    await library.search.press('ArrowDown');
    await expect(library.results).toBeFocused();
    await library.search.press('Enter');
    await expect(new ReaderPage(page).title).toHaveText('Border crossings reopen');
  });

  test('opens a result in the reader', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('trucks');
    await library.results.getByRole('option').click();
    await expect(new ReaderPage(page).title).toHaveText('Border crossings reopen');
  });

  test('lists a header without a # title as the reader shows it, and finds its words typed any way', async ({
    launch,
  }) => {
    const folder = tempFolder('lectern-library-');
    writeFileSync(
      join(folder, '001_00000000000000aa.txt'),
      'Talks resume in Geneva\n\nBy Reuters & AP\n\nJune 8, 2025\n\nThe delegation from Hawaiʻi arrived.\n',
    );
    const { page } = await launch({ path: folder });
    const library = new LibraryPage(page);
    await expect(library.rows).toHaveText([/Talks resume in Geneva\s*Reuters · 8 June 2025/]);
    // Typed with a straight apostrophe, the word written with an ʻokina is found, as Ctrl+F finds it.
    await library.search.fill("Hawai'i ");
    const hit = library.results.getByRole('option');
    await expect(hit.locator('mark')).toHaveText(['Hawaiʻi']);
    await hit.click();
    await expect(new ReaderPage(page).title).toHaveText('Talks resume in Geneva');
    await expect(page.getByRole('searchbox', { name: 'Find in article' })).toHaveValue("Hawai'i");
    await expect(page.getByRole('status').filter({ hasText: /^1 of 1$/ })).toBeVisible();
  });

  test('opens a result with the query highlighted in the find bar', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('trucks');
    await library.results.getByRole('option').click();
    await expect(page.getByRole('searchbox', { name: 'Find in article' })).toHaveValue('trucks');
    await expect(page.getByRole('article').locator('mark')).toHaveText(['Trucks']);
    // The first match is the current one, as after typing the query into the find bar.
    await expect(page.getByRole('status').filter({ hasText: /^1 of 1$/ })).toBeVisible();
    // With several words, the find bar looks for the first one (one string, as typed).
    await library.search.fill('border truc');
    await library.results.getByRole('option').click();
    await expect(page.getByRole('searchbox', { name: 'Find in article' })).toHaveValue('border');
  });
});
