/**
 * A row's own actions in every list (issue 16 review): marking from search results as from the
 * Articles list, M beside type-ahead, choosing a name from the People and places filter, and
 * copies told apart by their files.
 */
import { expect, test } from './support/lectern-app';
import { LibraryPage } from './support/library-page';
import { makeResearchFolder, ResearchPage } from './support/research-page';

test('marks a search result read or unread with M, Shift+F10, the Menu key or a right click', async ({
  launch,
}) => {
  const { page } = await launch({ path: makeResearchFolder() });
  const library = new LibraryPage(page);
  const research = new ResearchPage(page);
  await library.search.fill('odesa');
  const result = library.results.getByRole('option').filter({ hasText: 'Harvest in Odesa' });
  await expect(library.results.getByRole('option')).toHaveCount(1);
  await expect(result).toContainText('Unread');
  await library.search.press('ArrowDown');
  await expect(library.results).toBeFocused();

  await test.step('M', async () => {
    await page.keyboard.press('m');
    await expect(result).toContainText('Finished');
    await expect(page.getByRole('status').filter({ hasText: 'marked read' })).toHaveText(
      '“Harvest in Odesa” marked read.',
    );
  });
  await test.step('Shift+F10', async () => {
    await page.keyboard.press('Shift+F10');
    await expect(research.menu.getByRole('menuitem')).toHaveText(['Mark as unread']);
    await page.keyboard.press('Enter');
    await expect(result).toContainText('Unread');
    await expect(research.menu).toHaveCount(0);
    await expect(library.results).toBeFocused();
  });
  await test.step('the Menu key', async () => {
    await page.keyboard.press('ContextMenu');
    await expect(research.menu.getByRole('menuitem')).toHaveText(['Mark as read']);
    await page.keyboard.press('Escape');
    await expect(research.menu).toHaveCount(0);
  });
  await test.step('a right click', async () => {
    await result.click({ button: 'right' });
    await research.menu.getByRole('menuitem', { name: 'Mark as read' }).click();
    await expect(result).toContainText('Finished');
  });
});
