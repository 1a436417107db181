import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  expect,
  test,
  tempFolder,
  type LaunchOptions,
  type LecternApp,
} from './support/lectern-app';
import { DetailsPanel } from './support/details-panel';
import { ComfortPage } from './support/comfort-page';
import { ReaderPage } from './support/reader-page';
import { seriousViolations } from './support/accessibility';

const SAMPLE_URL =
  'https://www.themoscowtimes.com/2025/06/08/russia-says-pushing-offensive-into-ukraines-dnipropetrovsk-region-a89377';

/** The sample article, its details panel open. */
async function sampleWithDetails(launch: (options?: LaunchOptions) => Promise<LecternApp>) {
  const { page } = await launch();
  await expect(new ReaderPage(page).title).toBeVisible();
  const details = new DetailsPanel(page);
  await details.open();
  return { page, details };
}

test.describe('the article details panel', () => {
  test('opens from the toolbar and from Ctrl+I, and shows the sample’s details', async ({
    launch,
  }) => {
    const { page } = await launch();
    const details = new DetailsPanel(page);
    await expect(new ReaderPage(page).title).toBeVisible();
    await expect(details.panel).toHaveCount(0);
    await details.open();
    await expect(details.toggleButton).toHaveAttribute('aria-pressed', 'true');
    await test.step('source, file and reading figures', async () => {
      await expect(details.figure('Date')).toContainText('8 June 2025');
      await expect(details.figure('Date')).toContainText(/ ago$/);
      await expect(details.figure('Original')).toContainText('themoscowtimes.com');
      await expect(details.figure('Article id')).toHaveText('e51e31a3faca41e8');
      await expect(details.figure('Line endings')).toHaveText('LF (Unix, macOS)');
      await expect(details.figure('Words')).toHaveText('702');
      await expect(details.figure('Reading time')).toHaveText('3 min at 238 words a minute');
      await expect(details.figure('Links lost')).toHaveText('4');
      await expect(details.figure('Embeds removed')).toHaveText('1');
      // Long values break between pieces on screen, but a screen reader reads each one whole.
      expect(await details.figure('Name').ariaSnapshot()).toContain('000_e51e31a3faca41e8.txt');
      expect(await details.figure('Original').ariaSnapshot()).toContain(
        'https://www.themoscowtimes.com/',
      );
    });
    await expect(details.panel).toContainText('Credit: Telegram / Dnipropetrovsk');
    await expect(details.entity('Volodymyr Zelensky')).toBeVisible();
    await page.keyboard.press('Control+i');
    await expect(details.panel).toHaveCount(0);
    await page.keyboard.press('Control+i');
    await expect(details.panel).toBeVisible();
  });

  test('the window itself never scrolls with a side panel open, wide or narrow', async ({
    launch,
  }) => {
    const { page, details } = await sampleWithDetails(launch);
    await expect(details.entity('Volodymyr Zelensky')).toBeVisible();
    const comfort = new ComfortPage(page);
    const overflow = () =>
      page.evaluate(() => {
        const root = document.scrollingElement!;
        return [root.scrollHeight - root.clientHeight, root.scrollWidth - root.clientWidth];
      });
    for (const width of [1280, 600]) {
      await page.setViewportSize({ width, height: 700 });
      await expect.poll(overflow, `details, ${width} px`).toEqual([0, 0]);
    }
    await details.toggleButton.click();
    await expect(details.panel).toHaveCount(0);
    await comfort.highlightsButton.click();
    await expect(comfort.highlightsPanel).toBeVisible();
    for (const width of [600, 1280]) {
      await page.setViewportSize({ width, height: 700 });
      await expect.poll(overflow, `highlights, ${width} px`).toEqual([0, 0]);
    }
  });

  test('Escape puts a sheet over the article away and returns to its button; beside it, it stays', async ({
    launch,
  }) => {
    const { page, details } = await sampleWithDetails(launch);
    await details.button('Copy citation').focus();
    await page.keyboard.press('Escape');
    await expect(details.panel).toBeVisible();

    await page.setViewportSize({ width: 600, height: 700 });
    await details.button('Copy citation').focus();
    await page.keyboard.press('Escape');
    await expect(details.panel).toHaveCount(0);
    await expect(details.toggleButton).toBeFocused();

    const comfort = new ComfortPage(page);
    await comfort.highlightsButton.click();
    await comfort.highlightsPanel.getByRole('button', { name: 'Close highlights' }).focus();
    await page.keyboard.press('Escape');
    await expect(comfort.highlightsPanel).toHaveCount(0);
    await expect(comfort.highlightsButton).toBeFocused();
  });

  test('a sheet over the article takes the focus, and the article under it is out of reach', async ({
    launch,
  }) => {
    const { page } = await launch();
    await page.setViewportSize({ width: 600, height: 700 });
    const details = new DetailsPanel(page);
    const original = page.getByRole('button', { name: /^Open the original/ });
    await expect(original).toBeVisible();
    await page.keyboard.press('Control+i');
    await expect(details.panel).toBeVisible();
    await expect(details.panel).toBeFocused();
    // Tab goes through the sheet, never to the article's controls under it.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      await expect(original).not.toBeFocused();
    }
    await expect(page.locator('main')).toHaveJSProperty('inert', false);
    expect(await original.evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
    await details.panel.focus();
    await page.keyboard.press('Escape');
    await expect(details.panel).toHaveCount(0);
    expect(await original.evaluate((el) => el.closest('[inert]') === null)).toBe(true);
  });

  test('resizes by keyboard and by dragging, and remembers its state', async ({ launch }) => {
    const first = await launch();
    const details = new DetailsPanel(first.page);
    await details.open();
    await expect(details.resizer).toHaveAttribute('aria-valuenow', '320');
    await details.resizer.focus();
    await first.page.keyboard.press('ArrowLeft');
    await first.page.keyboard.press('ArrowLeft');
    await expect(details.resizer).toHaveAttribute('aria-valuenow', '352');
    await first.page.keyboard.press('ArrowRight');
    await expect(details.resizer).toHaveAttribute('aria-valuenow', '336');
    const box = (await details.panel.boundingBox())!;
    expect(Math.round(box.width)).toBe(336);
    await test.step('dragging the edge to the left widens the panel', async () => {
      const handle = (await details.resizer.boundingBox())!;
      const y = handle.y + handle.height / 2;
      await first.page.mouse.move(handle.x + handle.width / 2, y);
      await first.page.mouse.down();
      await first.page.mouse.move(handle.x - 60, y, { steps: 4 });
      await first.page.mouse.up();
      const now = Number(await details.resizer.getAttribute('aria-valuenow'));
      expect(now).toBeGreaterThan(380);
    });
    const width = await details.resizer.getAttribute('aria-valuenow');
    await first.close();
    const second = await launch({ userData: first.userData });
    const again = new DetailsPanel(second.page);
    await expect(again.panel).toBeVisible();
    await expect(again.resizer).toHaveAttribute('aria-valuenow', width!);
    expect(Math.round((await again.panel.boundingBox())!.width)).toBe(Number(width));
  });

  test('clicking an entity opens the find bar with its matches highlighted', async ({ launch }) => {
    const { page } = await launch();
    const details = new DetailsPanel(page);
    await details.open();
    await details.entity('Kyiv').click();
    await expect(page.getByRole('searchbox', { name: 'Find in article' })).toHaveValue('Kyiv');
    await expect(page.getByRole('status').filter({ hasText: /of 8$/ })).toBeVisible();
    await expect(page.locator('mark.find-match, mark.find-current').first()).toBeVisible();
  });

  test('copies the citation, the Markdown citation, the URL and the metadata', async ({
    launch,
  }) => {
    const { page } = await launch();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const details = new DetailsPanel(page);
    await details.open();
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await details.button('Copy citation').click();
    await expect(details.status).toHaveText('Citation copied to the clipboard.');
    expect(await clipboard()).toBe(
      `AFP, “Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region”, themoscowtimes.com, 8 June 2025. ${SAMPLE_URL}`,
    );
    await details.button('Copy as Markdown').click();
    await expect(details.status).toHaveText('Markdown citation copied to the clipboard.');
    expect(await clipboard()).toContain(`](<${SAMPLE_URL}>), *themoscowtimes.com*`);
    await details.button('Copy address').click();
    await expect(details.status).toHaveText('Address copied to the clipboard.');
    expect(await clipboard()).toBe(SAMPLE_URL);
    await details.button('Copy metadata as JSON').click();
    await expect(details.status).toHaveText('Metadata as JSON copied to the clipboard.');
    const json = JSON.parse(await clipboard());
    expect(json.file.articleId).toBe('e51e31a3faca41e8');
    expect(json.reading.words).toBe(702);
  });

  test('opens the original in the system browser only when asked', async ({ launch }) => {
    const app = await launch();
    const details = new DetailsPanel(app.page);
    await details.open();
    await expect(details.figure('Original')).toContainText('themoscowtimes.com');
    expect(app.externalRequests).toEqual([]);
    await details.button('Open in browser').click();
    // The destination is confirmed in the same dialog every link uses.
    const dialog = app.page.getByRole('dialog', { name: 'Open this link in your browser?' });
    await expect(dialog).toContainText('www.themoscowtimes.com');
    await dialog.getByRole('button', { name: 'Open in browser' }).click();
    await expect.poll(() => app.externalRequests).toContain(SAMPLE_URL);
  });

  test('the outline scrolls the article to a subhead', async ({ launch }) => {
    const dir = tempFolder('lectern-outline-');
    const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the opening.`).join(
      '\n\n',
    );
    const path = join(dir, 'outline.txt');
    writeFileSync(path, `# Outline Test\n\n${long}\n\n## The Far Section\n\nThe end.\n`);
    const { page } = await launch({ path });
    const details = new DetailsPanel(page);
    await details.open();
    const heading = page.getByRole('heading', { name: 'The Far Section' });
    await expect(heading).not.toBeInViewport();
    await details.panel.getByRole('button', { name: 'The Far Section' }).click();
    await expect(heading).toBeInViewport();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no serious accessibility violations with the panel open, ${colorScheme}`, async ({
      launch,
    }) => {
      const { page } = await launch({ colorScheme });
      const details = new DetailsPanel(page);
      await details.open();
      await expect(details.entity('Kyiv')).toBeVisible();
      await page.screenshot({ path: `test-results/details-panel-${colorScheme}.png` });
      await details.button('Copy citation').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/details-panel-${colorScheme}-end.png` });
      expect(await seriousViolations(page), colorScheme).toEqual([]);
    });
  }
});
