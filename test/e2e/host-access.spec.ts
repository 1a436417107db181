import { expect, test } from './support/lectern-app';
import { ReaderPage } from './support/reader-page';

const onlyInTheHost = (project: string) =>
  test.skip(project.startsWith('electron'), 'Electron has no browser host');
const SAMPLE_TITLE = "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region";

test.describe('who may use the browser host', () => {
  test('the printed link opens Lectern in a fresh browser, then leaves the address bar', async ({
    launch,
  }, testInfo) => {
    onlyInTheHost(testInfo.project.name);
    const { page, origin } = await launch();
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    expect(page.url()).toBe(`${origin}/`);
    // The session survives a reload: the cookie, not the link, lets the page in now.
    await page.reload();
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([
      expect.objectContaining({ httpOnly: true, sameSite: 'Strict', domain: '127.0.0.1' }),
    ]);
    // The page's script cannot read it either.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  test('another browser without the link is refused, and told where the link is', async ({
    launch,
    freshContext,
  }, testInfo) => {
    onlyInTheHost(testInfo.project.name);
    const { origin } = await launch();
    const other = await (await freshContext()).newPage();
    const response = await other.goto(`${origin!}/`);
    expect(response?.status()).toBe(403);
    await expect(
      other.getByRole('heading', { name: 'Use the link printed in the terminal' }),
    ).toBeVisible();
    await expect(other.getByRole('article')).toHaveCount(0);
    const call = await other.evaluate(async () => {
      const answer = await fetch('/api/app.start', { method: 'POST', body: '[]' });
      return answer.status;
    });
    expect(call).toBe(403);
  });

  test('the link works once: a second browser opening it is refused', async ({
    launch,
    freshContext,
  }, testInfo) => {
    onlyInTheHost(testInfo.project.name);
    const { page, link } = await launch();
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    const other = await (await freshContext()).newPage();
    expect((await other.goto(link!))?.status()).toBe(403);
    await expect(
      other.getByRole('heading', { name: 'Use the link printed in the terminal' }),
    ).toBeVisible();
  });
});
