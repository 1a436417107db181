import { describe, expect, it } from 'vitest';
import { placeToolbar, type Box } from '../../../src/renderer/src/highlights/toolbar-placement';

const area: Box = { top: 100, bottom: 700, left: 0, right: 800 };
const size = { width: 230, height: 42 };
const line = (top: number, left = 300, right = 500): Box => ({
  top,
  bottom: top + 24,
  left,
  right,
});
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const boxOf = (place: { top: number; left: number }): Box => ({
  top: place.top,
  left: place.left,
  bottom: place.top + size.height,
  right: place.left + size.width,
});

describe('the selection toolbar’s place', () => {
  it('sits above a selection with room above it, centred on it', () => {
    expect(placeToolbar(line(400), area, size)).toEqual({ top: 400 - 8 - 42, left: 285 });
  });

  it('flips below a selection near the top of the article, inside the area', () => {
    const place = placeToolbar(line(110), area, size)!;
    expect(place.top).toBe(110 + 24 + 8);
    expect(place.top).toBeGreaterThanOrEqual(area.top);
    expect(overlaps(boxOf(place), line(110))).toBe(false);
  });

  it('keeps inside the area’s sides for a selection at its edge', () => {
    expect(placeToolbar(line(400, 0, 40), area, size)!.left).toBe(8);
    expect(placeToolbar(line(400, 760, 800), area, size)!.left).toBe(800 - 8 - 230);
  });

  it('stays inside the area when the selection fills it', () => {
    const tall = { top: 50, bottom: 900, left: 0, right: 800 };
    expect(placeToolbar(tall, area, size)!.top).toBe(108);
  });

  it('is not shown for a selection scrolled out of the area', () => {
    expect(placeToolbar(line(40), area, size)).toBeNull();
    expect(placeToolbar(line(720), area, size)).toBeNull();
  });
});
