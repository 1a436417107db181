import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, tempFolder } from './support/lectern-app';
import { ReaderPage } from './support/reader-page';
import { seriousViolations } from './support/accessibility';

const SAMPLE_TITLE = "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region";
const fixtures = join(process.cwd(), 'test', 'fixtures', 'articles');

function tempFile(name: string, content: string | Buffer): string {
  const dir = tempFolder('lectern-article-');
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test.describe('the sample article', () => {
  test('opens with every part of the format visible', async ({ launch }) => {
    const { page } = await launch();
    const reader = new ReaderPage(page);
    await expect(reader.title).toHaveText(SAMPLE_TITLE);
    await expect(page).toHaveTitle(`${SAMPLE_TITLE} — Lectern`);
    await test.step('byline and human date under the title', async () => {
      await expect(page.getByText('By AFP')).toBeVisible();
      await expect(page.locator('time[datetime="2025-06-08"]')).toHaveText('8 June 2025');
    });
    await test.step('the lead caption is a figure with its credit', async () => {
      const figure = page.getByRole('figure', { name: 'Lead photo (image not saved)' });
      await expect(figure).toContainText('reached the western border');
      await expect(figure).toContainText(
        'Photo: Telegram / Dnipropetrovsk Regional Military Administration head Serhii Lysak',
      );
    });
    await test.step('lost links are emphasised text, never href="#"', async () => {
      await expect(page.locator('a[href="#"]')).toHaveCount(0);
      const lost = page.locator('em.lost', { hasText: 'said' }).first();
      await expect(lost).toHaveAttribute('title', /not saved/);
      await expect(lost).toHaveAccessibleDescription(
        'The link’s target was not saved with the article',
      );
    });
    await test.step('the removed embed is a quiet card', async () => {
      await expect(page.getByRole('note', { name: 'Removed embed' })).toBeVisible();
    });
    await test.step('the original URL is a button at the end', async () => {
      await expect(
        page.getByRole('button', { name: 'Open the original on themoscowtimes.com' }),
      ).toBeVisible();
    });
    await expect(reader.article.getByText('Original url:')).toHaveCount(0);
  });

  test('the original URL opens only when clicked, in the system browser', async ({ launch }) => {
    const app = await launch();
    const button = app.page.getByRole('button', {
      name: 'Open the original on themoscowtimes.com',
    });
    await expect(button).toBeVisible();
    expect(app.externalRequests).toEqual([]);
    await button.click();
    const dialog = app.page.getByRole('dialog', { name: 'Open this link in your browser?' });
    await expect(dialog).toContainText('www.themoscowtimes.com');
    expect(app.externalRequests).toEqual([]);
    await dialog.getByRole('button', { name: 'Open in browser' }).click();
    // The browser host's "system browser" is a new tab; the test's network guard records and blocks it.
    await expect
      .poll(() => app.externalRequests)
      .toContain(
        'https://www.themoscowtimes.com/2025/06/08/russia-says-pushing-offensive-into-ukraines-dnipropetrovsk-region-a89377',
      );
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no serious accessibility violations, ${colorScheme}`, async ({ launch }) => {
      const { page } = await launch({ colorScheme });
      await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
      expect(await seriousViolations(page), colorScheme).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/sample-${colorScheme}.png` });
    });
  }
});

test.describe('the keyboard in the article', () => {
  test('Tab from the article goes to what is in view, never far down the text', async ({
    launch,
  }) => {
    const { page } = await launch();
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    const article = page.getByRole('main', { name: 'Article' });
    await expect(article).toBeFocused();
    // Nothing to press in view at the top: the focus leaves the article, which stays put.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Open…' })).toBeFocused();
    expect(await article.evaluate((main) => main.scrollTop)).toBe(0);
    // At the end, the footer's button is in view: Tab goes to it.
    await article.evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    await article.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: /Open the original/ })).toBeFocused();
  });
});

