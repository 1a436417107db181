import { describe, expect, it } from 'vitest';
import { ListSelection } from '../../../src/renderer/src/library/ListSelection.svelte';

const KEYS = ['a', 'b', 'c', 'd', 'e'];
const chosen = (selection: ListSelection) => selection.inOrder(KEYS, (key) => key);

describe('the library list selection', () => {
  it('holds one row after a plain click, a range from it with Shift', () => {
    const selection = new ListSelection();
    selection.only('b');
    selection.extend(KEYS, 3);
    expect(chosen(selection)).toEqual(['b', 'c', 'd']);
    // Shift again from the same anchor, the other way: the range is replaced, not added to.
    selection.extend(KEYS, 0);
    expect(chosen(selection)).toEqual(['a', 'b']);
  });

  it('adds and removes single rows with Ctrl, and ranges start from the last one', () => {
    const selection = new ListSelection();
    selection.only('a');
    selection.toggle('c');
    selection.toggle('a');
    selection.toggle('d');
    expect(chosen(selection)).toEqual(['c', 'd']);
    selection.extend(KEYS, 4);
    expect(chosen(selection)).toEqual(['d', 'e']);
  });

  it('gives the selection in the order the list shows, whatever the order chosen', () => {
    const selection = new ListSelection();
    selection.only('e');
    selection.toggle('a');
    selection.toggle('c');
    expect(chosen(selection)).toEqual(['a', 'c', 'e']);
    expect(selection.inOrder(['e', 'x', 'c'], (key) => key)).toEqual(['e', 'c']);
  });

  it('selects every row, and a plain click goes back to one', () => {
    const selection = new ListSelection();
    selection.all(KEYS);
    expect(selection.size).toBe(5);
    selection.only('c');
    expect(chosen(selection)).toEqual(['c']);
  });
});
