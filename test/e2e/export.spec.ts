/**
 * Print, PDF and EPUB from the running app. The print view goes through Chromium's own PDF output
 * with print media (page.pdf, which fires `beforeprint` as a person's Print does); poppler's
 * pdftotext reads it back and pdftoppm renders a page to look at. The EPUB is downloaded from the
 * library panel and checked by epubcheck.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { epubcheck } from '../main/services/export/epubcheck';
import { seriousViolations } from './support/accessibility';
import { ComfortPage } from './support/comfort-page';
import { expect, tempFolder, test } from './support/lectern-app';
import { LibraryPage, makeLibraryFolder } from './support/library-page';
import { ReaderPage } from './support/reader-page';

const SAMPLE_TITLE = "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region";
const SAMPLE = join(process.cwd(), 'resources', '000_e51e31a3faca41e8.txt');
const KEPT_LINK = 'https://www.example.org/casualties-report';
const FIRST = 'significant territorial escalation';
const SECOND = 'stalled peace talks';
const NOTE = 'Talks resumed in Istanbul on June 2.';
const poppler = spawnSync('pdftotext', ['-v']).status === 0;

/** The sample, with one of its lost links given its address back so a kept link is printed. */
function sampleWithKeptLink(): string {
  const path = join(tempFolder('lectern-print-'), '000_e51e31a3faca41e8.txt');
  writeFileSync(
    path,
    readFileSync(SAMPLE, 'utf8').replace('[killed](#)', `[killed](${KEPT_LINK})`),
  );
  return path;
}

test.describe('printing', () => {
  test.skip(!poppler, 'pdftotext and pdftoppm (poppler-utils) are not installed');

  test('prints the article with its header, highlights, note and link addresses', async ({
    launch,
  }, testInfo) => {
    const { page } = await launch({ path: sampleWithKeptLink(), colorScheme: 'dark' });
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await test.step('two highlights, one with a note', async () => {
      await comfort.select(FIRST);
      await page.keyboard.press('h');
      await comfort.select(SECOND);
      await page.getByRole('button', { name: 'Add note' }).click();
      const note = comfort.highlightsPanel.getByRole('textbox', { name: 'Note' }).last();
      await expect(note).toBeFocused();
      await note.fill(NOTE);
      await note.blur();
      await comfort.highlightsPanel
        .getByRole('combobox', { name: 'Colour' })
        .last()
        .selectOption('Pink');
      await expect(comfort.highlightsButton).toHaveText('Highlights (2)');
    });

    const pdf = testInfo.outputPath('article.pdf');
    await page.emulateMedia({ media: 'print' });
    // Backgrounds off, as in a print dialog's defaults: highlights must print all the same.
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    // Addresses wrap anywhere, and pdftotext drops a hyphen it finds at a line's end.
    const squashed = text.replace(/[\s-]+/g, '');
    const squash = (address: string) => address.replace(/-/g, '');

    await test.step('the metadata header', () => {
      expect(flat).toContain(SAMPLE_TITLE);
      expect(flat).toContain('Source AFP');
      expect(flat).toContain('Date 8 June 2025');
      expect(squashed).toContain(
        squash(
          'Originalhttps://www.themoscowtimes.com/2025/06/08/russia-says-pushing-offensive-into-ukraines-dnipropetrovsk-region-a89377',
        ),
      );
      expect(flat).toContain('File 000_e51e31a3faca41e8.txt');
    });
    await test.step('the highlighted sentences, the note as an endnote, link addresses', () => {
      expect(flat).toContain(FIRST);
      expect(flat).toContain(SECOND);
      expect(flat).toContain(`Notes 1. “${SECOND}” ${NOTE}`);
      expect(squashed).toContain(squash(`killed(${KEPT_LINK})`));
      expect(flat).toContain('the saved file did not keep its address');
    });
    await test.step('page numbers, and nothing of the window around the article', () => {
      expect(flat).toMatch(/Page 1 of \d/);
      for (const label of ['Open Folder', 'Appearance', 'Highlights (2)', 'network requests']) {
        expect(flat).not.toContain(label);
      }
    });
    await test.step('one page as a picture, attached to the report', async () => {
      const png = testInfo.outputPath('page');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, png]);
      await testInfo.attach('first page', { path: `${png}-1.png`, contentType: 'image/png' });
    });
    await test.step('the print view is gone again after printing', async () => {
      await page.emulateMedia({ media: 'screen' });
      await expect(page.getByRole('article', { name: /^Print view/ })).toHaveCount(0);
    });
  });

  test('Export as PDF… in a browser says to save from the print dialog', async ({ launch }) => {
    const { page } = await launch();
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    // Headless Chromium answers window.print() at once; a person gets the dialog.
    await page.getByRole('button', { name: 'Export as PDF…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Save as PDF' })).toContainText(
      'choose “Save as PDF” as the printer',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('EPUB', () => {
  test('exports three articles chosen in the library list as an EPUB that passes epubcheck', async ({
    launch,
  }, testInfo) => {
    // epubcheck starts a Java VM: allow it its time on a busy machine.
    test.setTimeout(120_000);
    const folder = makeLibraryFolder();
    const { page } = await launch({ path: folder });
    const library = new LibraryPage(page);
    await expect(library.rows).toHaveCount(3);
    await expect(library.list).toHaveAttribute('aria-multiselectable', 'true');

    await test.step('Shift+click and Ctrl+click choose rows without opening them', async () => {
      await library.rows.nth(0).click();
      await expect(new ReaderPage(page).title).toHaveText('Ceasefire talks resume');
      await library.rows.nth(2).click({ modifiers: ['Shift'] });
      await expect(library.list.locator('[aria-selected="true"]')).toHaveCount(3);
      await library.rows.nth(1).click({ modifiers: ['ControlOrMeta'] });
      await expect(library.list.locator('[aria-selected="true"]')).toHaveCount(2);
      await expect(new ReaderPage(page).title).toHaveText('Ceasefire talks resume');
    });
    await test.step('Shift+arrows extend the selection from the keyboard', async () => {
      await library.rows.nth(0).click();
      // The click opens the article again, which takes the focus once it is shown: after that,
      // the keys go back to the list.
      await expect(page.getByRole('main', { name: 'Article' })).toBeFocused();
      await library.list.press('Shift+ArrowDown');
      await library.list.press('Shift+ArrowDown');
      await expect(library.list.locator('[aria-selected="true"]')).toHaveCount(3);
    });

    const exportButton = library.panel.getByRole('button', { name: 'Export 3 selected as EPUB…' });
    const download = page.waitForEvent('download');
    await exportButton.click();
    const file = testInfo.outputPath('library.epub');
    await (await download).saveAs(file);
    await expect(
      page.getByRole('status').filter({ hasText: 'Saved 3 articles as EPUB' }),
    ).toBeVisible();

    const nav = execFileSync('unzip', ['-p', file, 'OEBPS/toc.xhtml'], { encoding: 'utf8' });
    const titles = [...nav.matchAll(/<a href="article-\d+\.xhtml">([^<]*)</g)].map((m) => m[1]);
    expect(titles).toEqual([
      'Ceasefire talks resume',
      'Border crossings reopen',
      'Harvest festival returns',
    ]);
    const check = epubcheck();
    if (!check.available) {
      testInfo.annotations.push({ type: 'skipped', description: `epubcheck: ${check.reason}` });
      return;
    }
    const report = check.run(file);
    expect(report.output).toMatch(/Messages: 0 fatals \/ 0 errors/);
  });
});
