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
