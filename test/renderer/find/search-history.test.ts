import { describe, expect, test } from 'vitest';
import { memoryHistoryStore, SearchHistory } from '../../../src/renderer/src/find/search-history';

describe('SearchHistory', () => {
  test('recalls earlier searches with previous and next, then the draft', () => {
    const history = new SearchHistory();
    history.remember('Kyiv');
    history.remember('Élysée');
    expect(history.previous('draft')).toBe('Élysée');
    expect(history.previous('Élysée')).toBe('Kyiv');
    expect(history.previous('Kyiv')).toBeUndefined();
    expect(history.next()).toBe('Élysée');
    expect(history.next()).toBe('draft');
    expect(history.next()).toBeUndefined();
  });

  test('searches kept from earlier sessions arriving mid-recall leave the recall where it was', () => {
    const history = new SearchHistory();
    history.remember('kyiv');
    history.remember('moscow');
    expect(history.previous('draft')).toBe('moscow');
    expect(history.previous('moscow')).toBe('kyiv');
    history.restore(['older', 'kyiv']);
    expect(history.next()).toBe('moscow');
    expect(history.next()).toBe('draft');
    expect(history.previous('draft')).toBe('moscow');
    expect(history.previous('moscow')).toBe('kyiv');
    expect(history.previous('kyiv')).toBe('older');
  });

  test('skips the entry already in the box and keeps no duplicates', () => {
    const history = new SearchHistory();
    history.remember('a');
    history.remember('b');
    history.remember('a');
    expect(history.previous('a')).toBe('b');
    expect(history.previous('b')).toBeUndefined();
  });

  test('loads from and saves to its store', () => {
    const store = memoryHistoryStore(['saved']);
    const history = new SearchHistory(store);
    expect(history.previous('')).toBe('saved');
    history.remember('new');
    expect(store.load()).toEqual(['saved', 'new']);
  });
});
