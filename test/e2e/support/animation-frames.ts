/** Waiting for the page's own frames, rather than for a time. */
import type { Page } from '@playwright/test';

/** Resolves once the page has begun `count` more animation frames. */
export function animationFrames(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let left = count;
        const next = () => (--left <= 0 ? done() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    count,
  );
}
