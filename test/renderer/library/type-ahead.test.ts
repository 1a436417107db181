import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAUSE_MS, TypeAhead } from '../../../src/renderer/src/library/type-ahead';

describe('type-ahead and a letter that is a command', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('spells a run from characters typed within the pause, and starts again after it', () => {
    const typeAhead = new TypeAhead();
    expect(typeAhead.type('e')).toBe('e');
    expect(typeAhead.type('m')).toBe('em');
    vi.advanceTimersByTime(PAUSE_MS);
    expect(typeAhead.running).toBe(false);
    expect(typeAhead.type('m')).toBe('m');
  });

  it('runs a held command when the pause runs out, and not before', () => {
    const typeAhead = new TypeAhead();
    const mark = vi.fn();
    typeAhead.hold('m', mark);
    vi.advanceTimersByTime(PAUSE_MS - 1);
    expect(mark).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(mark).toHaveBeenCalledOnce();
  });

  it('drops a held command when a letter follows in time: "mi" is the start of a title', () => {
    const typeAhead = new TypeAhead();
    const mark = vi.fn();
    typeAhead.hold('m', mark);
    expect(typeAhead.type('i')).toBe('mi');
    vi.advanceTimersByTime(PAUSE_MS * 2);
    expect(mark).not.toHaveBeenCalled();
  });

  it('runs a held command at once when another key comes first, and ends the run', () => {
    const typeAhead = new TypeAhead();
    const mark = vi.fn();
    typeAhead.hold('m', mark);
    typeAhead.end();
    expect(mark).toHaveBeenCalledOnce();
    expect(typeAhead.type('i')).toBe('i');
    vi.advanceTimersByTime(PAUSE_MS * 2);
    expect(mark).toHaveBeenCalledOnce();
  });
});
