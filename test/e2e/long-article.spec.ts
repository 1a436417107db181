/**
 * A long article (2 MB, answered head first and the rest in pieces, its body in chunks whose
 * blocks are mounted as they come near) keeps every reading feature whole, and hostile shapes open
 * or are refused with the reason. How fast is measured by `npm run bench:open` and
 * `npm run bench:search`, not here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateArticle } from '../support/generate-articles';
import { HOSTILE_SHAPES } from '../support/pathological-markdown';
import { ComfortPage } from './support/comfort-page';
import { settledBlocksOnScreen } from './support/blocks-on-screen';
import { FindBar } from './support/find-bar';
import {
  expect,
  test,
  tempFolder,
  type LaunchOptions,
  type LecternApp,
} from './support/lectern-app';
import { ReaderPage } from './support/reader-page';

const TITLE = 'A Very Long Read';
/** Headings about a half and four fifths of the way through (every ninth block is one). */
const READ_TO = 'Section 2501';
const FAR = 'Section 4004';

/** Where the heading sits relative to the top of the article's scrolling area, in pixels. */
const offsetFromTop = (page: Page, name: string) =>
  page.getByRole('heading', { name, exact: true }).evaluate((heading) => {
    const main = heading.closest('main')!;
    return heading.getBoundingClientRect().top - main.getBoundingClientRect().top;
  });

/** Where the paragraph with these words sits relative to the top of the article's view. */
const paragraphOffset = (page: Page, words: string) =>
  page
    .getByRole('paragraph')
    .filter({ hasText: words })
    .evaluate(
      (p) => p.getBoundingClientRect().top - p.closest('main')!.getBoundingClientRect().top,
    );

/** The texts the CSS Custom Highlight API paints, per colour. */
const painted = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights.entries()].map(([name, h]) => [name, [...h].map((r) => r.toString())]),
    ),
  );

test('a 2 MB article opens with find, the rail, highlights and the reading position whole', async ({
  launch,
}) => {
  test.setTimeout(240_000);
  // No id in its name: its key is worked out from the whole text, which its last piece brings.
  const path = join(tempFolder('lectern-long-read-'), 'long-read.txt');
  writeFileSync(path, generateArticle(2 * 1024 * 1024, 5, TITLE));
  const first = await launch({ path });
  const reader = new ReaderPage(first.page);
  await expect(reader.title).toHaveText(TITLE);
  const comfort = new ComfortPage(first.page);

  await test.step('a heading far down is highlighted', async () => {
    await expect(first.page.getByRole('heading', { name: FAR, exact: true })).toBeAttached({
      timeout: 60_000,
    });
    await comfort.select(FAR);
    await first.page.keyboard.press('h');
    await expect(comfort.highlightsButton).toHaveText('Highlights (1)');
  });

  await test.step('the reader reads halfway; the place is saved', async () => {
    await first.page.evaluate(() => document.fonts.ready);
    const heading = first.page.getByRole('heading', { name: READ_TO, exact: true });
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    // Chunks laid out on the way replace their estimated heights: settle on the heading again.
    await expect.poll(() => offsetFromTop(first.page, READ_TO)).toBeLessThan(40);
    const saved = join(first.userData, 'positions.json');
    const savedBlock = () =>
      existsSync(saved)
        ? Object.values(
            (JSON.parse(readFileSync(saved, 'utf8')) as { data: Record<string, object> }).data,
          )[0]
        : undefined;
    await expect.poll(() => JSON.stringify(savedBlock() ?? {})).toContain('"progress":0.');
    await expect
      .poll(() => (savedBlock() as { progress?: number })?.progress ?? 0)
      .toBeGreaterThan(0.4);
  });
  await first.close();

  const second = await launch({ userData: first.userData });
  const page = second.page;
  await expect(new ReaderPage(page).title).toHaveText(TITLE);

  await test.step('it reopens at the same text, with its highlight', async () => {
    await expect.poll(() => offsetFromTop(page, READ_TO), { timeout: 60_000 }).toBeLessThan(40);
    await expect.poll(() => offsetFromTop(page, READ_TO)).toBeGreaterThan(-40);
    await expect.poll(() => painted(page)).toMatchObject({ 'lectern-yellow': [FAR] });
  });

  await test.step('find counts in the whole text, and the rail puts the match where it is', async () => {
    const find = new FindBar(page);
    await find.search(FAR);
    await expect(find.status).toHaveText('1 of 1');
    const marker = find.rail.getByRole('button', { name: 'Match 1 of 1' });
    // The heading is about four fifths of the way down the article: so is its marker on the rail.
    const [markerAt, headingAt] = await Promise.all([
      marker.evaluate((m) => {
        const rail = m.closest('[role="group"]')!.getBoundingClientRect();
        const box = m.getBoundingClientRect();
        return (box.top + box.height / 2 - rail.top) / rail.height;
      }),
      page.getByRole('heading', { name: FAR, exact: true }).evaluate((h) => {
        const main = h.closest('main')!;
        const top = h.getBoundingClientRect().top - main.getBoundingClientRect().top;
        return (top + main.scrollTop) / main.scrollHeight;
      }),
    ]);
    expect(Math.abs(markerAt - headingAt)).toBeLessThan(0.05);
    await marker.click();
    await expect(page.getByRole('heading', { name: FAR, exact: true })).toBeInViewport();
    await expect(find.currentHighlight).toHaveText(FAR);
  });
});

