import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, tempFolder } from './support/lectern-app';
import { ReaderPage } from './support/reader-page';

function article(text: string): string {
  const path = join(tempFolder('lectern-links-'), '007_00000000000000ab.txt');
  writeFileSync(path, text);
  return path;
}

test('a look-alike domain is shown in punycode with a warning before anything opens', async ({
  launch,
}) => {
  const app = await launch({
    path: article('# Links\n\nSee [Apple’s site](https://\u0430pple.com/login) for details.\n'),
  });
  await app.page.getByRole('link', { name: 'Apple’s site' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Open this link in your browser?' });
  await expect(dialog).toContainText('xn--pple-43d.com');
  await expect(dialog.getByRole('note')).toContainText('non-Latin letters');
  await expect(dialog.getByRole('button', { name: 'Open in browser' })).toBeFocused();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(app.externalRequests).toEqual([]);
});

test('cancel opens nothing; confirm opens exactly the shown URL', async ({ launch }) => {
  const app = await launch({
    path: article('# Links\n\nA [report](https://example.org/report?id=7).\n'),
  });
  const link = app.page.getByRole('link', { name: 'report' });
  await link.click();
  await app.page.getByRole('button', { name: 'Cancel' }).click();
  expect(app.externalRequests).toEqual([]);
  // The focus returns to the link, after Cancel as after Escape.
  await expect(link).toBeFocused();
  await link.press('Enter');
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('dialog')).toHaveCount(0);
  await expect(link).toBeFocused();
  await link.click();
  await app.page.getByRole('button', { name: 'Open in browser' }).click();
  await expect.poll(() => app.externalRequests).toEqual(['https://example.org/report?id=7']);
});

test('bidi overrides and zero-width characters never reach link text or titles', async ({
  launch,
}) => {
  const { page } = await launch({
    path: article(
      '# Pay\u202Elapyap\u202C now\n\nBy [AFP\u200B](#)\n\nUse [pay\u202Emoc.live](https://evil.example/).\n',
    ),
  });
  await expect(new ReaderPage(page).title).toHaveText('Paylapyap now');
  await expect(page.getByRole('link', { name: 'paymoc.live' })).toBeVisible();
  const text = await page.getByRole('article').textContent();
  expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
});

test('the CSP blocks an injected inline script', async ({ launch }) => {
  const { page } = await launch();
  await expect(new ReaderPage(page).title).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.violatedDirective),
    );
    const sinkErrors: string[] = [];
    const attempt = (inject: () => void) => {
      try {
        inject();
      } catch (error) {
        sinkErrors.push(String(error));
      }
    };
    attempt(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    attempt(() => {
      const inline = document.createElement('div');
      inline.setAttribute('onclick', 'window.__injected = true');
      document.body.append(inline);
      inline.click();
    });
    attempt(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__injected=true">');
    });
    // Anything an injection queued would run by the next frame's task.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return { injected: 'injected' in window || '__injected' in window, sinkErrors, violations };
  });
  expect(outcome.injected).toBe(false);
  // Trusted Types refuse all three sinks before the CSP's script rules are even needed.
  expect(outcome.sinkErrors).toHaveLength(3);
  expect(outcome.sinkErrors.every((e) => /Trusted(Script|HTML)/.test(e))).toBe(true);
  expect(outcome.violations).toContain('require-trusted-types-for');
});

test('the status bar proves the app stayed offline after hostile files', async ({ launch }) => {
  const app = await launch({
    path: article(
      '# Trackers\n\n![pixel](https://tracker.example/p.gif)\n\n<img src="https://tracker.example/q.gif">\n\n[x](https://example.com)\n',
    ),
  });
  await expect(new ReaderPage(app.page).title).toHaveText('Trackers');
  await expect(app.page.getByRole('contentinfo', { name: 'Status bar' })).toContainText(
    'Offline · 0 network requests',
  );
  expect(app.externalRequests).toEqual([]);
});
