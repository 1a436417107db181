import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from '../support/generate-articles';
import { animationFrames } from './support/animation-frames';
import { FindBar } from './support/find-bar';
import {
  expect,
  test,
  tempFolder,
  type LaunchOptions,
  type LecternApp,
} from './support/lectern-app';
import { ReaderPage } from './support/reader-page';
import { seriousViolations } from './support/accessibility';

function tempArticle(name: string, content: string): string {
  const path = join(tempFolder('lectern-find-'), name);
  writeFileSync(path, content);
  return path;
}

const FRENCH = `# Macron reçoit Zelensky à l’Élysée

By [Le Monde](#)

June 08, 2025

Le président à l’Élysée, mardi. **Photo\u00a0: AFP**

« Nous ne céderons pas\u00a0», a déclaré M.\u00a0Macron – au terme d’une réunion ﬁnale de deux heures.

Le café de la place Beauvau est resté ouvert jusqu’à minuit : « C’est un moment historique ».

Les négociations à Dnipró reprendront la semaine prochaine — selon l’ÉLYSÉE.

Au menu : smørrebrød, puis une promenade Straße des 17. Juni.
`;

/** An article with "zebrafinch" in its first and last paragraphs, 300 paragraphs apart. */
const FAR_APART = `# Far apart\n\nA zebrafinch at the start.\n\n${Array.from(
  { length: 300 },
  (_, i) => `Paragraph ${i} of the middle, with words to pass on the way down. `.repeat(4),
).join('\n\n')}\n\nA zebrafinch at the end.\n`;

/** Opens FAR_APART and searches "zebrafinch": the view is at the first of its two matches. */
async function searchFarApart(launch: (options?: LaunchOptions) => Promise<LecternApp>) {
  const { page } = await launch({ path: tempArticle('far-apart.txt', FAR_APART) });
  const find = new FindBar(page);
  await find.search('zebrafinch');
  await expect(find.status).toHaveText('1 of 2');
  return { page, find };
}

