/**
 * The list's research filters as pure functions over the facts main sends: reading status by entry,
 * groups of copies, and which entries a filter keeps. Tested without a window.
 */
import type { LibraryEntry } from '../../../shared/library';
import {
  readingStatus,
  type LibraryFacts,
  type ReadingRecord,
  type ReadingStatus,
} from '../../../shared/library-research';

export type StatusFilter = '' | ReadingStatus['state'];

export interface ResearchFilter {
  status: StatusFilter;
  duplicatesOnly: boolean;
  /** Only the entries naming someone: their ids. */
  named: ReadonlySet<number> | null;
  /** An entry the Reading filter keeps though it no longer fits (just marked: M again undoes). */
  kept?: number | null;
}

export interface CopyGroup {
  group: number;
  size: number;
}

export const NO_RECORDS: ReadonlyMap<number, ReadingRecord> = new Map();

/** Reading records by entry id: main's, overlaid with those read in this window since. */
export function recordsById(
  facts: LibraryFacts | null,
  readHere: ReadonlyMap<number, ReadingRecord>,
): ReadonlyMap<number, ReadingRecord> {
  const records = new Map((facts?.reading ?? []).map((r) => [r.id, r.record]));
  for (const [id, record] of readHere) records.set(id, record);
  return records;
}

/** Each entry in a group of copies, with its group's number and size. */
export function copiesById(facts: LibraryFacts | null): ReadonlyMap<number, CopyGroup> {
  const byId = new Map<number, CopyGroup>();
  (facts?.copies ?? []).forEach((ids, group) => {
    for (const id of ids) byId.set(id, { group, size: ids.length });
  });
  return byId;
}

export const withRecord = (
  records: ReadonlyMap<number, ReadingRecord>,
  id: number,
  record: ReadingRecord,
): ReadonlyMap<number, ReadingRecord> => new Map(records).set(id, record);

export const idSet = (ids: number[]): ReadonlySet<number> => new Set(ids);

/**
 * The entries a filter keeps, in the order given; with Duplicates, each group of copies together
 * where its first member was.
 */
export function keepEntries(
  entries: LibraryEntry[],
  filter: ResearchFilter,
  records: ReadonlyMap<number, ReadingRecord>,
  copies: ReadonlyMap<number, CopyGroup>,
): LibraryEntry[] {
  const { status, duplicatesOnly, named } = filter;
  const kept = entries.filter(
    (entry) =>
      (!named || named.has(entry.id)) &&
      (!status ||
        entry.id === filter.kept ||
        readingStatus(records.get(entry.id)).state === status) &&
      (!duplicatesOnly || copies.has(entry.id)),
  );
  if (!duplicatesOnly) return kept;
  const groups = new Map<number, LibraryEntry[]>();
  for (const entry of kept) {
    const group = copies.get(entry.id)!.group;
    const members = groups.get(group);
    if (members) members.push(entry);
    else groups.set(group, [entry]);
  }
  return [...groups.values()].flat();
}

/** Records that show the same status and percentage need not be replaced while scrolling. */
export function sameShown(a: ReadingRecord | undefined, b: ReadingRecord): boolean {
  if (!a) return false;
  const [x, y] = [readingStatus(a), readingStatus(b)];
  return x.state === y.state && (x.state !== 'reading' || x.percent === (y as typeof x).percent);
}
