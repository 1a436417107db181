/**
 * Which groups of segments (header parts, then body chunks, top to bottom) are on screen and
 * which are near it, read from their boxes when asked: a dozen box reads in a binary search, where
 * intersection observers over every group cost the browser work in every frame.
 */
import type { FindSegments } from './article-segments';

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

/** Whether a segment is at least partly on screen; a group off screen is not looked into. */
export function segmentOnScreen(segments: FindSegments, segment: number, scroller: HTMLElement) {
  const screen = scroller.getBoundingClientRect();
  const overlaps = (box: DOMRect | undefined) =>
    !!box && box.bottom >= screen.top && box.top <= screen.bottom;
  const group = segments.groups[segments.groupOf[segment]!];
  return (
    overlaps(group?.getBoundingClientRect()) &&
    overlaps(segments.element(segment)?.getBoundingClientRect())
  );
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