test.describe('find in the sample article', () => {
  test('Ctrl+F opens the bar with focus in the search box, and counts as you type', async ({
    launch,
  }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await expect(new ReaderPage(page).title).toBeVisible();
    await expect(await find.open()).toBeFocused();
    await test.step('each keystroke updates the count', async () => {
      await find.searchbox.pressSequentially('mosc');
      await expect(find.status).toHaveText('1 of 5');
      await find.searchbox.press('o');
      await expect(find.status).toHaveText('1 of 5');
      await find.searchbox.press('x');
      await expect(find.status).toHaveText('No results');
      await expect(find.highlights).toHaveCount(0);
    });
    await test.step('a phrase with spaces is one match', async () => {
      await find.searchbox.fill('peace talks');
      await expect(find.status).toHaveText('1 of 1');
      await expect(find.currentHighlight).toHaveText('peace talks');
    });
  });

  test('matches in the title, byline, caption and body all count, in reading order', async ({
    launch,
  }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('dnipropetrovsk');
    await expect(find.status).toHaveText('1 of 9');
    await expect(page.getByRole('heading', { level: 1 }).locator('mark.find-current')).toHaveText(
      'Dnipropetrovsk',
    );
    await expect(
      page.getByRole('figure', { name: 'Lead photo (image not saved)' }).locator('mark'),
    ).toHaveCount(2);
    await find.searchbox.fill('afp');
    await expect(find.status).toHaveText('1 of 4');
    await expect(page.getByText('By AFP').locator('mark')).toHaveText('AFP');
  });

  test('ignores accents and typographic differences by default', async ({ launch }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('Russia’s');
    await expect(find.status).toHaveText('1 of 5');
    await find.searchbox.fill('"reached');
    await expect(find.status).toHaveText('1 of 2');
    await expect(find.highlights).toHaveText(['"reached', '“reached']);
    await find.searchbox.fill('regions - donetsk');
    await expect(find.status).toHaveText('1 of 1');
    await expect(find.currentHighlight).toHaveText('regions — Donetsk');
    await find.searchbox.fill('dnipró');
    // Counting starts from the match nearest the view, which moved to the previous match.
    await expect(find.status).toHaveText(/^\d+ of 12$/);
  });

  test('Enter, F3 and the arrow buttons move between matches and wrap', async ({ launch }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('moscow');
    await expect(find.status).toHaveText('1 of 5');
    await find.searchbox.press('Enter');
    await expect(find.status).toHaveText('2 of 5');
    await find.searchbox.press('F3');
    await expect(find.status).toHaveText('3 of 5');
    await find.next.click();
    await expect(find.status).toHaveText('4 of 5');
    await find.next.click();
    await expect(find.status).toHaveText('5 of 5');
    await find.next.click();
    await expect(find.status).toHaveText('1 of 5');
    await find.searchbox.press('Shift+Enter');
    await expect(find.status).toHaveText('5 of 5');
    await find.searchbox.press('Shift+F3');
    await expect(find.status).toHaveText('4 of 5');
    await find.previous.click();
    await expect(find.status).toHaveText('3 of 5');
    await expect(find.currentHighlight).toHaveCount(1);
    await expect(find.currentHighlight).toBeInViewport();
  });

  test('with reduced motion the jump to a match is immediate', async ({ launch }) => {
    const { page } = await launch();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const find = new FindBar(page);
    await find.search('moscow');
    await expect(find.status).toHaveText('1 of 5');
    await find.searchbox.press('Shift+Enter');
    await expect(find.status).toHaveText('5 of 5');
    // Read in the task that marks the match (mark.js may still be loading when the count shows):
    // a smooth scroll would then still be on its way (this fails without reduce).
    const inView = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const measure = (): boolean => {
            const mark = document.querySelector('mark.find-current');
            if (!mark) return false;
            const box = mark.getBoundingClientRect();
            const view = document.querySelector('main')!.getBoundingClientRect();
            resolve(box.top >= view.top && box.bottom <= view.bottom);
            return true;
          };
          if (measure()) return;
          const observer = new MutationObserver(() => measure() && observer.disconnect());
          observer.observe(document.body, {
            subtree: true,
            attributeFilter: ['class'],
            childList: true,
          });
        }),
    );
    expect(inView).toBe(true);
  });

  test('stepping to a match many screens away jumps there, rather than gliding all the way', async ({
    launch,
  }) => {
    const { page, find } = await searchFarApart(launch);
    await find.article.evaluate((main) => {
      const moves: number[] = [];
      (window as unknown as { moves: number[] }).moves = moves;
      main.addEventListener('scroll', () => moves.push(main.scrollTop));
    });
    await find.searchbox.press('Enter');
    await expect(find.status).toHaveText('2 of 2');
    await expect(find.currentHighlight).toBeInViewport({ ratio: 1 });
    // A glide passes through the article a frame at a time; a jump lands at once (then the aim is
    // checked, and corrected if the chunks around it were taller or shorter than guessed).
    const moves = await page.evaluate(() => (window as unknown as { moves: number[] }).moves);
    // (A glide here is some 80 scroll events, overshooting by 600 px; a jump 1–3.)
    expect(moves.length).toBeLessThanOrEqual(6);
  });

  test('a step after choosing the current match on the rail stays where it went', async ({
    launch,
  }) => {
    const { page, find } = await searchFarApart(launch);
    // The view is already there: nothing moves, and nothing is left waiting to move it back.
    await find.rail.getByRole('button', { name: 'Match 1 of 2' }).click();
    await find.searchbox.press('Enter');
    await expect(find.status).toHaveText('2 of 2');
    await expect(find.currentHighlight).toBeInViewport({ ratio: 1 });
    // The jump's own checks come two frames after it ends; a few frames on, it is still there.
    await animationFrames(page, 8);
    await expect(find.currentHighlight).toBeInViewport({ ratio: 1 });
  });

  test('the current match stands out in forced colours, and every match inside a highlight', async ({
    launch,
  }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('moscow');
    await expect(find.status).toHaveText('1 of 5');
    // Matches just off screen are marked when the page is next idle.
    await expect(find.highlights.and(page.locator(':not(.find-current)')).first()).toBeAttached();
    const looks = () =>
      page.evaluate(() => {
        const style = (selector: string) => {
          const { backgroundColor, outlineStyle, outlineWidth } = getComputedStyle(
            document.querySelector(selector)!,
          );
          return { backgroundColor, outline: `${outlineStyle} ${outlineWidth}` };
        };
        return {
          current: style('mark.find-current'),
          other: style('mark.find-match:not(.find-current)'),
        };
      });
    // A reader's highlight paints over a mark's background: the ring is what stays visible.
    expect((await looks()).other.outline).toBe('solid 1px');
    await page.emulateMedia({ forcedColors: 'active' });
    const forced = await looks();
    expect(forced.current.backgroundColor).not.toBe(forced.other.backgroundColor);
    expect(forced.current.outline).toBe('solid 2px');
  });

  test('the first match is brought wholly into view when its paragraph is cut off', async ({
    launch,
  }) => {
    const { page } = await launch();
    await page.setViewportSize({ width: 1280, height: 800 });
    const find = new FindBar(page);
    /** Whether the current match lies wholly inside the article's scrolling area. */
    const wholeInView = () =>
      page.evaluate(() => {
        const mark = document.querySelector('mark.find-current')?.getBoundingClientRect();
        const view = document.querySelector('main')!.getBoundingClientRect();
        return !!mark && mark.top >= view.top && mark.bottom <= view.bottom;
      });
    // In this window "settlement" lies below the article's bottom edge, "kyiv" half under it,
    // each in a paragraph that begins on screen.
    for (const word of ['settlement', 'kyiv']) {
      await page.locator('main').evaluate((main) => main.scrollTo({ top: 0 }));
      await find.search(word);
      await expect(find.status).toHaveText(/^1 of \d+$/);
      await expect.poll(wholeInView).toBe(true);
      await find.searchbox.press('Escape');
    }
  });

  test('match case, whole word and regular expression are toggles with shortcuts', async ({
    launch,
  }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('region');
    await expect(find.status).toHaveText('1 of 15');
    await test.step('match case (Alt+C)', async () => {
      await expect(find.matchCase).toHaveAttribute('aria-pressed', 'false');
      await find.searchbox.press('Alt+c');
      await expect(find.matchCase).toHaveAttribute('aria-pressed', 'true');
      await expect(find.status).toHaveText('1 of 13');
      await find.matchCase.click();
      await expect(find.status).toHaveText('1 of 15');
    });
    await test.step('whole word (Alt+W)', async () => {
      await find.searchbox.press('Alt+w');
      await expect(find.wholeWord).toHaveAttribute('aria-pressed', 'true');
      await expect(find.status).toHaveText('1 of 10');
      await find.wholeWord.click();
    });
    await test.step('regular expression (Alt+R)', async () => {
      await find.searchbox.fill('region(s|al)\\b');
      await expect(find.status).toHaveText('No results');
      await find.searchbox.press('Alt+r');
      await expect(find.regex).toHaveAttribute('aria-pressed', 'true');
      await expect(find.status).toHaveText('1 of 5');
    });
  });

  test('an invalid pattern shows its error inline and keeps the last good highlights', async ({
    launch,
  }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('moscow');
    await find.regex.click();
    await expect(find.status).toHaveText('1 of 5');
    const articleTop = async () => (await find.article.boundingBox())!.y;
    const top = await articleTop();
    await find.searchbox.press('End');
    await find.searchbox.pressSequentially('|(');
    await expect(find.searchbox).toHaveAttribute('aria-invalid', 'true');
    await expect(find.searchbox).toHaveAccessibleDescription(/Invalid pattern: .*group/);
    await expect(find.bar.getByText(/Invalid pattern/)).toBeVisible();
    await expect(find.status).toHaveText('1 of 5');
    await expect(find.currentHighlight).toHaveText('Moscow');
    // The message has its line while patterns are on: the article does not move for it.
    expect(await articleTop()).toBe(top);
    await find.searchbox.press('Backspace');
    await expect(find.searchbox).not.toHaveAttribute('aria-invalid', 'true');
    await expect(find.bar.getByText(/Invalid pattern/)).toHaveCount(0);
    expect(await articleTop()).toBe(top);
  });

  test('Escape closes the bar, removes every highlight and returns focus to the article', async ({
    launch,
  }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('the');
    await expect(find.highlights.first()).toBeVisible();
    await find.searchbox.press('Escape');
    await expect(find.bar).toHaveCount(0);
    await expect(find.highlights).toHaveCount(0);
    await expect(find.article).toBeFocused();
  });

  test('/ opens the bar, prefilled with the selected text', async ({ launch }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await expect(find.article.getByText('Zaporizhzhia')).toBeVisible();
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const at = node.nodeValue!.indexOf('Zaporizhzhia');
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Zaporizhzhia'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    });
    await page.keyboard.press('/');
    await expect(find.searchbox).toBeFocused();
    await expect(find.searchbox).toHaveValue('Zaporizhzhia');
    await expect(find.status).toHaveText('1 of 1');
    // In a text field, / is just a character.
    await find.searchbox.press('End');
    await find.searchbox.press('/');
    await expect(find.searchbox).toHaveValue('Zaporizhzhia/');
  });

  test('↑ and ↓ in the search box recall earlier searches', async ({ launch }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('kyiv');
    await find.searchbox.press('Enter');
    await find.searchbox.fill('moscow');
    await find.searchbox.press('Enter');
    await find.searchbox.fill('draft');
    await find.searchbox.press('ArrowUp');
    await expect(find.searchbox).toHaveValue('moscow');
    await find.searchbox.press('ArrowUp');
    await expect(find.searchbox).toHaveValue('kyiv');
    await expect(find.status).toHaveText(/of 8$/);
    await find.searchbox.press('ArrowDown');
    await find.searchbox.press('ArrowDown');
    await expect(find.searchbox).toHaveValue('draft');
    await test.step('kept for the session after closing', async () => {
      await find.searchbox.press('Escape');
      await find.open();
      await expect(find.searchbox).toHaveValue('draft');
      await find.searchbox.press('ArrowUp');
      await expect(find.searchbox).toHaveValue('moscow');
      await find.searchbox.press('ArrowDown');
      await expect(find.searchbox).toHaveValue('draft');
    });
  });
});

