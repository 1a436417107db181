import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, tempFolder } from './support/lectern-app';
import { ComfortPage } from './support/comfort-page';
import { ReaderPage } from './support/reader-page';
import { seriousViolations } from './support/accessibility';

const SAMPLE_TITLE = "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region";

test.describe('appearance', () => {
  test('theme, font and text size are kept after a restart', async ({ launch }) => {
    const first = await launch();
    const comfort = new ComfortPage(first.page);
    await expect(new ReaderPage(first.page).title).toHaveText(SAMPLE_TITLE);
    const bodyColour = () =>
      first.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightColour = await bodyColour();

    await test.step('choose dark, hyperlegible and a larger size', async () => {
      await comfort.choose('Theme', 'Dark');
      await comfort.choose('Font', 'Hyperlegible');
      await expect.poll(bodyColour).not.toBe(lightColour);
      await comfort.appearanceButton.press('Escape');
      await first.page.keyboard.press('Control+Equal');
      await first.page.keyboard.press('Control+Equal');
      // With the Appearance popover closed, the new size is still said.
      await expect(
        first.page.getByRole('status').filter({ hasText: /^Text size 121%$/ }),
      ).toBeAttached();
      await comfort.openAppearance();
      await expect(comfort.textSize).toHaveText('121%');
    });
    const size = await first.page
      .getByRole('heading', { level: 1 })
      .evaluate((h) => getComputedStyle(h.closest('article')!).fontSize);
    // Closing waits for the window's calls and the host's writes, as quitting does.
    await first.close();

    const second = await launch({ userData: first.userData });
    const again = new ComfortPage(second.page);
    await expect(new ReaderPage(second.page).title).toHaveText(SAMPLE_TITLE);
    const panel = await again.openAppearance();
    await expect(panel.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(panel.getByRole('radio', { name: 'Hyperlegible' })).toBeChecked();
    await expect(again.textSize).toHaveText('121%');
    await expect(second.page.locator('article')).toHaveCSS('font-size', size);
    await expect(second.page.locator('article')).toHaveCSS('font-family', /Atkinson Hyperlegible/);
  });

  test('a new text size, width or spacing keeps the same words at the top', async ({ launch }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    const article = page.getByRole('main', { name: 'Article' });
    /** The first words of the paragraph under the top of the article's view. */
    const atTop = () =>
      article.evaluate((main) => {
        const body = main.querySelector('.body')!.getBoundingClientRect();
        const y = main.getBoundingClientRect().top + 8;
        const block = document.elementFromPoint(body.left + 4, y)?.closest('[data-block]');
        return block?.textContent?.slice(0, 40) ?? null;
      });
    await article.evaluate((main) => main.scrollTo({ top: 1200 }));
    await expect.poll(atTop).not.toBeNull();
    const before = await atTop();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Equal');
    await expect.poll(atTop).toBe(before);
    await comfort.choose('Line width', 'Narrow');
    await expect.poll(atTop).toBe(before);
    await comfort.choose('Line spacing', 'Relaxed');
    await expect.poll(atTop).toBe(before);
  });

  test('the Appearance dialog takes the focus as it opens and gives it back on Escape', async ({
    launch,
  }) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await comfort.appearanceButton.press('Enter');
    await expect(comfort.appearance.getByRole('radio', { name: 'Same as system' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(
      comfort.appearance.getByRole('radio', { name: 'Same as system' }),
    ).not.toBeChecked();
    await page.keyboard.press('Escape');
    await expect(comfort.appearance).toHaveCount(0);
    await expect(comfort.appearanceButton).toBeFocused();
  });

  test('Ctrl+minus and Ctrl+0 make text smaller and reset it', async ({ launch }, testInfo) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await page.keyboard.press('Control+Minus');
    await comfort.openAppearance();
    await expect(comfort.textSize).toHaveText('91%');
    await page.keyboard.press('Control+Digit0');
    await expect(comfort.textSize).toHaveText('100%');
    await page.screenshot({ path: testInfo.outputPath('appearance-popover.png') });
  });

  test('looks right in all four themes, with highlights', async ({ launch }, testInfo) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    const marks = [
      ['pushing into Ukraine', 'Highlight yellow'],
      ['significant territorial escalation', 'Highlight green'],
      ['top political and military leaders', 'Highlight blue'],
      ['symbolic and strategic blow', 'Highlight pink'],
    ] as const;
    for (const [text, button] of marks) {
      await comfort.select(text);
      await page.getByRole('button', { name: button }).click();
    }
    await comfort.highlightsButton.click();
    await expect(comfort.highlightsPanel.getByRole('listitem')).toHaveCount(4);
    for (const theme of ['Same as system', 'Light', 'Dark', 'Sepia']) {
      await comfort.choose('Theme', theme);
      await expect(
        (await comfort.openAppearance()).getByRole('radio', { name: theme }),
      ).toBeChecked();
      await comfort.appearanceButton.press('Escape');
      await expect(comfort.appearance).toBeHidden();
      await page.screenshot({
        path: testInfo.outputPath(`theme-${theme.toLowerCase().replace(/ /g, '-')}.png`),
      });
    }
  });
});

test.describe('comfort controls', () => {
  for (const theme of ['Light', 'Dark', 'Sepia']) {
    test(`have no serious accessibility violations, ${theme} theme`, async ({ launch }) => {
      const { page } = await launch();
      const comfort = new ComfortPage(page);
      await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
      await comfort.select('significant territorial escalation');
      await page.keyboard.press('h');
      await comfort.highlightsButton.click();
      await comfort.choose('Theme', theme);
      await comfort.select('top political and military leaders');
      await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
      expect(await seriousViolations(page), theme).toEqual([]);
    });
  }

  test('a damaged settings file is set aside and reported, and defaults apply', async ({
    launch,
  }) => {
    const userData = tempFolder('lectern-damaged-');
    writeFileSync(join(userData, 'settings.json'), '{"version": 1, "data": {"settings": tru');
    const { page } = await launch({ userData });
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    await expect(page.getByRole('alert')).toContainText('damaged file was set aside');
    expect(readdirSync(userData).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(
      true,
    );
    const comfort = new ComfortPage(page);
    await expect(
      (await comfort.openAppearance()).getByRole('radio', { name: 'Same as system' }),
    ).toBeChecked();
    await comfort.appearanceButton.press('Escape');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('high-contrast modes', () => {
  test('more contrast darkens secondary text; forced colours keep highlights listed', async ({
    launch,
  }, testInfo) => {
    const { page } = await launch();
    const comfort = new ComfortPage(page);
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    const muted = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--muted'));
    const normal = await muted();
    await page.emulateMedia({ contrast: 'more' });
    await expect.poll(muted).not.toBe(normal);
    await comfort.select('significant territorial escalation');
    await page.keyboard.press('h');
    await page.emulateMedia({ forcedColors: 'active', contrast: 'more' });
    await comfort.highlightsButton.click();
    await expect(comfort.highlightsPanel.getByRole('listitem')).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('forced-colours.png') });
  });
});

test.describe('when settings cannot be saved', () => {
  test('the window says so and keeps the change for this session', async ({ launch }) => {
    const app = await launch();
    const comfort = new ComfortPage(app.page);
    await expect(new ReaderPage(app.page).title).toHaveText(SAMPLE_TITLE);
    // The folder disappears and a plain file takes its place: every write now fails.
    rmSync(app.userData, { recursive: true, force: true });
    writeFileSync(app.userData, '');
    await comfort.choose('Theme', 'Sepia');
    await expect(app.page.getByRole('alert')).toContainText('Your changes are kept');
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  });
});
