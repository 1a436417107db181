/** The body's lookup from a block id to its top-level block, for numbered ids and any other. */
import { describe, expect, it } from 'vitest';
import { TopBlockIndex } from '../../../src/renderer/src/reader/article/top-block-index';

describe('top block index', () => {
  it('finds every id it was given, grows as needed, and knows no other', () => {
    const index = new TopBlockIndex();
    for (let i = 0; i < 5000; i++) index.set(`b${i}`, Math.floor(i / 3));
    index.set('b99999', 7);
    index.set('heading-1', 2);
    index.set('b999999999', 3);
    expect(index.get('b0')).toBe(0);
    expect(index.get('b4999')).toBe(1666);
    expect(index.get('b99999')).toBe(7);
    expect(index.get('heading-1')).toBe(2);
    expect(index.get('b999999999')).toBe(3);
    expect(index.get('b5000')).toBeUndefined();
    expect(index.get('b')).toBeUndefined();
    expect(index.get('x1')).toBeUndefined();
  });
});
