import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, tempFolder } from './support/lectern-app';
import { ComfortPage } from './support/comfort-page';
import { FindBar } from './support/find-bar';
import { ReaderPage } from './support/reader-page';
import { ResearchPage, writeStoredHighlights } from './support/research-page';
import { DOUBLE_CLICK_MS } from '../../src/renderer/src/highlights/highlight-clicks';

const SAMPLE_TITLE = "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region";
const QUOTE = 'significant territorial escalation';

/** A short article of two paragraphs, for highlights that change with it or cross it. */
const ARTICLE = [
  '# Harbour Works Begin',
  '',
  'The council approved the harbour plan on Tuesday after a long debate.',
  '',
  'Work on the northern breakwater starts in spring, officials said.',
  '',
].join('\n');

/** The texts the CSS Custom Highlight API currently paints, per colour. */
const painted = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights.entries()].map(([name, h]) => [
        name,
        [...h].map((range) => range.toString()),
      ]),
    ),
  );

test.describe('highlights', () => {
  test('H highlights the selection, and it is still there after a restart', async ({ launch }) => {
    const first = await launch();
    const comfort = new ComfortPage(first.page);
    await expect(new ReaderPage(first.page).title).toHaveText(SAMPLE_TITLE);
    await comfort.select(QUOTE);
    await expect(first.page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
    await first.page.keyboard.press('h');
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
    await expect.poll(() => painted(first.page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
    await test.step('the article text itself is not changed', async () => {
      await expect(first.page.locator('article mark, article span.highlight')).toHaveCount(0);
    });
    // Closing waits for the window's calls and the host's writes, as quitting does.
    await first.close();

    const second = await launch({ userData: first.userData });
    const again = new ComfortPage(second.page);
    await expect(again.highlightsButton).toHaveText('Highlights (1)');
    await expect.poll(() => painted(second.page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
    await again.highlightsButton.click();
    await expect(
      again.highlightsPanel.getByRole('button', { name: `Go to: ${QUOTE}` }),
    ).toBeVisible();
  });

  test('a note is kept as it is typed, even if the window closes in the middle', async ({
    launch,
  }) => {
    const first = await launch();
    const comfort = new ComfortPage(first.page);
    await comfort.select(QUOTE);
    await first.page.keyboard.press('h');
    await comfort.highlightsButton.click();
    const note = comfort.highlightsPanel.getByRole('textbox', { name: 'Note' });
    await note.pressSequentially('Check the map');
    await expect(note).toBeFocused();
    await first.close();

    const second = await launch({ userData: first.userData });
    const again = new ComfortPage(second.page);
    await again.highlightsButton.click();
    await expect(again.highlightsPanel.getByRole('textbox', { name: 'Note' })).toHaveValue(
      'Check the map',
    );
  });

  test('the same passage again is recoloured, not added twice; the app’s own words are not passages', async ({
    launch,
  }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
    await comfort.select(QUOTE);
    await page.keyboard.press('h');
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
    await comfort.select(QUOTE);
    await page.getByRole('button', { name: 'Highlight green' }).click();
    await expect.poll(() => painted(page)).toEqual({ 'lectern-green': [QUOTE] });
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');

    // "Saved from" and the removed embed's note are the reader's words, not the article's.
    for (const element of ['footer.original p', 'div.embed span:not([aria-hidden])']) {
      await page
        .locator(element)
        .first()
        .evaluate((node) => {
          getSelection()!.selectAllChildren(node);
        });
      await expect(toolbar).toHaveCount(0);
      await page.keyboard.press('h');
    }
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
  });

  test('from the keyboard: find the passage, Escape leaves it selected, H highlights it', async ({
    launch,
  }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(comfort.highlightsButton).toBeVisible();
    const find = new FindBar(page);
    await page.keyboard.press('Control+f');
    await find.searchbox.pressSequentially(QUOTE.toUpperCase());
    await expect(find.status).toHaveText('1 of 1');
    await page.keyboard.press('Escape');
    await expect(find.searchbox).toHaveCount(0);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(QUOTE);
    // Opening find again keeps the query; the selection it left is not taken for a new one.
    await page.keyboard.press('Control+f');
    await expect(find.searchbox).toHaveValue(QUOTE.toUpperCase());
    await expect(find.status).toHaveText('1 of 1');
    await page.keyboard.press('Escape');
    await expect(find.searchbox).toHaveCount(0);
    await page.keyboard.press('h');
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
  });

  test('a highlight from the body’s very first character is drawn', async ({ launch }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    // "Russia " starts the body's first paragraph ("Russia [said](#) Sunday…").
    await comfort.select('Russia ');
    await page.keyboard.press('h');
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': ['Russia '] });
  });

  test('a highlight made among find’s marks is drawn, and stays as they change', async ({
    launch,
  }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    const find = new FindBar(page);
    await find.search('territorial');
    await expect(find.highlights.filter({ hasText: 'territorial' })).not.toHaveCount(0);
    // The passage holds a mark, so its text is split around it; H is pressed in the article.
    await find.article.focus();
    await comfort.selectAcross('significant ', ' escalation');
    await page.keyboard.press('h');
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
    await find.searchbox.fill('territo');
    await expect(find.highlights.filter({ hasText: /^territo$/ })).not.toHaveCount(0);
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
    await find.close.click();
    await expect(page.locator('article mark')).toHaveCount(0);
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
  });

  test('a highlight stays drawn while find marks and unmarks its paragraph', async ({ launch }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await comfort.select(QUOTE);
    await page.keyboard.press('h');
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
    const find = new FindBar(page);
    await page.keyboard.press('Control+f');
    // Letter by letter: each keystroke marks the paragraph again, and takes the last marks out.
    await find.searchbox.pressSequentially('territorial');
    await expect(find.status).toContainText(/of \d+/);
    await expect(page.locator('article mark').filter({ hasText: 'territorial' })).not.toHaveCount(
      0,
    );
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
    await find.close.click();
    await expect(page.locator('article mark')).toHaveCount(0);
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [QUOTE] });
  });

  test('the selection’s toolbar is hidden while a sheet covers the article', async ({ launch }) => {
    const { page } = await launch();
    await page.setViewportSize({ width: 600, height: 800 });
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await comfort.select(QUOTE);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
    await expect(toolbar).toBeVisible();
    await page.keyboard.press('Control+i');
    await expect(page.getByRole('complementary', { name: /details/i })).toBeVisible();
    await expect(toolbar).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(toolbar).toBeVisible();
  });

  test('colour and note from the toolbar, recolour, remove and undo', async ({ launch }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await comfort.select(QUOTE);
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = comfort.highlightsPanel.getByRole('textbox', { name: 'Note' });
    await expect(note).toBeFocused();
    await note.fill('Escalation, per AFP');
    // Escape leaves the note, kept, for the article; the panel stays open beside it.
    await note.press('Escape');
    await expect(page.getByRole('main', { name: 'Article' })).toBeFocused();
    await expect(note).toHaveValue('Escalation, per AFP');
    await comfort.highlightsPanel.getByRole('combobox', { name: 'Colour' }).selectOption('Blue');
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-blue': [QUOTE] });
    // The focus stays in the panel: on Undo, then on the highlight it brought back.
    await comfort.highlightsPanel.getByRole('button', { name: 'Remove' }).press('Enter');
    await expect(comfort.highlightsButton).toHaveText('Highlights (0)');
    const undo = comfort.highlightsPanel.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeFocused();
    await undo.press('Enter');
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
    await expect(
      comfort.highlightsPanel.getByRole('button', { name: `Go to: ${QUOTE}` }),
    ).toBeFocused();
    await expect(note).toHaveValue('Escalation, per AFP');
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-blue': [QUOTE] });
  });

  test('exports highlights and notes as Markdown with a citation', async ({ launch }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await comfort.select(QUOTE);
    await page.getByRole('button', { name: 'Highlight green' }).click();
    await comfort.highlightsButton.click();
    const note = comfort.highlightsPanel.getByRole('textbox', { name: 'Note' });
    await note.fill('Check the map');
    await note.blur();
    const download = page.waitForEvent('download');
    await comfort.highlightsPanel.getByRole('button', { name: 'Export as Markdown…' }).click();
    const file = await (await download).path();
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain(`# Highlights: ${SAMPLE_TITLE}`);
    // The Markdown citation the details panel copies; the date as the header writes it (one
    // format, the reader's locale: en-GB here).
    expect(markdown).toMatch(
      /\nAFP, \[“Russia Says Pushing Offensive [^”]*”\]\(<https:\/\/www\.themoscowtimes\.com\/[^>]+>\), \*themoscowtimes\.com\*, 8 June 2025\.\n/,
    );
    expect(markdown).toContain(`> ${QUOTE}`);
    expect(markdown).toContain('**Note:** Check the map');
    await expect(comfort.highlightsPanel.getByRole('status')).toContainText('exported');

    // What the export said belongs to that article: another one opens without it.
    const reader = new ReaderPage(page);
    await reader.openThroughPicker({
      name: 'other.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('# Another Article\n\nA paragraph of its own.\n'),
    });
    await expect(reader.title).toHaveText('Another Article');
    await expect(comfort.highlightsPanel).toBeVisible();
    await expect(comfort.highlightsPanel.getByRole('status')).toHaveCount(0);
  });
});

test.describe('a click on a highlight', () => {
  test('opens the drawer at its entry; a click beside one, or a drag over one, does not', async ({
    launch,
  }) => {
    const path = join(tempFolder('lectern-click-'), '003_00000000000000cc.txt');
    writeFileSync(path, ARTICLE);
    const { page } = await launch({ path });
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText('Harbour Works Begin');
    // "harbour" is a highlight inside another: a click on it is for the shorter one.
    for (const text of ['approved the harbour plan', 'harbour', 'northern breakwater']) {
      await comfort.select(text);
      await page.keyboard.press('h');
    }
    await expect(comfort.highlightsButton).toHaveText('Highlights (3)');
    const entry = (quote: string) =>
      comfort.highlightsPanel.getByRole('button', { name: `Go to: ${quote}` });

    await test.step('a double-click on a highlighted word selects the word, as before', async () => {
      await page.mouse.dblclick(...(await comfort.pointOn('breakwater')));
      await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
      // A timer set after the first click's, as long, runs after it: the opening would be done.
      await page.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), DOUBLE_CLICK_MS);
      await expect(comfort.highlightsPanel).toBeHidden();
      expect(await page.evaluate(() => getSelection()?.toString())).toBe('breakwater');
    });
    await test.step('beside a highlight, a click only clicks', async () => {
      await page.mouse.click(...(await comfort.pointOn('long debate')));
      await expect(page.getByRole('main', { name: 'Article' })).toBeFocused();
      await expect(comfort.highlightsPanel).toBeHidden();
    });
    await test.step('a drag that ends on a highlight selects, as before', async () => {
      const [fromX, fromY] = await comfort.pointOn('The council');
      await page.mouse.move(fromX - 20, fromY);
      await page.mouse.down();
      await page.mouse.move(...(await comfort.pointOn('plan')), { steps: 5 });
      await page.mouse.up();
      await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
      await expect(comfort.highlightsPanel).toBeHidden();
    });
    await test.step('on one, its entry takes the focus, with its ring', async () => {
      await page.mouse.click(...(await comfort.pointOn('breakwater')));
      await expect(entry('northern breakwater')).toBeFocused();
      expect(await entry('northern breakwater').evaluate((b) => b.matches(':focus-visible'))).toBe(
        true,
      );
      await page.mouse.click(...(await comfort.pointOn('plan')));
      await expect(entry('approved the harbour plan')).toBeFocused();
      await page.mouse.click(...(await comfort.pointOn('harbour')));
      await expect(entry('harbour')).toBeFocused();
    });
    await test.step('where the drawer is a sheet, the same', async () => {
      await page.setViewportSize({ width: 600, height: 800 });
      await comfort.highlightsButton.click();
      await expect(comfort.highlightsPanel).toBeHidden();
      await page.mouse.click(...(await comfort.pointOn('breakwater')));
      await expect(entry('northern breakwater')).toBeFocused();
    });
  });
});

test.describe('a click on a highlight, in a long article', () => {
  test('keeps the passage in view; Escape or ✕ gives the focus back to the article', async ({
    launch,
  }) => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `Paragraph ${i + 1} tells of the harbour works, the weather and the council's plans.`,
    );
    const path = join(tempFolder('lectern-click-long-'), '004_00000000000000dd.txt');
    writeFileSync(path, ['# Harbour Diary', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'));
    const { page } = await launch({ path });
    const comfort = new ComfortPage(page);
    const article = page.getByRole('main', { name: 'Article' });
    await expect(new ReaderPage(page).title).toHaveText('Harbour Diary');
    await comfort.select('Paragraph 30 tells of the harbour works');
    await page.keyboard.press('h');
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
    // The passage at the window's bottom edge: the drawer beside the article reflows it.
    await article.evaluate((main) => {
      const line = [...main.querySelectorAll('p')].find((p) =>
        p.textContent!.startsWith('Paragraph 30'),
      )!;
      main.scrollTop +=
        line.getBoundingClientRect().bottom - main.getBoundingClientRect().bottom + 4;
    });
    await page.mouse.click(...(await comfort.pointOn('Paragraph 30 tells')));
    const entry = comfort.highlightsPanel.getByRole('button', { name: /^Go to: Paragraph 30/ });
    await expect(entry).toBeFocused();
    const inView = () =>
      article.evaluate((main) => {
        const [range] = CSS.highlights.get('lectern-yellow')!;
        const box = (range as Range).getBoundingClientRect();
        const view = main.getBoundingClientRect();
        return box.top >= view.top && box.bottom <= view.bottom;
      });
    await expect.poll(inView).toBe(true);
    await page.keyboard.press('Escape');
    await expect(article).toBeFocused();
    await expect(comfort.highlightsPanel).toBeVisible();
    await entry.focus();
    await comfort.highlightsPanel.getByRole('button', { name: 'Close highlights' }).click();
    await expect(comfort.highlightsPanel).toBeHidden();
    await expect(article).toBeFocused();
  });
});

test.describe('highlights when the article file changes', () => {
  test('re-attach after small edits and say which can no longer be placed', async ({ launch }) => {
    const path = join(tempFolder('lectern-edit-'), '002_00000000000000bb.txt');
    writeFileSync(path, ARTICLE);
    const first = await launch({ path });
    const comfort = new ComfortPage(first.page);
    await expect(new ReaderPage(first.page).title).toHaveText('Harbour Works Begin');
    for (const text of ['approved the harbour plan', 'northern breakwater']) {
      await comfort.select(text);
      await first.page.keyboard.press('h');
    }
    await expect(comfort.highlightsButton).toHaveText('Highlights (2)');
    await first.close();

    // Re-saved: a sentence added before, the first passage lightly corrected, the second gone.
    writeFileSync(
      path,
      ARTICLE.replace('The council', 'After months of delay, the city council')
        .replace('approved the harbour plan', 'approved the harbor plan')
        .replace('Work on the northern breakwater starts in spring, officials said.', 'More soon.'),
    );
    const second = await launch({ path, userData: first.userData });
    const again = new ComfortPage(second.page);
    await expect(again.highlightsButton).toHaveText('Highlights (2)');
    await expect
      .poll(() => painted(second.page))
      .toMatchObject({ 'lectern-yellow': ['approved the harbor plan'] });
    await again.highlightsButton.click();
    await expect(again.highlightsPanel.getByText('Can’t be placed')).toHaveCount(1);
    await expect(again.highlightsPanel.getByText('northern breakwater')).toBeVisible();
  });
});

test.describe('a highlight across two paragraphs', () => {
  const PASSAGE = 'after a long debate.\nWork on the northern';
  /** The quote as laid out (innerText keeps its line breaks), without the hidden "Go to:". */
  const shownText = (quote: import('@playwright/test').Locator) =>
    quote.evaluate((button) => (button as HTMLElement).innerText.replace(/^Go to:\s*/, ''));

  test('keeps its break in the panel, the export and All highlights', async ({ launch }) => {
    const folder = tempFolder('lectern-across-');
    const path = join(folder, '002_00000000000000bb.txt');
    writeFileSync(path, ARTICLE);
    const first = await launch({ path });
    const comfort = new ComfortPage(first.page);
    await expect(new ReaderPage(first.page).title).toHaveText('Harbour Works Begin');
    await comfort.selectAcross('after a long debate', 'Work on the northern');
    await first.page.keyboard.press('h');
    await comfort.highlightsButton.click();
    const quote = comfort.highlightsPanel.getByRole('button', { name: /^Go to: after a long/ });
    // As the reader saw it: a line break where the paragraph ended, not "debate.Work".
    await expect.poll(() => shownText(quote)).toBe(PASSAGE);
    const download = first.page.waitForEvent('download');
    await comfort.highlightsPanel.getByRole('button', { name: 'Export as Markdown…' }).click();
    const markdown = readFileSync(await (await download).path(), 'utf8');
    expect(markdown).toContain('> after a long debate.\n>\n> Work on the northern\n');
    await first.close();

    const second = await launch({ path: folder, userData: first.userData });
    const research = new ResearchPage(second.page);
    await research.button('All highlights').click();
    const row = research.dialog('All highlights').getByRole('option');
    await expect.poll(() => row.locator('.quote').innerText()).toBe(PASSAGE);
  });

  test('one saved before breaks were kept gets them when its article opens', async ({ launch }) => {
    const path = join(tempFolder('lectern-across-'), '002_00000000000000bb.txt');
    writeFileSync(path, ARTICLE);
    const userData = tempFolder();
    const exact = 'after a long debate.Work on the northern';
    writeStoredHighlights(userData, '00000000000000bb', 'Harbour Works Begin', [
      { id: 'h-old', exact, colour: 'yellow', created: '2025-03-01T10:00:00.000Z' },
    ]);
    const { page } = await launch({ path, userData });
    const comfort = new ComfortPage(page);
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [exact] });
    await comfort.highlightsButton.click();
    const quote = comfort.highlightsPanel.getByRole('button', { name: /^Go to: after a long/ });
    await expect.poll(() => shownText(quote)).toBe(PASSAGE);
  });
});
