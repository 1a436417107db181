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
  // library.search(query, limit) or research.search(query, filter, limit).
  const call = async (channel: string, _query: string, ...rest: unknown[]) => {
    // Whether the Filters are shown, kept in the window's state: nothing kept yet.
    if (channel === 'uiState.get') return { ok: true, value: null };
    if (channel !== 'library.search' && channel !== 'research.search') {
      throw new Error(`unexpected ${channel}`);
    }
    const limit = rest.at(-1) as number;
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

  it('shows no late page once the query has changed, and counts a new query as a new list', async () => {
    const asked: number[] = [];
    let answer = () => {};
    const api = fakeApi(1234, asked);
    const slow = {
      call: (...args: Parameters<LecternApi['call']>) =>
        new Promise((resolve) => {
          answer = () => resolve((api.call as (...a: unknown[]) => unknown)(...args));
        }),
    } as unknown as LecternApi;
    const library = new LibraryState(slow);
    library.setQuery('harbour');
    await vi.advanceTimersByTimeAsync(200);
    answer();
    await vi.runAllTimersAsync();
    const firstList = library.resultsFor;
    const loading = library.showMore();
    library.setQuery('harbour board');
    answer();
    await loading;
    // The page asked for before the query changed does not land in the new query's results.
    expect(library.hits).toHaveLength(SEARCH_PAGE);
    expect(library.loadingMore).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    answer();
    await vi.runAllTimersAsync();
    expect(library.resultsFor).toBe(firstList + 1);
    expect(asked).toEqual([SEARCH_PAGE, 2 * SEARCH_PAGE, SEARCH_PAGE]);
  });

  it('keeps the pages shown when the filter is only rebuilt, and starts over when it changes', async () => {
    const asked: number[] = [];
    const library = new LibraryState(fakeApi(1234, asked));
    library.refilter();
    await searched(library, 'harbour');
    await library.showMore();
    library.refilter();
    await vi.runAllTimersAsync();
    expect(library.hits).toHaveLength(2 * SEARCH_PAGE);
    library.filter.source = 'Port News';
    library.refilter();
    await vi.runAllTimersAsync();
    expect(library.hits).toHaveLength(SEARCH_PAGE);
    expect(asked).toEqual([SEARCH_PAGE, 2 * SEARCH_PAGE, SEARCH_PAGE]);
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
