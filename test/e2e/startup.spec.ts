import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticleFile } from '../../src/main/services/article-file';
import { settleWrites } from '../../src/main/services/pending-writes';
import { RememberedStore } from '../../src/main/services/remembered-store';
import { generateArticle } from '../support/generate-articles';
import { installFirstPaintProbe, readFirstPaint } from './support/first-paint-probe';
import { expect, test, tempFolder } from './support/lectern-app';
import { DetailsPanel } from './support/details-panel';
import { ReaderPage } from './support/reader-page';

const SAMPLE_TITLE = "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region";

test.describe('start-up', () => {
  test('the first frame shows the article at the remembered place, and nothing jumps after', async ({
    launch,
  }, testInfo) => {
    const folder = tempFolder('lectern-first-paint-');
    const path = join(folder, '001_00000000000000ab.txt');
    writeFileSync(path, generateArticle(60_000, 3, 'A Long Read'));
    const section = (await loadArticleFile(path)).body.find(
      (block) =>
        block.type === 'heading' &&
        block.children.some((c) => 'text' in c && c.text === 'Section 26'),
    )!;
    // Where an earlier session left off, kept through the app's own store.
    const userData = tempFolder();
    const store = new RememberedStore(userData);
    await store.setPosition('00000000000000ab', { block: section.id, offset: 0, progress: 0.4 });
    await settleWrites();

    const { page } = await launch({
      path,
      userData,
      beforeLoad: (page) =>
        installFirstPaintProbe(page, { title: 'A Long Read', anchor: section.id }),
    });
    const paint = await readFirstPaint(page);
    if (testInfo.project.name === 'browser-host') {
      // One call brought everything the first frame shows.
      expect(paint.callsBefore).toEqual(['app.start']);
    }
    // In the frame the title first appears, Section 26 is already at the top of the view…
    expect(paint.anchorTop).not.toBeNull();
    expect(Math.abs(paint.anchorTop!)).toBeLessThan(20);
    // …and it stays there while fonts, highlights and the rest load.
    expect(paint.frames).toBeGreaterThan(5);
    expect(paint.jump).toBeLessThan(1);
    await expect(page.getByRole('heading', { name: 'Section 26' })).toBeInViewport();
    await expect(new ReaderPage(page).title).toHaveText('A Long Read');
  });

  test('a place scrolled to just before the window closes is where the next launch opens', async ({
    launch,
  }) => {
    const folder = tempFolder('lectern-close-');
    const path = join(folder, '001_00000000000000ac.txt');
    writeFileSync(path, generateArticle(60_000, 3, 'A Long Read'));
    const userData = tempFolder();
    const first = await launch({ path, userData });
    await expect(new ReaderPage(first.page).title).toHaveText('A Long Read');
    const section = first.page.getByRole('heading', { name: 'Section 26' });
    await section.evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    // Closed at once, well inside the pause after scrolling that a save waits for.
    await first.closeWindow();
    await first.close();

    const { page } = await launch({ path, userData });
    await expect(new ReaderPage(page).title).toHaveText('A Long Read');
    await expect(page.getByRole('heading', { name: 'Section 26' })).toBeInViewport();
  });

  test.describe('a damaged store is reported in the window like a damaged settings file', () => {
    for (const name of ['settings.json', 'recent.json', 'panel.json']) {
      test(name, async ({ launch }) => {
        const userData = tempFolder('lectern-damaged-');
        writeFileSync(join(userData, name), '{"version": 2, "data": {"open": tr');
        const { page } = await launch({ userData });
        await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
        await expect(page.getByRole('alert')).toHaveText(
          new RegExp(`A damaged file was set aside and started afresh: .*${name} \\(kept as `),
        );
        await page.getByRole('button', { name: 'Dismiss' }).click();
        await expect(page.getByRole('alert')).toHaveCount(0);
      });
    }

    test('the Recent list and the panel start afresh, and each file is named once', async ({
      launch,
    }) => {
      const userData = tempFolder('lectern-damaged-');
      writeFileSync(join(userData, 'recent.json'), '[[[');
      writeFileSync(join(userData, 'panel.json'), '{"version": 2, "data": {"width": 9999}}');
      const { page } = await launch({ userData });
      const reader = new ReaderPage(page);
      await expect(reader.title).toHaveText(SAMPLE_TITLE);
      await expect(page.getByRole('alert').getByText(/recent\.json/)).toHaveCount(1);
      await expect(page.getByRole('alert').getByText(/panel\.json/)).toHaveCount(1);
      await expect(new DetailsPanel(page).panel).toHaveCount(0);
      await reader.recentButton.click();
      await expect(page.getByText('No recent articles yet')).toBeVisible();
    });
  });
});
