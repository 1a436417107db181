import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, tempFolder } from './support/lectern-app';
import { DetailsPanel } from './support/details-panel';
import { LibraryPage } from './support/library-page';
import { ReaderPage } from './support/reader-page';

/** Drops a file of `megabytes` MB on the window; its bytes are made in the page, not sent over. */
async function dropLargeFile(page: Page, name: string, megabytes: number) {
  const transfer = await page.evaluateHandle(
    ({ name, size }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(size).fill(0x61)], name, { type: 'text/plain' }));
      return dt;
    },
    { name, size: megabytes * 1024 * 1024 },
  );
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

test.describe('hostile data', () => {
  test('a dropped file over the limit says it is too large, with its size and the limit', async ({
    launch,
  }) => {
    const { page } = await launch();
    const reader = new ReaderPage(page);
    await expect(reader.title).toBeVisible();
    for (const megabytes of [21, 25]) {
      await dropLargeFile(page, `huge-${megabytes}.txt`, megabytes);
      await expect(reader.alert).toContainText(
        `“huge-${megabytes}.txt” is ${megabytes}.0 MB, too large to be a saved article (the limit is 20 MB).`,
      );
    }
    // The window is still usable: an ordinary file opens after them.
    await reader.dropFile('small.txt', Buffer.from('# Small enough\n\nText.'));
    await expect(reader.title).toHaveText('Small enough');
  });

  test('the host answers an oversized upload with 413, which the page puts in words', async ({
    launch,
  }, testInfo) => {
    test.skip(testInfo.project.name.startsWith('electron'), 'Electron has no upload');
    // Encoding and sending 25 MB takes seconds on a busy machine.
    test.setTimeout(90_000);
    const { page } = await launch();
    await expect(new ReaderPage(page).title).toBeVisible();
    // Past the page's own size check, straight to the host, as a script in the page could.
    const answer = await page.evaluate(async () => {
      const api = (window as unknown as { lectern: { call(...args: unknown[]): Promise<unknown> } })
        .lectern;
      const bytes = new Uint8Array(25 * 1024 * 1024).fill(0x61);
      return api.call('reader.openBytes', { name: 'huge.txt', bytes });
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'too-large', message: 'That file is too large to open (the limit is 20 MB).' },
    });
  });

  test('text with terminal escapes, backspaces and form feeds opens, its controls shown and counted', async ({
    launch,
  }) => {
    const file = join(tempFolder('lectern-controls-'), 'bulletin.txt');
    writeFileSync(
      file,
      '# \x1b[1mBreaking\x1b[0m: floods reach the valley\n\nThe river rose \x1b[31mtwo metres\x1b[0m.\n\nN\bNO\bOT\bTE\bE: roads closed.\f\n',
    );
    const { page } = await launch({ path: file });
    const reader = new ReaderPage(page);
    await expect(reader.title).toHaveText('Breaking: floods reach the valley');
    await expect(reader.article).toContainText('The river rose two metres.');
    await expect(reader.article).toContainText('N␈NO␈OT␈TE␈E: roads closed.␌');
    const details = new DetailsPanel(page);
    await details.open();
    await expect(details.figure('Control characters')).toHaveText(
      '9, shown as symbols (␛ ␈ ␌) or removed',
    );
  });

  test('a folder of 5 000 entries named at launch is opened only after the window asks', async ({
    launch,
  }) => {
    // Writing 5 000 files takes seconds on a busy machine.
    test.setTimeout(60_000);
    const folder = tempFolder('lectern-home-');
    for (let i = 0; i < 50; i++) {
      mkdirSync(join(folder, `folder-${i}`));
      for (let j = 0; j < 99; j++) writeFileSync(join(folder, `folder-${i}`, `note-${j}.dat`), '');
    }
    writeFileSync(join(folder, 'folder-0', '001_0000000000000001.txt'), '# Only article\n\nText.');
    const { page } = await launch({ path: folder });
    const question = page.getByRole('region', { name: /^Open “lectern-home-\w+” as a library\?$/ });
    await expect(question).toContainText('5,000 or more files and folders');
    const library = new LibraryPage(page);
    await expect(library.panel).toHaveCount(0);
    await question.getByRole('button', { name: 'Open as a library' }).click();
    await expect(question).toHaveCount(0);
    await expect(library.rows).toHaveText([/Only article/]);
  });
});
