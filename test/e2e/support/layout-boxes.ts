/**
 * Bounding boxes of what the window shows, for checks that one thing never covers another: the
 * find bar and the selection toolbar against the text they serve and the window's toolbar.
 */
import type { Locator, Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when two boxes share more than a hairline (half a pixel of rounding is not overlap). */
export function overlaps(a: Box, b: Box): boolean {
  const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return across > 0.5 && down > 0.5;
}

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box: ${locator.toString()}`);
  return box;
}

/**
 * Every line of the article's text as it shows in the scroller: each text node's line boxes,
 * cut to the scroller's visible box (text scrolled out of it is not seen, so it cannot be covered).
 */
export function visibleTextLines(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const view = document.querySelector('main')!.getBoundingClientRect();
    const article = document.querySelector('article')!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const lines: Box[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const top = Math.max(rect.top, view.top);
        const bottom = Math.min(rect.bottom, view.bottom);
        if (bottom - top < 1 || rect.width < 1) continue;
        lines.push({ x: rect.left, y: top, width: rect.width, height: bottom - top });
      }
    }
    return lines;
  });
}

/** The boxes of the current selection's lines. */
export function selectionLines(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...getSelection()!.getRangeAt(0).getClientRects()].map((r) => ({
      x: r.left,
      y: r.top,
      width: r.width,
      height: r.height,
    })),
  );
}

/** Whatever in `boxes` the box of `over` covers, as text for a readable failure. */
export function covered(over: Box, boxes: Box[]): string[] {
  return boxes
    .filter((box) => overlaps(over, box))
    .map(
      (b) => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`,
    );
}

/** Scrolls the article so the selection's first line stands `gap` px below the view's top. */
export async function scrollSelectionTo(page: Page, gap: number): Promise<void> {
  await page.getByRole('main', { name: 'Article' }).evaluate((main, gap) => {
    const line = getSelection()!.getRangeAt(0).getBoundingClientRect();
    main.scrollTop += line.top - main.getBoundingClientRect().top - gap;
  }, gap);
}
