import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, tempFolder } from './support/lectern-app';
import { articleText, LibraryPage, makeLibraryFolder } from './support/library-page';

test.describe('links out of a library', () => {
  test('a link to a private file made while the library is open is shown refused, and never searched', async ({
    launch,
  }) => {
    const folder = makeLibraryFolder();
    const outside = tempFolder('lectern-private-');
    const key = join(outside, 'id_key.md');
    writeFileSync(
      key,
      articleText({ title: 'Key', source: 'Me', date: '2025-01-01', body: 'xylofonica secret' }),
    );
    chmodSync(key, 0o600);
    const { page } = await launch({ path: folder });
    const library = new LibraryPage(page);
    await expect(library.brokenSummary).toHaveText('Couldn’t open (1)');

    symlinkSync(key, join(folder, 'notes.md'));
    await expect(library.brokenSummary).toHaveText('Couldn’t open (2)');
    await library.brokenSummary.click();
    await expect(
      library.broken.getByRole('listitem').filter({ hasText: 'notes.md' }),
    ).toContainText('links outside the library');
    await library.search.fill('xylofonica');
    await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toBeVisible();
    await expect(library.counts).toHaveText('3 articles · 2 sources');
  });
});
