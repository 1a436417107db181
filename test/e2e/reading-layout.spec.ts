/**
 * What a newcomer saw while reading (issue 15): the find bar and the selection toolbar never cover
 * the text they serve or the window's toolbar, the header follows the text size, one date format,
 * and the details panel's one label column and clean breaks. Checked at 1280, 800 and 600 px.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, tempFolder } from './support/lectern-app';
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
import { ReaderPage } from './support/reader-page';

const WIDTHS = [1280, 800, 600];
const SAMPLE = resolve('resources/000_e51e31a3faca41e8.txt');
const QUOTE = 'significant territorial escalation';

const toolbarOf = (page: Page) => page.getByRole('banner', { name: 'Toolbar' });
const scrollArticle = (page: Page, top: number) =>
  page.getByRole('main', { name: 'Article' }).evaluate((main, to) => (main.scrollTop = to), top);

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test('the find bar covers neither the article’s text nor the window’s toolbar', async ({
      launch,
    }) => {
      const { page } = await launch();
      await page.setViewportSize({ width, height: 800 });
      const find = new FindBar(page);
      await find.search('the');
      await expect(find.status).toHaveText(/^1 of \d+$/);
      for (const scrolled of [0, 900]) {
        await scrollArticle(page, scrolled);
        const bar = await boxOf(find.bar);
        const lines = await visibleTextLines(page);
        expect(lines.length, 'text is on screen').toBeGreaterThan(5);
        expect(covered(bar, lines), `text under the find bar, scrolled ${scrolled}`).toEqual([]);
        expect(covered(bar, [await boxOf(toolbarOf(page))])).toEqual([]);
      }
      // Every control of the bar is in the window, none cut off at a narrow width.
      for (const control of [find.searchbox, find.next, find.previous, find.close]) {
        await expect(control).toBeInViewport({ ratio: 1 });
      }
    });

    test('the selection toolbar flips below a selection near the top, inside the article', async ({
      launch,
    }) => {
      const { page } = await launch();
      await page.setViewportSize({ width, height: 800 });
      const comfort = new ComfortPage(page);
      await comfort.select(QUOTE);
      // Bring the selected line to the very top of the article's view.
      await scrollSelectionTo(page, 6);
      const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
      await expect(toolbar).toBeVisible();
      const selection = await selectionLines(page);
      await expect
        .poll(async () => (await boxOf(toolbar)).y, { message: 'placed below the selection' })
        .toBeGreaterThanOrEqual(Math.max(...selection.map((line) => line.y + line.height)));
      const box = await boxOf(toolbar);
      expect(covered(box, selection), 'selection under its toolbar').toEqual([]);
      expect(covered(box, [await boxOf(toolbarOf(page))]), 'window toolbar covered').toEqual([]);
      const article = await boxOf(page.getByRole('main', { name: 'Article' }));
      expect(box.y).toBeGreaterThanOrEqual(article.y);
      expect(box.x + box.width).toBeLessThanOrEqual(article.x + article.width);
      // Open Folder… and Recent stay reachable: the topmost element at their centres is theirs.
      for (const name of ['Open Folder…', 'Recent']) {
        const button = page.getByRole('button', { name, exact: true });
        const { x, y, width: w, height: h } = await boxOf(button);
        const hit = await page.evaluate(
          ([cx, cy]) => document.elementFromPoint(cx!, cy!)?.closest('button')?.textContent,
          [x + w / 2, y + h / 2],
        );
        expect(hit?.trim()).toBe(name);
      }
      await test.step('with room above, it sits above the selection', async () => {
        await scrollSelectionTo(page, 300);
        const top = Math.min(...(await selectionLines(page)).map((line) => line.y));
        await expect.poll(async () => (await boxOf(toolbar)).y).toBeLessThan(top - 30);
      });
    });
  });
}

test('the byline, date, caption and title keep their proportion to the text size', async ({
  launch,
}) => {
  const { page } = await launch();
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  const parts = {
    title: reader.title,
    byline: page.getByText('By AFP'),
    date: reader.article.getByText('8 June 2025'),
    caption: page
      .getByRole('figure', { name: 'Lead photo (image not saved)' })
      .locator('figcaption'),
    body: reader.article.getByText(/^Russia said Sunday/),
  };
  type Part = keyof typeof parts;
  const sizes = async () => {
    const out = {} as Record<Part, number>;
    for (const name of Object.keys(parts) as Part[]) {
      out[name] = await parts[name].evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    }
    return out;
  };
  const before = await sizes();
  await reader.article.click();
  await page.keyboard.press('Control+Equal');
  await page.keyboard.press('Control+Equal');
  await expect.poll(async () => (await sizes()).body).toBeGreaterThan(before.body * 1.15);
  const after = await sizes();
  const scale = after.body / before.body;
  for (const name of Object.keys(parts) as Part[]) {
    expect(after[name] / before[name], `${name} grows as the body does`).toBeCloseTo(scale, 2);
  }
});

test.describe('one date format, in the reader’s locale', () => {
  test('the header, the details panel, its citation and the export say the same', async ({
    launch,
  }) => {
    const { page } = await launch();
    await expect(new ReaderPage(page).title).toBeVisible();
    await expect(page.getByRole('article').locator('time')).toHaveText('8 June 2025');
    const details = new DetailsPanel(page);
    await details.open();
    await expect(details.figure('Date').locator('time')).toHaveText('8 June 2025');
    await expect(details.panel.getByText(/themoscowtimes\.com, 8 June 2025\./)).toBeVisible();
    const comfort = new ComfortPage(page);
    await comfort.select(QUOTE);
    await page.keyboard.press('h');
    await comfort.highlightsButton.click();
    const download = page.waitForEvent('download');
    await comfort.highlightsPanel.getByRole('button', { name: 'Export as Markdown…' }).click();
    expect(readFileSync((await (await download).path())!, 'utf8')).toContain(
      '*themoscowtimes.com*, 8 June 2025.',
    );
  });

  test.describe('in American English', () => {
    test.use({ locale: 'en-US' });
    test('writes the month first', async ({ launch }) => {
      const { page } = await launch();
      await expect(page.getByRole('article').locator('time')).toHaveText('June 8, 2025');
      const details = new DetailsPanel(page);
      await details.open();
      await expect(details.figure('Date').locator('time')).toHaveText('June 8, 2025');
    });
  });
});

test.describe('the details panel', () => {
  /** The sample, deep in folders with hyphens, so the Folder value wraps (each name fits a line). */
  function sampleInLongFolders(): string {
    const folder = join(tempFolder(), 'saved-articles', 'moscow-times', 'june-2025');
    mkdirSync(folder, { recursive: true });
    copyFileSync(SAMPLE, join(folder, '000_e51e31a3faca41e8.txt'));
    return join(folder, '000_e51e31a3faca41e8.txt');
  }

  /**
   * Where each line of an element's text starts, as offsets in that text; `inWide` holds those that
   * fall inside a piece as wide as the line (which may break anywhere: BreakableText).
   */
  const lineStarts = (page: Page, label: string) =>
    new DetailsPanel(page).figure(label).evaluate((value) => {
      // The pieces shown (a screen reader's whole copy beside them is not laid out).
      const dd = value.querySelector<HTMLElement>('[aria-hidden="true"]') ?? value;
      const text = dd.textContent ?? '';
      const starts: number[] = [];
      const inWide: number[] = [];
      let lastTop = -Infinity;
      let offset = 0;
      const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const piece = node.parentElement!;
        const wide = piece !== dd && piece.getBoundingClientRect().width >= value.clientWidth - 1;
        for (let i = 0; i < node.textContent!.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = range.getBoundingClientRect().top;
          if (top > lastTop + 2 && text[offset + i]!.trim()) {
            starts.push(offset + i);
            if (wide && i > 0) inWide.push(offset + i);
          }
          lastTop = Math.max(lastTop, top);
        }
        offset += node.textContent!.length;
      }
      return { text, starts, inWide };
    });

  test('Source, File and Reading use one label column', async ({ launch }) => {
    const { page } = await launch();
    const details = new DetailsPanel(page);
    await details.open();
    const labels = ['Date', 'Original', 'Name', 'Folder', 'Size', 'Words', 'Embeds removed'];
    const valueEdges = new Set<number>();
    for (const label of labels) valueEdges.add(Math.round((await boxOf(details.figure(label))).x));
    expect([...valueEdges], 'every value starts at the same x').toHaveLength(1);
  });

  test('breaks a path at its separators, and a file name after its underscore with .txt kept', async ({
    launch,
  }) => {
    const { page } = await launch({ path: sampleInLongFolders() });
    const details = new DetailsPanel(page);
    await details.open();
    const folder = await lineStarts(page, 'Folder');
    expect(folder.starts.length, 'the long folder wraps').toBeGreaterThan(1);
    // The run's temporary folder has a random name: a piece of it may be wider than the line.
    const ownFolders = folder.text.indexOf('saved-articles/');
    for (const start of folder.starts.slice(1)) {
      if (folder.inWide.includes(start) && start < ownFolders) continue;
      expect(folder.text[start - 1], `line ${folder.text.slice(start)} follows a /`).toMatch(
        /[\\/]/,
      );
    }
    /** Each line of the name after the first starts after its underscore, or inside the id when
     * the id alone is wider than the line; the extension is never a line of its own. */
    const nameLines = async () => {
      const name = await lineStarts(page, 'Name');
      for (const start of name.starts.slice(1)) {
        if (!name.inWide.includes(start)) expect(name.text[start - 1]).toBe('_');
      }
      const lines = name.starts.map((at, i) => name.text.slice(at, name.starts[i + 1]));
      expect(lines).not.toContain('.txt');
      return name.starts.length;
    };
    await nameLines();
    await test.step('in a narrow panel, the name breaks after 000_, its extension kept', async () => {
      await details.resizer.focus();
      await page.keyboard.press('Home');
      expect(await nameLines()).toBeGreaterThan(1);
    });
  });
});