test.describe('find in articles the tests write', () => {
  test('French text: accents, « » quotes, apostrophes, dashes, ligatures', async ({ launch }) => {
    const { page } = await launch({ path: tempArticle('francais.txt', FRENCH) });
    const find = new FindBar(page);
    await find.search('elysee');
    await expect(find.status).toHaveText('1 of 3');
    await find.searchbox.fill("l'elysee");
    await expect(find.highlights).toHaveText(['l’Élysée', 'l’Élysée', 'l’ÉLYSÉE']);
    await find.searchbox.fill('" nous ne cederons pas "');
    await expect(find.currentHighlight).toHaveText('« Nous ne céderons pas »');
    await find.searchbox.fill('macron - au terme');
    await expect(find.status).toHaveText('1 of 1');
    await find.searchbox.fill('finale');
    await expect(find.currentHighlight).toHaveText('ﬁnale');
    await find.searchbox.fill('dnipro');
    await expect(find.currentHighlight).toHaveText('Dnipró');
    // Letters with a stroke and ß read as their plain letters, in the article as in the library.
    await find.searchbox.fill('smorrebrod');
    await expect(find.currentHighlight).toHaveText('smørrebrød');
    await find.searchbox.fill('strasse');
    await expect(find.currentHighlight).toHaveText('Straße');
  });

  test('typing, deleting and closing leave the article’s markup as it was', async ({ launch }) => {
    const text = [
      '# Harbour [notes](https://example.org/a) and **bold** news',
      '',
      'By [The Tribune](#)',
      '',
      'An *anchor* and a [link to an atlas](https://example.org/b) and **a banner**, again and again.',
      '',
      '- an item with [another link](#) and a *tail*',
      '- and a second, **all bold and strong**',
      '',
      '> A quote that says and says again.',
      '',
    ].join('\n');
    const { page } = await launch({ path: tempArticle('inline.txt', text) });
    const reader = new ReaderPage(page);
    await expect(reader.title).toContainText('Harbour');
    const markup = () =>
      page.locator('article').evaluate((article) => {
        let textNodes = 0;
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) textNodes++;
        return { html: article.innerHTML, textNodes };
      });
    const before = await markup();
    const find = new FindBar(page);
    await find.open();
    // Marks across links, emphasis and list items; lengthened, shortened, moved and removed.
    for (const query of ['a', 'an', 'and', 'an', 'a', 'again', 'nd a', 'n']) {
      await find.searchbox.fill(query);
      await expect(find.status).toHaveText(/^1 of \d+$/);
      await expect(find.highlights.first()).toBeVisible();
    }
    await find.searchbox.press('Escape');
    await expect(find.highlights).toHaveCount(0);
    // Nothing added, lost or split: the same markup, in no more text nodes than before.
    const after = await markup();
    expect(after.html).toBe(before.html);
    expect(after.textNodes).toBeLessThanOrEqual(before.textNodes);
  });

  test('opening another article with the bar open searches the new one', async ({ launch }) => {
    const { page } = await launch();
    const find = new FindBar(page);
    await find.search('élysée');
    await expect(find.status).toHaveText('No results');
    await new ReaderPage(page).openThroughPicker(tempArticle('francais.txt', FRENCH));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Macron');
    await expect(find.status).toHaveText('1 of 3');
    await expect(find.highlights.first()).toHaveText('Élysée');
  });

  test('a 200 KB article: the count is the true count, highlights stay near the view', async ({
    launch,
  }, testInfo) => {
    const text = generateArticle(200_000, 11);
    const { page } = await launch({ path: tempArticle('big.txt', text) });
    const find = new FindBar(page);
    const expected = text.match(/\bministers?\b/gi)!.length;
    await find.search('minister');
    await expect(find.status).toHaveText(`1 of ${expected}`);
    // The marks near the view are painted after the count: wait for them, not for a moment.
    await expect.poll(() => find.highlights.count()).toBeGreaterThan(0);
    expect(await find.highlights.count()).toBeLessThan(expected);
    await test.step('the rail shows where matches are; a marker jumps there', async () => {
      const markers = find.rail.getByRole('button');
      await expect(markers.first()).toHaveAccessibleName(`Match 1 of ${expected}`);
      const last = markers.last();
      const name = (await last.getAttribute('aria-label'))!;
      await last.click();
      await expect(find.status).toHaveText(name.replace('Match ', ''));
      await expect(find.currentHighlight.first()).toBeInViewport();
      await page.screenshot({ path: testInfo.outputPath('find-rail.png') });
    });
    await test.step('and leaves the typing in the search box: Enter goes on, Escape closes', async () => {
      await expect(find.searchbox).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(find.status).toHaveText(`1 of ${expected}`);
      await page.keyboard.press('Escape');
      await expect(find.bar).toBeHidden();
    });
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the find bar has no serious accessibility violations, ${colorScheme}`, async ({
    launch,
  }, testInfo) => {
    const { page } = await launch({ colorScheme });
    const find = new FindBar(page);
    await find.search('russia');
    await find.searchbox.press('Enter');
    await expect(find.status).toHaveText('2 of 21');
    await expect(find.rail.getByRole('button', { name: 'Match 2 of 21' })).toBeAttached();
    await page.screenshot({ path: testInfo.outputPath(`find-${colorScheme}.png`) });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  });
}