test.describe('while a long article’s rest arrives', () => {
  const ORIGINAL = { name: 'Open the original on example.com' } as const;

  /** The app on a 600 KB article whose pieces after the head wait for `letThrough`. */
  async function launchHeld(launch: (options?: LaunchOptions) => Promise<LecternApp>) {
    const path = join(tempFolder('lectern-arriving-'), 'arriving.txt');
    writeFileSync(path, generateArticle(600_000, 9, TITLE));
    let letThrough = () => undefined as void;
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    const app = await launch({
      path,
      beforeLoad: async (page) => {
        await page.route('**/api/reader.bodyPiece', async (route) => {
          await held;
          await route.continue();
        });
      },
    });
    await expect(new ReaderPage(app.page).title).toHaveText(TITLE);
    await expect(app.page.getByRole('button', ORIGINAL)).toHaveCount(0);
    return { app, letThrough };
  }

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this.
  test.beforeEach(({}, testInfo) => {
    test.skip(
      testInfo.project.name.startsWith('electron'),
      'The tests hold back the host’s answers over HTTP; Electron answers over IPC',
    );
  });

  test('the place the reader scrolled to stays, and the article reopens there', async ({
    launch,
  }) => {
    const { app: first, letThrough } = await launchHeld(launch);
    const page = first.page;
    // The reader scrolls down the head (its first 128 K) before the rest is let through.
    await page.getByRole('main').evaluate((main) => main.scrollBy(0, main.scrollHeight * 0.6));
    const shown = await settledBlocksOnScreen(page);
    const paragraph = shown.find(({ whole, tag }) => whole && tag === 'p');
    expect(paragraph, 'a paragraph wholly in view').toBeDefined();
    const words = paragraph!.text;
    const before = await paragraphOffset(page, words);

    // Nothing is saved while the article has no key: its last piece brings it.
    expect(await first.answeredCalls('position.set')).toHaveLength(0);
    letThrough();
    await expect(page.getByRole('button', ORIGINAL)).toBeAttached({ timeout: 60_000 });
    await expect.poll(() => paragraphOffset(page, words)).toBeCloseTo(before, 0);
    // Saved like any place the reader scrolled to, once the view rests (the host has answered).
    await expect
      .poll(async () => (await first.answeredCalls('position.set')).length)
      .toBeGreaterThan(0);
    await first.close();

    const second = await launch({ userData: first.userData });
    await expect(new ReaderPage(second.page).title).toHaveText(TITLE);
    // Restored by the words at the top of the view: the same line, give or take one.
    await expect
      .poll(async () => Math.abs((await paragraphOffset(second.page, words)) - before), {
        timeout: 60_000,
      })
      .toBeLessThan(40);
  });

  test('the find bar keeps the focus and what is typed in it', async ({ launch }) => {
    const { app, letThrough } = await launchHeld(launch);
    const find = new FindBar(app.page);
    await find.open();
    await find.searchbox.pressSequentially('Sect');
    letThrough();
    await expect(app.page.getByRole('button', ORIGINAL)).toBeAttached({ timeout: 60_000 });
    await find.searchbox.pressSequentially('ion 1007');
    await expect(find.searchbox).toBeFocused();
    await expect(find.searchbox).toHaveValue('Section 1007');
    await expect(find.status).toHaveText('1 of 1');
  });
});