test.describe('opening files', () => {
  test('a path on the command line, with several bylines and a subhead', async ({ launch }) => {
    const { page } = await launch({ path: join(fixtures, 'several-bylines.txt') });
    await expect(new ReaderPage(page).title).toHaveText('Talks Resume in Geneva');
    await expect(page.getByText('By Jane Doe and Reuters')).toBeVisible();
    await expect(page.getByText('Updated')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'What was agreed' })).toBeVisible();
    await expect(page.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('link', { name: 'third round' })).toHaveAttribute(
      'href',
      'https://example.org/talks',
    );
  });

  test('a header written line under line, as the README shows the format', async ({ launch }) => {
    const path = tempFile(
      'line-under-line.txt',
      '# Date test\nBy [Jane Doe](#)\nJune 08, 2025\nLead photo caption ending in a **bold credit**\nBody paragraph.\n',
    );
    const { page } = await launch({ path });
    await expect(new ReaderPage(page).title).toHaveText('Date test');
    await expect(page.getByText('By Jane Doe')).toBeVisible();
    await expect(page.locator('time[datetime="2025-06-08"]')).toBeVisible();
    await expect(page.getByRole('figure')).toContainText('Lead photo caption ending in a');
    await expect(page.getByRole('figure')).toContainText('bold credit');
    await expect(page.getByText('Body paragraph.')).toBeVisible();
  });

  test('a link to javascript: or file: shows as a link that is never opened', async ({
    launch,
  }) => {
    const path = tempFile(
      'odd-links.txt',
      '# Odd links\n\nA link to [the script](javascript:alert(1)) and [a file](file:///etc/passwd).\n',
    );
    const { page } = await launch({ path });
    const paragraph = page.getByText('A link to the script and a file.');
    await expect(paragraph).toBeVisible();
    await expect(paragraph).not.toContainText('](');
    await expect(page.locator('[title="Not opened: javascript:alert(1)"]')).toHaveText(
      'the script',
    );
    await expect(page.getByRole('link')).toHaveCount(0);
  });

  test('the Open button and its file picker', async ({ launch }) => {
    const { page } = await launch();
    const reader = new ReaderPage(page);
    await expect(reader.title).toHaveText(SAMPLE_TITLE);
    await reader.openThroughPicker(join(fixtures, 'several-bylines.txt'));
    await expect(reader.title).toHaveText('Talks Resume in Geneva');
    await expect(page).toHaveTitle('Talks Resume in Geneva — Lectern');
  });

  test('Ctrl+O opens the picker too', async ({ launch }) => {
    const { page } = await launch();
    // Playwright turns on file-chooser interception without waiting for it; listening before the
    // page's first check means it is certainly on by the time the key is pressed.
    const chooser = page.waitForEvent('filechooser', { timeout: 20_000 });
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    // A reader has usually clicked in the page first; Chromium opens a file picker only after a
    // user activation, and does not always count a shortcut key alone as one.
    await page.getByRole('main', { name: 'Article' }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles(join(fixtures, 'no-structure.txt'));
    await expect(new ReaderPage(page).title).toHaveText('Just some notes without any structure');
  });

  test('a picker the browser would block says why instead of doing nothing', async ({
    launch,
  }, testInfo) => {
    test.skip(testInfo.project.name.startsWith('electron'), 'Electron shows a native dialog');
    const { page } = await launch();
    await expect(new ReaderPage(page).title).toHaveText(SAMPLE_TITLE);
    // A fresh document has had no click or key press. Playwright's own checks and evaluations
    // count as gestures, so the call goes through the DevTools protocol, with none.
    await page.reload({ waitUntil: 'load' });
    const cdp = await page.context().newCDPSession(page);
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'window.lectern.openWithPicker()',
      awaitPromise: true,
      returnByValue: true,
      userGesture: false,
    });
    expect(result.value).toMatchObject({ ok: false, error: { message: /right after a click/ } });
  });

  test('a file dropped on the window', async ({ launch }) => {
    const { page } = await launch();
    const reader = new ReaderPage(page);
    await expect(reader.title).toHaveText(SAMPLE_TITLE);
    await reader.dropFile(
      '001_0123456789abcdef.txt',
      readFileSync(join(fixtures, 'several-bylines.txt')),
    );
    await expect(reader.title).toHaveText('Talks Resume in Geneva');
  });

  test('Open Recent lists what was opened before, across restarts', async ({ launch }) => {
    const userData = tempFolder('lectern-recent-');
    const first = await launch({ path: join(fixtures, 'several-bylines.txt'), userData });
    await expect(new ReaderPage(first.page).title).toHaveText('Talks Resume in Geneva');
    await first.close();
    const second = await launch({ path: join(fixtures, 'no-structure.txt'), userData });
    const reader = new ReaderPage(second.page);
    await expect(reader.title).toHaveText('Just some notes without any structure');
    await reader.recentButton.click();
    const list = second.page.getByRole('list', { name: 'Recent articles' });
    await list.getByRole('button', { name: 'Talks Resume in Geneva' }).click();
    await expect(reader.title).toHaveText('Talks Resume in Geneva');
  });
});

