/** Where the selection toolbar goes: beside the selection, inside the article's area, never on it. */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Space kept between the toolbar, the selection and the area's edges. */
const GAP = 8;

/**
 * Above the selection when there is room inside the area, else below it (a selection near the top
 * of the view); centred on it, kept inside the area's sides. Null when the selection has scrolled
 * out of the area: a toolbar for text no one can see would only cover other text.
 */
export function placeToolbar(
  selection: Box,
  area: Box,
  size: { width: number; height: number },
): { top: number; left: number } | null {
  if (selection.bottom < area.top || selection.top > area.bottom) return null;
  const above = selection.top - GAP - size.height;
  const below = selection.bottom + GAP;
  let top: number;
  if (above >= area.top + GAP) top = above;
  else if (below + size.height <= area.bottom - GAP) top = below;
  // A selection taller than the view leaves no room on either side: stay inside the area.
  else top = area.top + GAP;
  const centred = (selection.left + selection.right) / 2 - size.width / 2;
  const left = Math.max(area.left + GAP, Math.min(area.right - GAP - size.width, centred));
  return { top, left };
}
