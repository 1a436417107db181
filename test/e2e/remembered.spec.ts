import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateArticle } from '../support/generate-articles';
import { expect, test, tempFolder } from './support/lectern-app';
import { ComfortPage } from './support/comfort-page';
import { ReaderPage } from './support/reader-page';

function longArticle(): string {
  const dir = tempFolder('lectern-long-');
  const path = join(dir, '001_00000000000000aa.txt');
  writeFileSync(path, generateArticle(60_000, 3, 'A Long Read'));
  return path;
}

/** Where the heading sits relative to the top of the article's scrolling area, in pixels. */
const offsetFromTop = (page: Page, name: string) =>
  page.getByRole('heading', { name }).evaluate((heading) => {
    const main = heading.closest('main')!;
    return heading.getBoundingClientRect().top - main.getBoundingClientRect().top;
  });

test.describe('remembered state', () => {
  test('reopens the last article at the same text, even in a smaller window', async ({
    launch,
  }) => {
    const first = await launch({ path: longArticle() });
    await expect(new ReaderPage(first.page).title).toHaveText('A Long Read');
    const comfort = new ComfortPage(first.page);
    await expect(comfort.progress).toHaveJSProperty('value', 0);
    const heading = first.page.getByRole('heading', { name: 'Section 26' });
    // Fonts arriving after the jump would move the text (by 60–70 px under load), and the app
    // would rightly save where the text then is: let the page lay out and load them first.
    await first.page.evaluate(async () => {
      void document.body.offsetHeight;
      await document.fonts.ready;
    });
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect
      .poll(() => comfort.progress.evaluate((p: HTMLProgressElement) => p.value))
      .toBeGreaterThan(10);
    // The position is sent a moment after scrolling stops: wait for this scroll's, not the one
    // sent at the top when the article opened. Closing then waits for the host's writes.
    const sentProgress = async () =>
      Math.max(
        0,
        ...(await first.answeredCalls('position.set')).map(
          ([, position]) => (position as { progress: number }).progress,
        ),
      );
    await expect.poll(sentProgress).toBeGreaterThan(0.1);
    await first.close();

    const second = await launch({ userData: first.userData });
    await expect(new ReaderPage(second.page).title).toHaveText('A Long Read');
    await expect.poll(() => offsetFromTop(second.page, 'Section 26')).toBeLessThan(40);
    await expect.poll(() => offsetFromTop(second.page, 'Section 26')).toBeGreaterThan(-40);

    await test.step('a narrower window reflows the text but keeps the place', async () => {
      await second.page.setViewportSize({ width: 700, height: 600 });
      await second.page.reload();
      await expect(new ReaderPage(second.page).title).toHaveText('A Long Read');
      await expect.poll(() => offsetFromTop(second.page, 'Section 26')).toBeLessThan(40);
      await expect.poll(() => offsetFromTop(second.page, 'Section 26')).toBeGreaterThan(-40);
    });
  });

  test('the opened article is in the Recent list after a restart', async ({ launch }) => {
    const first = await launch({ path: longArticle() });
    await expect(new ReaderPage(first.page).title).toHaveText('A Long Read');
    await first.close();
    const second = await launch({ userData: first.userData });
    const reader = new ReaderPage(second.page);
    // The reopened article takes focus when it arrives; open the menu after that.
    await expect(reader.title).toHaveText('A Long Read');
    await reader.recentButton.click();
    await expect(second.page.getByRole('button', { name: 'A Long Read' })).toBeVisible();
  });
});
