/**
 * Runs in the page before any of its scripts (`page.addInitScript`): notes the first frame in which
 * the article's title is in the DOM, and from then on, every frame, where a chosen block sits in the
 * scroller. The end-to-end test and `npm run bench:open` read it with `readFirstPaint`.
 */
import type { Page } from '@playwright/test';

export interface ProbeOptions {
  /** The `<h1>` text that marks the article as shown. */
  title: string;
  /** The `data-block` id whose place on screen is followed frame by frame; none on a static page. */
  anchor: string | null;
}

export interface FirstPaint {
  /** From the navigation response's end to the first frame with the title (rAF time), ms. */
  titleMs: number;
  /** The anchor's top, relative to the scroller's top, in that first frame (null without anchor). */
  anchorTop: number | null;
  /** The farthest the anchor moved from there in any later frame, until fonts were in; px. */
  jump: number;
  /** How many frames were watched after the first. */
  frames: number;
  /** The calls to the host's API answered before that first frame (browser host only). */
  callsBefore: string[];
}

interface ProbeState {
  first: { time: number; anchorTop: number | null; calls: string[] } | null;
  jump: number;
  frames: number;
  stop: boolean;
}

/** The page side; kept free of closures so Playwright can send it as source. */
function probe({ title, anchor }: ProbeOptions) {
  const state: ProbeState = { first: null, jump: 0, frames: 0, stop: false };
  (window as unknown as { __firstPaint: ProbeState }).__firstPaint = state;
  const anchorTop = (): number | null => {
    if (!anchor) return null;
    const block = document.querySelector(`[data-block="${anchor}"]`);
    const scroller = block?.closest('main');
    if (!block || !scroller) return null;
    return block.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  };
  const follow = () => {
    if (state.stop || !state.first) return;
    const top = anchorTop();
    const from = state.first.anchorTop;
    if (top !== null && from !== null) state.jump = Math.max(state.jump, Math.abs(top - from));
    state.frames++;
    requestAnimationFrame(follow);
  };
  const observer = new MutationObserver(() => {
    const heading = document.querySelector('h1');
    if (heading?.textContent?.trim() !== title) return;
    observer.disconnect();
    // rAF after the change: this callback runs in the frame that paints the title.
    requestAnimationFrame((time) => {
      const calls = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/api/'))
        .map((path) => path.slice('/api/'.length));
      state.first = { time, anchorTop: anchorTop(), calls };
      requestAnimationFrame(follow);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export async function installFirstPaintProbe(page: Page, options: ProbeOptions): Promise<void> {
  // tsx (the benchmark's runner) wraps named inner functions in `__name(...)`, which pages lack.
  await page.addInitScript('globalThis.__name ??= (f) => f;');
  await page.addInitScript(probe, options);
}

/** Waits for the title's frame, then for the fonts and a few more frames, and reports. */
export async function readFirstPaint(page: Page): Promise<FirstPaint> {
  await page.waitForFunction(
    () => (window as unknown as { __firstPaint?: ProbeState }).__firstPaint?.first,
  );
  return page.evaluate(async () => {
    const state = (window as unknown as { __firstPaint: ProbeState }).__firstPaint;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await document.fonts.ready;
    // Late work (highlights, a font subset, the position store) lands within a few frames.
    for (let i = 0; i < 10; i++) await frame();
    state.stop = true;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      titleMs: state.first!.time - navigation.responseEnd,
      anchorTop: state.first!.anchorTop,
      jump: state.jump,
      frames: state.frames,
      callsBefore: state.first!.calls,
    };
  });
}
