/** Scrolls the article so a highlight sits a third of the way down; false when it is not placed. */
import type { HighlightsState } from './HighlightsState.svelte';

export function scrollToHighlight(
  highlights: HighlightsState,
  scroller: HTMLElement,
  id: string,
): boolean {
  const rect = highlights.rangeOf(id)?.getBoundingClientRect();
  if (!rect) return false;
  const top = scroller.scrollTop + rect.top - scroller.getBoundingClientRect().top;
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  scroller.scrollTo({
    top: top - scroller.clientHeight / 3,
    behavior: still ? 'instant' : 'smooth',
  });
  return true;
}

/** Room left between a highlight brought into view and the view's edge, in px. */
const EDGE_ROOM = 24;

/** Scrolls the least that brings a highlight wholly into view (its top, when taller than it). */
export function keepHighlightInView(
  highlights: HighlightsState,
  scroller: HTMLElement,
  id: string,
) {
  const rect = highlights.rangeOf(id)?.getBoundingClientRect();
  if (!rect) return;
  const view = scroller.getBoundingClientRect();
  if (rect.top >= view.top && rect.bottom <= view.bottom) return;
  if (rect.top < view.top || rect.height > view.height - 2 * EDGE_ROOM) {
    scroller.scrollTop += rect.top - view.top - EDGE_ROOM;
  } else if (rect.bottom > view.bottom) {
    scroller.scrollTop += rect.bottom - view.bottom + EDGE_ROOM;
  }
}
