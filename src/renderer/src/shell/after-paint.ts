/** Runs `work` once the frame being prepared now has been painted (rAF, then the next task). */
export function afterPaint(work: () => void) {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** Runs `work` after the next paint, when the window is idle (or after `timeout` at the latest). */
export function whenIdleAfterPaint(work: () => void, timeout = 1_000) {
  afterPaint(() => requestIdleCallback(work, { timeout }));
}
