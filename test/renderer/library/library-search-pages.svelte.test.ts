import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LecternApi } from '../../../src/shared/ipc';
import {
  MAX_SEARCH_RESULTS,
  SEARCH_PAGE,
  type SearchHit,
  type SearchResults,
} from '../../../src/shared/library';
import { LibraryState } from '../../../src/renderer/src/library/LibraryState.svelte';

/** Main's side of `library.search` over a library where `total` articles match: the best first. */
function fakeApi(total: number, asked: number[]): LecternApi {
  const hit = (i: number) => ({ entry: { path: `/lib/${i}.txt`, title: `No. ${i}` }, snippet: [] });
  const call = async (channel: string, _query: string, limit: number) => {
    if (channel !== 'library.search') throw new Error(`unexpected ${channel}`);
    asked.push(limit);
    const count = Math.min(limit, total);
    const value: SearchResults = {
      hits: Array.from({ length: count }, (_, i) => hit(i) as unknown as SearchHit),
      total,
    };
    return { ok: true, value };
  };
  return { call } as unknown as LecternApi;
}

describe('search results a page at a time', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function searched(library: LibraryState, query: string) {
    library.setQuery(query);
    await vi.runAllTimersAsync();
  }

  it('asks for a page more each time, up to the most one search sends', async () => {
    const asked: number[] = [];
    const library = new LibraryState(fakeApi(1234, asked));
    await searched(library, 'harbour');
    expect(library.hits).toHaveLength(SEARCH_PAGE);
    expect(library.moreToShow).toBe(true);
    expect(library.nextPage).toBe(SEARCH_PAGE);
    while (library.moreToShow) await library.showMore();
    expect(library.hits).toHaveLength(MAX_SEARCH_RESULTS);
    expect(library.nextPage).toBe(0);
    expect(asked).toEqual(
      Array.from({ length: MAX_SEARCH_RESULTS / SEARCH_PAGE }, (_, i) => (i + 1) * SEARCH_PAGE),
    );
  });

  it('keeps offering more while the next page loads, and asks for it once', async () => {
    const asked: number[] = [];
    const library = new LibraryState(fakeApi(1234, asked));
    await searched(library, 'harbour');
    const loading = library.showMore();
    // The button stays where the focus is until the rows it asked for arrive.
    expect(library.moreToShow).toBe(true);
    await loading;
    expect(library.hits).toHaveLength(2 * SEARCH_PAGE);
    expect(asked).toEqual([SEARCH_PAGE, 2 * SEARCH_PAGE]);
  });

  it('offers only what is left, and starts again from one page for a new query', async () => {
    const asked: number[] = [];
    const library = new LibraryState(fakeApi(60, asked));
    await searched(library, 'harbour');
    expect(library.nextPage).toBe(10);
    await library.showMore();
    expect(library.hits).toHaveLength(60);
    expect(library.moreToShow).toBe(false);
    await library.showMore();
    await searched(library, 'harbour board');
    expect(library.hits).toHaveLength(SEARCH_PAGE);
    expect(asked).toEqual([SEARCH_PAGE, 2 * SEARCH_PAGE, SEARCH_PAGE]);
  });
});
