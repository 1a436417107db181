import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, tempFolder, test } from './support/lectern-app';
import { seriousViolations } from './support/accessibility';
import { FindBar } from './support/find-bar';
import { articleText, LibraryPage, makeLibraryFolder } from './support/library-page';
import { ReaderPage } from './support/reader-page';

/** The library's three articles: Harvest (Farm Weekly, 2024-03-01), Ceasefire and Border (Agence Test, 2025). */
test.describe('search syntax in the library', () => {
  test('fields, dates, exclusions, OR, phrases and NEAR in either order', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    const hits = library.results.getByRole('option');
    await expect(library.rows).toHaveCount(3);

    await library.search.fill('source:"Agence Test" -trucks');
    await expect(hits).toHaveText([/Ceasefire talks resume/]);
    await library.search.fill('source:"farm weekly" OR title:border ');
    await expect(hits).toHaveCount(2);
    await expect(hits.filter({ hasText: 'Harvest festival returns' })).toHaveCount(1);
    await expect(hits.filter({ hasText: 'Border crossings reopen' })).toHaveCount(1);
    // Dates alone list the articles in the period, newest first: after 2024, before June 2025.
    await library.search.fill('after:2024 before:2025-06');
    await expect(hits).toHaveText([/Border crossings reopen/]);
    await library.search.fill('after:2024-02-29 before:2025');
    await expect(hits).toHaveText([/Harvest festival returns/]);
    await library.search.fill('wheat OR trucks ');
    await expect(hits).toHaveCount(2);
    await library.search.fill('title:ceasefire ');
    await expect(hits).toHaveText([/Ceasefire talks resume/]);
    await library.search.fill('title:agreement ');
    await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toBeVisible();
    await library.search.fill('negotiators NEAR/3 capital');
    await expect(hits).toHaveText([/Ceasefire talks resume/]);
    await expect(hits.locator('mark')).toHaveText(['Negotiators', 'capital']);
    await library.search.fill('capital NEAR/3 negotiators');
    await expect(hits).toHaveText([/Ceasefire talks resume/]);
    await library.search.fill('capital NEAR/1 negotiators');
    await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toBeVisible();
  });

  test('keeps to the list’s filters, and searches again when they change', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    const hits = library.results.getByRole('option');
    await library.search.fill('wheat OR trucks ');
    await expect(hits).toHaveCount(2);
    await library.showFilters();
    await library.source.selectOption({ label: 'Farm Weekly (1)' });
    await expect(hits).toHaveText([/Harvest festival returns/]);
    await expect(page.getByRole('status').filter({ hasText: 'Within the filters' })).toBeVisible();
    // A plain query under a filter keeps to it as well.
    await library.search.fill('trucks');
    await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toBeVisible();
    await library.source.selectOption({ label: 'All sources' });
    await expect(hits).toHaveText([/Border crossings reopen/]);
  });

  test('says what is wrong with a query and where, instead of an empty list', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('ceasefire author:smith');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Unknown field “author:”');
    await expect(alert).toContainText('At character 11');
    await expect(alert.locator('mark')).toHaveText('author:');
    await expect(library.search).toHaveAttribute('aria-invalid', 'true');
    await expect(library.search).toHaveAccessibleDescription(/Unknown field “author:”/);
    await expect(
      page.getByRole('status').filter({ hasText: 'Nothing searched: the query needs correcting' }),
    ).toBeVisible();

    await library.search.fill('ceasefire NEAR/0 talks');
    await expect(alert).toContainText('NEAR/0: the distance is 1 to 100 words');
    await library.search.fill('ceasefire OR');
    await expect(alert).toContainText('OR needs a word or phrase on each side');

    // An open quote is said, and its words are still searched as a phrase.
    await library.search.fill('"ceasefire agree');
    await expect(page.getByRole('status').filter({ hasText: 'quote is not closed' })).toBeVisible();
    await expect(library.results.getByRole('option')).toHaveText([/Ceasefire talks resume/]);
    await expect(library.search).toHaveAttribute('aria-invalid', 'false');

    // Nothing to look for is said, not shown as an empty result.
    for (const typed of ['-', '**']) {
      await library.search.fill(typed);
      await expect(
        page.getByRole('status').filter({ hasText: /excludes nothing|Nothing to search for/ }),
      ).toBeVisible();
      await expect(
        page.getByRole('status').filter({ hasText: 'Nothing searched (see above).' }),
      ).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toHaveCount(0);
    }
  });

  test('reads a word before a colon and a space as a word, as in a pasted headline', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('Ceasefire: talks resume');
    await expect(library.results.getByRole('option')).toHaveText([/Ceasefire talks resume/]);
    await expect(library.search).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('says NEAR without a distance is searched as a word', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('negotiators NEAR capital');
    await expect(
      page.getByRole('status').filter({ hasText: 'NEAR needs a distance, as in NEAR/10' }),
    ).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toBeVisible();
    await library.search.fill('negotiators NEAR/3 capital');
    await expect(library.results.getByRole('option')).toHaveText([/Ceasefire talks resume/]);
    await expect(page.getByRole('status').filter({ hasText: 'NEAR needs' })).toHaveCount(0);
  });

  test('says word beginnings need 3 letters only when a short word is being typed', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    const found = page.getByRole('status').filter({ hasText: 'No matches' });
    await library.search.fill('-source:"Agence Test" after:2025-06');
    await expect(found).toHaveText('No matches');
    await library.search.fill('-source:"Agence Test" ha');
    await expect(found).toHaveText('No matches. Word beginnings match from 3 letters on.');
  });

  test('shows the opening of the body for a result found by its source or title', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    const hits = library.results.getByRole('option');
    await library.search.fill('source:"Agence Test"');
    await expect(hits.filter({ hasText: 'Border crossings reopen' })).toContainText(
      'Trucks queued at the border',
    );
    await expect(hits.filter({ hasText: 'Ceasefire talks resume' })).toContainText(
      'Negotiators met in the capital',
    );
    await expect(hits.filter({ hasText: 'By Agence Test' })).toHaveCount(0);
    await library.search.fill('title:festival ');
    await expect(hits).toHaveText([/Villagers gathered at the café/]);
    await expect(hits.filter({ hasText: 'By Farm Weekly' })).toHaveCount(0);
  });

  test('opens an OR result with the alternative it holds in the find bar', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('wheat OR trucks ');
    await library.results
      .getByRole('option')
      .filter({ hasText: 'Border crossings reopen' })
      .click();
    await expect(new ReaderPage(page).title).toHaveText('Border crossings reopen');
    const find = new FindBar(page);
    await expect(find.searchbox).toHaveValue('trucks');
    await expect(find.status).toHaveText('1 of 1');
  });

  test('looks for the alternative in the whole of a long article, not only its head', async ({
    launch,
  }) => {
    const folder = tempFolder('lectern-library-long-');
    // About 300 KB, sent to the window head first; "president" is only in its last paragraph.
    const filler = 'The ministry said the harvest was late this year. '.repeat(12);
    const body = [...Array.from({ length: 500 }, () => filler), 'The president spoke last.'];
    writeFileSync(
      join(folder, '001_0000000000000001.txt'),
      articleText({
        title: 'A long report',
        source: 'Wire',
        date: 'May 2, 2025',
        body: body.join('\n\n'),
      }),
    );
    const { page } = await launch({ path: folder });
    const library = new LibraryPage(page);
    await library.search.fill('minister OR president ');
    await library.results.getByRole('option').click();
    await expect(new ReaderPage(page).title).toHaveText('A long report');
    const find = new FindBar(page);
    await expect(find.searchbox).toHaveValue('president');
    await expect(find.status).toHaveText('1 of 1');
  });

  test('opens a result with the first word sought in the find bar', async ({ launch }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const library = new LibraryPage(page);
    await library.search.fill('-trucks source:"Agence Test" ceasefire');
    await library.results.getByRole('option').click();
    await expect(new ReaderPage(page).title).toHaveText('Ceasefire talks resume');
    await expect(page.getByRole('searchbox', { name: 'Find in article' })).toHaveValue('ceasefire');
  });

  test('the Search syntax popover lists the operators, closes with Escape, and passes axe', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    const button = page.getByRole('button', { name: 'Search syntax' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await button.click();
    const help = page.getByRole('dialog', { name: 'Search syntax' });
    await expect(help).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    for (const example of ['source:AFP', 'kyiv NEAR/10 ceasefire', 'after:2025-01-31', '-word']) {
      await expect(help.getByRole('row').filter({ hasText: example })).toHaveCount(1);
    }
    // Every column whole at the library's width: nothing is cut at its edge.
    expect(await help.evaluate((panel) => panel.scrollWidth - panel.clientWidth)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test('the Search syntax popover stays inside a 600 px window, and scrolls in a short one', async ({
    launch,
  }) => {
    const { page } = await launch({ path: makeLibraryFolder() });
    await page.setViewportSize({ width: 600, height: 500 });
    // A library opened at 600 px shows as a sheet over the reader.
    await expect(page.getByRole('button', { name: 'Library', exact: true })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await page.getByRole('button', { name: 'Search syntax' }).click();
    const help = page.getByRole('dialog', { name: 'Search syntax' });
    await expect(help).toBeVisible();
    const box = (await help.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(600);
    // Once laid out: the header above the box may still change as the library settles.
    await expect
      .poll(async () => {
        const now = (await help.boundingBox())!;
        return now.y + now.height;
      })
      .toBeLessThanOrEqual(500);
    // An example breaks only at its spaces, never after its hyphen or colon, and nothing is cut.
    const examples = help.getByRole('code');
    await expect(examples.filter({ hasText: /^-source:TASS$/ })).toHaveCount(1);
    const words = await examples.evaluateAll((codes) =>
      codes.flatMap((code) =>
        [...code.children].map((word) => [word.textContent, word.getClientRects().length]),
      ),
    );
    expect(words.length).toBeGreaterThan(20);
    expect(words.filter(([, lines]) => lines !== 1)).toEqual([]);
    expect(await help.evaluate((panel) => panel.scrollWidth - panel.clientWidth)).toBe(0);
    // Its last row is read by scrolling the popover, from the keyboard too, not the window.
    const last = help.getByRole('row').last();
    await help.focus();
    await page.keyboard.press('End');
    await expect(last).toBeInViewport();
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  });
});