test('the body holds exactly the model’s text, so find marks the words it counted', async ({
  launch,
}) => {
  const path = join(tempFolder('lectern-shapes-'), 'shapes.txt');
  writeFileSync(
    path,
    [
      '# Every Kind of Block',
      'A first paragraph with a [link](https://example.com/a) and *emphasis*.',
      '> A quote\n>\n> > nested inside it',
      'Plain words between the blocks.',
      '3. third item\n4. fourth item\n   - a nested bullet',
      '### **Embed:**',
      '![a chart](chart.png)',
      '```\ncode  kept   as is\n```',
      'A line  \nbroken, then the closing words here.',
    ].join('\n\n'),
  );
  const { page } = await launch({ path });
  await expect(new ReaderPage(page).title).toHaveText('Every Kind of Block');
  // No stray text between blocks, which the model's offsets would not count.
  const stray = await page.evaluate(
    () =>
      [...document.querySelectorAll('.chunk, .chunk blockquote, .chunk ol, .chunk ul, .chunk li')]
        .flatMap((element) => [...element.childNodes])
        .filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent !== '').length,
  );
  expect(stray).toBe(0);
  const find = new FindBar(page);
  for (const words of [
    'nested inside',
    'between the blocks',
    'nested bullet',
    'fourth item',
    'closing words',
  ]) {
    await find.search(words);
    await expect(find.status).toHaveText('1 of 1');
    await expect(find.currentHighlight).toHaveText(words);
  }
});

/** The app on its sample, then `buffer` opened through the picker as `name`. */
async function openAfterSample(
  launch: (options?: LaunchOptions) => Promise<LecternApp>,
  name: string,
  buffer: Buffer,
) {
  const { page } = await launch();
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  await reader.openThroughPicker({ name, mimeType: 'text/plain', buffer });
  return { page, reader };
}

test.describe('hostile shapes', () => {
  test('350 000 tiny paragraphs open with their title, and the window stays usable', async ({
    launch,
  }) => {
    test.setTimeout(180_000);
    const { page, reader } = await openAfterSample(
      launch,
      'tiny.txt',
      Buffer.from(HOSTILE_SHAPES['350 000 tiny paragraphs']!.make()),
    );
    await expect(reader.title).toHaveText('Tiny paragraphs', { timeout: 60_000 });
    // The window answers: the find bar opens and takes a search while the rest arrives.
    const find = new FindBar(page);
    await find.search('zzz');
    await expect(find.status).toHaveText('No results');
    await expect(reader.openButton).toBeEnabled();
  });

  test('a paragraph of 600 000 inline pieces opens with its title, and its last word is found', async ({
    launch,
  }) => {
    test.setTimeout(180_000);
    const { page, reader } = await openAfterSample(
      launch,
      'inline.txt',
      Buffer.from(
        `${HOSTILE_SHAPES['200 000 inline pieces in one paragraph']!.make()}zebrafinch\n`,
      ),
    );
    await expect(reader.title).toHaveText('Inline pieces', { timeout: 60_000 });
    // The paragraph arrives after the title, cut into paragraphs; its text is all there.
    const find = new FindBar(page);
    await find.search('zebrafinch');
    await expect(find.status).toHaveText('1 of 1', { timeout: 60_000 });
    await expect(find.currentHighlight).toHaveText('zebrafinch');
  });

  test('20 MB of tiny paragraphs is refused with the reason', async ({ launch }) => {
    test.setTimeout(180_000);
    const { reader } = await openAfterSample(
      launch,
      'tiny-20mb.txt',
      Buffer.from(HOSTILE_SHAPES['20 MB of tiny paragraphs']!.make()),
    );
    await expect(reader.alert).toContainText(
      '“tiny-20mb.txt” has 13\u202f800\u202f003 lines, too many to be an article',
      { timeout: 60_000 },
    );
    // The article shown before stays, and the window still opens files.
    await expect(reader.openButton).toBeEnabled();
  });
});