for (const width of [600, 800]) {
  test(`at ${width} px the side panels show one at a time${width < 700 ? ', as sheets over the article' : ''}`, async ({
    launch,
  }) => {
    const { page } = await launch();
    await page.setViewportSize({ width, height: 800 });
    const firstParagraph = page
      .getByRole('main', { name: 'Article' })
      .getByRole('paragraph')
      .nth(1);
    const column = (await boxOf(firstParagraph)).width;
    const highlights = page.getByRole('complementary', { name: 'Highlights' });
    const highlightsButton = page.getByRole('button', { name: /^Highlights \(\d+\)$/ });
    const details = new DetailsPanel(page);

    await highlightsButton.click();
    await expect(highlights).toBeVisible();
    await details.open();
    await expect(highlights).toHaveCount(0);
    const sheet = await boxOf(details.panel);
    expect(sheet.x + sheet.width).toBe(width);
    if (width < 700) {
      // The article keeps its column under the sheet: its lines do not rewrap.
      expect((await boxOf(firstParagraph)).width).toBe(column);
    } else {
      // Beside the article, which keeps a column to read.
      const paragraph = await boxOf(firstParagraph);
      expect(paragraph.x + paragraph.width).toBeLessThanOrEqual(sheet.x);
      expect(paragraph.width).toBeGreaterThan(300);
    }

    await highlightsButton.click();
    await expect(highlights).toBeVisible();
    await expect(details.panel).toHaveCount(0);
    await expect(details.toggleButton).toHaveAttribute('aria-pressed', 'false');
  });
}
