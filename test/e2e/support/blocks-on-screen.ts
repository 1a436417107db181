/**
 * The article's blocks as the reader sees them. A chunk of the body off screen is not painted and
 * clips what it holds (content-visibility), so its blocks count only where it reaches into the
 * view: right after a scroll, the blocks of a chunk not yet laid out overflow its estimated box.
 */
import type { Page } from '@playwright/test';
import { animationFrames } from './animation-frames';
import { expect } from './lectern-app';

export interface BlockOnScreen {
  id: string;
  /** Its element's name, lower case: `p`, `h2`… */
  tag: string;
  /** Its top relative to the view's. */
  top: number;
  /** Wholly inside the view. */
  whole: boolean;
  text: string;
  /** The words find has marked in it. */
  marked: string[];
}

/** The leaf blocks at least partly shown in the article's view, top to bottom. */
export function blocksOnScreen(page: Page): Promise<BlockOnScreen[]> {
  return page.evaluate(() => {
    const view = document.querySelector('main')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('article .body > div [data-block]')]
      .filter((block) => !block.querySelector('[data-block]'))
      .flatMap((block) => {
        const box = block.getBoundingClientRect();
        const chunk = block.closest('.body > div')!.getBoundingClientRect();
        const top = Math.max(box.top, chunk.top, view.top);
        const bottom = Math.min(box.bottom, chunk.bottom, view.bottom);
        if (bottom <= top) return [];
        return {
          id: block.dataset.block!,
          tag: block.localName,
          top: box.top - view.top,
          whole: top === box.top && bottom === box.bottom,
          text: block.textContent ?? '',
          marked: [...block.querySelectorAll('mark.find-match')].map((mark) => mark.textContent),
        };
      });
  });
}

/** The blocks on screen once the view has stopped changing: the same over two frames. */
export async function settledBlocksOnScreen(page: Page): Promise<BlockOnScreen[]> {
  let previous = '';
  await expect
    .poll(async () => {
      await animationFrames(page, 2);
      const now = JSON.stringify(await blocksOnScreen(page));
      const same = now === previous;
      previous = now;
      return same && now !== '[]';
    })
    .toBe(true);
  return JSON.parse(previous) as BlockOnScreen[];
}
