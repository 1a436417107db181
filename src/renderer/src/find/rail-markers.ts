/** Where matches sit in the whole article, as a few markers for the overview rail. */
import type { FindMatches } from '../../../shared/find-text-index';

export interface RailMarker {
  /** The first and last match the marker stands for (nearby matches share one marker). */
  first: number;
  last: number;
  /** Position in the rail, in percent of its height. */
  top: number;
}

/** Where each block sits in the scroller's content; read once, not after every keystroke. */
export interface SegmentGeometry {
  tops: Float64Array;
  heights: Float64Array;
  lengths: Int32Array;
  scrollHeight: number;
  railHeight: number;
}

/** One marker per few pixels of rail at most, so a common word never floods it. */
const PIXELS_PER_MARKER = 4;

// Reading layout forces it; done when the bar opens (before any mark) and after a resize only.
export function measureSegments(segments: HTMLElement[], scroller: HTMLElement): SegmentGeometry {
  const viewTop = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const tops = new Float64Array(segments.length);
  const heights = new Float64Array(segments.length);
  const lengths = new Int32Array(segments.length);
  segments.forEach((segment, index) => {
    const box = segment.getBoundingClientRect();
    tops[index] = box.top - viewTop;
    heights[index] = box.height;
    lengths[index] = Math.max(1, segment.textContent?.length ?? 1);
  });
  return {
    tops,
    heights,
    lengths,
    scrollHeight: Math.max(1, scroller.scrollHeight),
    railHeight: scroller.clientHeight,
  };
}

export function railMarkers(matches: FindMatches, geometry: SegmentGeometry): RailMarker[] {
  const buckets = Math.max(1, Math.floor(geometry.railHeight / PIXELS_PER_MARKER));
  const markers: RailMarker[] = [];
  let lastBucket = -1;
  for (let i = 0; i < matches.count; i++) {
    const segment = matches.segment[i]!;
    // Within a block, a match's place in the text stands in for its place on the page.
    const y =
      geometry.tops[segment]! +
      (geometry.heights[segment]! * matches.start[i]!) / geometry.lengths[segment]!;
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