test.describe('bad input gets a clear message and the app stays usable', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['a missing file', () => join(tmpdir(), 'lectern-no-such-file.txt'), /could not be found/],
    ['an empty file', () => tempFile('empty.txt', ''), /is empty/],
    [
      'a PNG renamed .txt',
      () => tempFile('photo.txt', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
      /“photo.txt” is a PNG image, not a text article/,
    ],
    [
      'a file over the size limit',
      () => {
        const path = tempFile('huge.txt', '');
        writeFileSync(path, Buffer.alloc(21 * 1024 * 1024, 0x61));
        return path;
      },
      /too large to be a saved article/,
    ],
  ];
  for (const [name, make, message] of cases) {
    test(name, async ({ launch }) => {
      const { page } = await launch({ path: make() });
      const reader = new ReaderPage(page);
      await expect(reader.alert).toContainText(message);
      await reader.openThroughPicker(join(fixtures, 'several-bylines.txt'));
      await expect(reader.title).toHaveText('Talks Resume in Geneva');
      await expect(reader.alert).toHaveCount(0);
    });
  }

  test('a bad file opened over a good one keeps the article and says why', async ({ launch }) => {
    const { page } = await launch();
    const reader = new ReaderPage(page);
    await expect(reader.title).toHaveText(SAMPLE_TITLE);
    await reader.openThroughPicker({
      name: 'blank.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('   \n\n'),
    });
    await expect(reader.alert).toContainText('holds only blank space');
    await expect(reader.title).toHaveText(SAMPLE_TITLE);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(reader.alert).toHaveCount(0);
  });

  test('the reason shows however far down the article is read', async ({ launch }) => {
    const { page } = await launch();
    const reader = new ReaderPage(page);
    await expect(reader.title).toHaveText(SAMPLE_TITLE);
    const article = page.getByRole('main', { name: 'Article' });
    await article.evaluate((main) => main.scrollTo({ top: main.scrollHeight }));
    await expect(reader.title).not.toBeInViewport();
    await reader.openThroughPicker({
      name: 'photo.png.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    });
    await expect(reader.alert).toContainText('“photo.png.txt” is a PNG image');
    await expect(reader.alert).toBeInViewport();
    // The place in the article is kept under it.
    await expect(reader.title).not.toBeInViewport();
  });
});

test.describe('encodings and scripts', () => {
  test('Windows-1252 with CRLF line endings', async ({ launch }) => {
    const text =
      '# Café crème à l’Élysée\r\n\r\nBy [Le Monde](#)\r\n\r\nLe président a dit « déjà vu ».\r\n';
    const bytes = Buffer.from(text.replace('’', "'"), 'latin1');
    const { page } = await launch({ path: tempFile('002_00000000000000aa.txt', bytes) });
    await expect(new ReaderPage(page).title).toHaveText("Café crème à l'Élysée");
    await expect(page.getByText('Le président a dit « déjà vu ».')).toBeVisible();
  });

  test('UTF-16 with a BOM', async ({ launch }) => {
    const text = '\ufeff# Заголовок статьи\n\nТекст статьи на русском языке.\n';
    const { page } = await launch({
      path: tempFile('003_00000000000000bb.txt', Buffer.from(text, 'utf16le')),
    });
    await expect(new ReaderPage(page).title).toHaveText('Заголовок статьи');
  });

  test('right-to-left and CJK paragraphs get their own direction', async ({ launch }) => {
    const text = '# مقال تجريبي\n\nهذه فقرة باللغة العربية.\n\n这是一个中文段落。\n';
    const { page } = await launch({ path: tempFile('004_00000000000000cc.txt', text) });
    await expect(new ReaderPage(page).title).toHaveText('مقال تجريبي');
    const arabic = page.getByText('هذه فقرة باللغة العربية.');
    await expect(arabic).toHaveAttribute('dir', 'auto');
    expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(
      await page.getByText('这是一个中文段落。').evaluate((el) => getComputedStyle(el).direction),
    ).toBe('ltr');
  });
});

test.describe('the lead photo caption', () => {
  test('in Arabic: its rule stands on the right, and its own credit label is not doubled', async ({
    launch,
  }) => {
    const text = [
      '# مقال تجريبي',
      '',
      'By [رويترز](#)',
      '',
      'June 08, 2025',
      '',
      'متظاهرون في وسط المدينة يوم الأحد. **الصورة: رويترز**',
      '',
      'هذه فقرة باللغة العربية.',
      '',
    ].join('\n');
    const { page } = await launch({ path: tempFile('005_00000000000000dd.txt', text) });
    const figure = page.getByRole('figure', { name: 'Lead photo (image not saved)' });
    await expect(figure).toContainText('الصورة: رويترز');
    await expect(figure).not.toContainText('Photo');
    const rule = await figure.evaluate((el) => {
      const style = getComputedStyle(el);
      return { left: style.borderLeftWidth, right: style.borderRightWidth };
    });
    expect(rule).toEqual({ left: '0px', right: '3px' });
  });

  test('its credit keeps its capitals', async ({ launch }) => {
    const { page } = await launch();
    const credit = page.getByRole('figure').getByText(/Serhii Lysak/);
    await expect(credit).toBeVisible();
    expect(await credit.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/Serhii Lysak$/);
  });
});

test.describe('hostile and heavy files', () => {
  test('raw HTML and script links stay text and nothing runs or loads', async ({ launch }) => {
    const text = [
      '# Hostile <script>window.__pwned = 1</script>',
      '<img src="https://tracker.example/pixel.gif" onerror="window.__pwned = 2">',
      '[click](javascript:window.__pwned=3) and [data](data:text/html,<script>1</script>)',
      '<iframe src="https://evil.example/"></iframe><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    ].join('\n\n');
    const app = await launch({ path: tempFile('005_00000000000000dd.txt', text) });
    const reader = new ReaderPage(app.page);
    await expect(reader.title).toContainText('<script>');
    await expect(
      app.page.getByText('<img src="https://tracker.example/pixel.gif"', { exact: false }),
    ).toBeVisible();
    await app.page.getByText('click').click();
    expect(await app.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(
      app.page.locator('article img, article iframe, article script, article meta'),
    ).toHaveCount(0);
    expect(app.externalRequests).toEqual([]);
  });
});
