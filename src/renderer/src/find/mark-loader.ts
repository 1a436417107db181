/**
 * mark.js, which only find uses, is not part of the first frame: App loads it once that frame is
 * painted, and the highlighter waits for it if the bar is used sooner.
 */
import type Mark from 'mark.js';

let loaded: typeof Mark | null = null;
let loading: Promise<typeof Mark> | null = null;

/** The mark.js class, or null while it is not loaded yet. */
export const markJs = (): typeof Mark | null => loaded;

export function loadMarkJs(): Promise<typeof Mark> {
  return (loading ??= import('mark.js').then((module) => (loaded = module.default)));
}
