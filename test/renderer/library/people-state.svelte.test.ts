import { describe, expect, it } from 'vitest';
import type { LecternApi } from '../../../src/shared/ipc';
import type { NameList } from '../../../src/shared/library-research';
import { PeopleState } from '../../../src/renderer/src/library/PeopleState.svelte';

const NAMES = ['Kyiv', 'Odesa', 'Volodymyr Zelensky'];

/** Main's side of `research.names`: the names containing the filter, as it answers them. */
function fakeApi(asked: string[]): LecternApi {
  const call = async (_channel: string, filter: string) => {
    asked.push(filter);
    const names = NAMES.filter((name) => name.toLowerCase().includes(filter.toLowerCase()));
    const value: NameList = {
      names: names.map((name) => ({ name, kind: 'place', articles: 1 })),
      matching: names.length,
      analysis: null,
    };
    return { ok: true, value };
  };
  return { call } as unknown as LecternApi;
}

describe('People and places: the best name for the filter', () => {
  it('is asked for at once when Enter comes before the list has caught up with the typing', async () => {
    const asked: string[] = [];
    const people = new PeopleState(fakeApi(asked));
    await people.load();
    expect(people.list?.names[0]?.name).toBe('Kyiv');
    people.setFilter('odes');
    expect(await people.best()).toBe('Odesa');
    expect(asked).toEqual(['', 'odes']);
  });

  it('is the listed one when the list is up to date, without asking again', async () => {
    const asked: string[] = [];
    const people = new PeopleState(fakeApi(asked));
    people.filter = 'zelen';
    await people.load();
    expect(await people.best()).toBe('Volodymyr Zelensky');
    expect(asked).toEqual(['zelen']);
  });

  it('is none when nothing matches', async () => {
    const people = new PeopleState(fakeApi([]));
    people.setFilter('nowhere');
    expect(await people.best()).toBeNull();
  });
});
