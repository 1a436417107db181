/** Where matches sit in the whole article, as a few markers for the overview rail. */
import type { FindMatches } from '../../../shared/find-matches';
import type { FindSegments } from './article-segments';

export interface RailMarker {
  /** The first and last match the marker stands for (nearby matches share one marker). */
  first: number;
  last: number;
  /** Position in the rail, in percent of its height. */
  top: number;
}

/** Where each group of segments sits in the scroller's content; read once, not per keystroke. */
export interface SegmentGeometry {
  tops: Float64Array;
  heights: Float64Array;
  scrollHeight: number;
  railHeight: number;
}

/** One marker per few pixels of rail at most, so a common word never floods it. */
const PIXELS_PER_MARKER = 4;

/**
 * Reads the boxes of the groups (header parts and body chunks): a chunk off screen has its
 * estimated height, so no skipped chunk is laid out to measure it. Done when the bar opens
 * (before any mark) and after a resize only.
 */
export function measureSegments(segments: FindSegments, scroller: HTMLElement): SegmentGeometry {
  const viewTop = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const tops = new Float64Array(segments.groups.length);
  const heights = new Float64Array(segments.groups.length);
  segments.groups.forEach((group, index) => {
    const box = group.getBoundingClientRect();
    tops[index] = box.top - viewTop;
    heights[index] = box.height;
  });
  return {
    tops,
    heights,
    scrollHeight: Math.max(1, scroller.scrollHeight),
    railHeight: scroller.clientHeight,
  };
}

export function railMarkers(
  matches: FindMatches,
  segments: FindSegments,
  geometry: SegmentGeometry,
): RailMarker[] {
  const buckets = Math.max(1, Math.floor(geometry.railHeight / PIXELS_PER_MARKER));
  const markers: RailMarker[] = [];
  let lastBucket = -1;
  for (let i = 0; i < matches.count; i++) {
    const segment = matches.segmentOf(i);
    const group = segments.groupOf[segment]!;
    // Within a group, a match's place in the text stands in for its place on the page.
    const along =
      (segments.offsets[segment]! + matches.startOf(i)) / (segments.groupLengths[group]! || 1);
    const y = geometry.tops[group]! + geometry.heights[group]! * along;
    const bucket = Math.min(buckets - 1, Math.floor((y / geometry.scrollHeight) * buckets));
    if (bucket === lastBucket) {
      markers[markers.length - 1]!.last = i;
      continue;
    }
    lastBucket = bucket;
    markers.push({ first: i, last: i, top: (bucket / buckets) * 100 });
  }
  return markers;
}
