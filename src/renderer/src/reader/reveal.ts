/**
 * Scrolls an element of the article to the middle of the view, and keeps it there. Chunks of the
 * body passed on the way are laid out only as they come near, and may be taller or shorter than
 * guessed: that moves the element after the scroll was aimed at it, so the aim is checked once
 * the scroll has ended (and the chunks around it are laid out) and corrected if need be.
 */
const CORRECTIONS = 3;
/**
 * A glide goes at most this many screens: farther, it would lay out every chunk it passes, frame
 * after frame, and overshoot where they are taller than guessed. It jumps instead.
 */
const GLIDE_SCREENS = 2;

/** The reveal under way in each scroller: the next one cancels its checks. */
const underWay = new WeakMap<HTMLElement, AbortController>();

export function revealInScroller(element: HTMLElement, scroller: HTMLElement, smooth: boolean) {
  // Left waiting, an earlier check would pull the view back to its element (a glide that did not
  // move, to a match already in view, has no end to wait for until the next scroll ends).
  underWay.get(scroller)?.abort();
  const reveal = new AbortController();
  underWay.set(scroller, reveal);
  smooth &&= distanceInScreens(element, scroller) <= GLIDE_SCREENS;
  element.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  let left = CORRECTIONS;
  const afterLayout = () => requestAnimationFrame(() => requestAnimationFrame(check));
  const check = () => {
    if (reveal.signal.aborted || !element.isConnected || left-- === 0) return;
    const view = scroller.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    if (box.top >= view.top && box.bottom <= view.bottom) return;
    element.scrollIntoView({ block: 'center', behavior: 'auto' });
    afterLayout();
  };
  if (smooth) {
    scroller.addEventListener('scrollend', afterLayout, { once: true, signal: reveal.signal });
  } else afterLayout();
}

/** How far the element's middle is from the view's, in heights of the view. */
function distanceInScreens(element: HTMLElement, scroller: HTMLElement): number {
  const view = scroller.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const middle = (rect: DOMRect) => rect.top + rect.height / 2;
  return Math.abs(middle(box) - middle(view)) / Math.max(view.height, 1);
}
