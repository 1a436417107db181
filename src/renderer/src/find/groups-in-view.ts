/**
 * Which groups of segments (header parts, then body chunks, top to bottom) are on screen and
 * which are near it, read from their boxes when asked: a dozen box reads in a binary search, where
 * intersection observers over every group cost the browser work in every frame.
 */
export interface GroupRange {
  /** Groups `first` to `end` (exclusive). */
  first: number;
  end: number;
}

/** Half a screen above and below counts as near, as the body's own chunks are laid out ahead. */
export const NEAR_SCREENS = 0.5;

export function groupsInView(groups: HTMLElement[], scroller: HTMLElement) {
  const view = scroller.getBoundingClientRect();
  const margin = view.height * NEAR_SCREENS;
  return {
    view: overlapping(groups, view.top, view.bottom),
    near: overlapping(groups, view.top - margin, view.bottom + margin),
  };
}

/** The groups whose boxes reach into `top`…`bottom` (in viewport coordinates). */
function overlapping(groups: HTMLElement[], top: number, bottom: number): GroupRange {
  // The first group ending below `top`; groups are stacked, so bottoms only grow.
  let low = 0;
  let high = groups.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (groups[mid]!.getBoundingClientRect().bottom <= top) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < groups.length && groups[end]!.getBoundingClientRect().top < bottom) end++;
  return { first: low, end };
}
