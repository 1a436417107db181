/** Where matches sit in the whole article, as a few markers for the overview rail. */
import type { FindMatches } from '../../../shared/find-text-index';

export interface RailMarker {
  /** The first and last match the marker stands for (nearby matches share one marker). */
  first: number;
  last: number;
  /** Position in the rail, in percent of its height. */
  top: number;
}

/** One marker per few pixels of rail at most, so a common word never floods it. */
const PIXELS_PER_MARKER = 4;

export function railMarkers(
  matches: FindMatches,
  segments: HTMLElement[],
  scroller: HTMLElement,
): RailMarker[] {
  const total = Math.max(1, scroller.scrollHeight);
  const buckets = Math.max(1, Math.floor(scroller.clientHeight / PIXELS_PER_MARKER));
  const viewTop = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const markers: RailMarker[] = [];
  let lastSegment = -1;
  let top = 0;
  let height = 0;
  let length = 1;
  let lastBucket = -1;
  for (let i = 0; i < matches.count; i++) {
    const segment = matches.segment[i]!;
    if (segment !== lastSegment) {
      const element = segments[segment]!;
      const box = element.getBoundingClientRect();
      top = box.top - viewTop;
      height = box.height;
      length = Math.max(1, element.textContent?.length ?? 1);
      lastSegment = segment;
    }
    // Within a block, a match's place in the text stands in for its place on the page.
    const y = top + (height * matches.start[i]!) / length;
    const bucket = Math.min(buckets - 1, Math.floor((y / total) * buckets));
    if (bucket === lastBucket) {
      markers[markers.length - 1]!.last = i;
      continue;
    }
    lastBucket = bucket;
    markers.push({ first: i, last: i, top: (bucket / buckets) * 100 });
  }
  return markers;
}
