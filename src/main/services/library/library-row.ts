/** A row of the library's files table as the list shows it: one shape for every query that lists. */
import { join } from 'node:path';
import type { LibraryEntry } from '../../../shared/library';

export interface Row {
  id: number;
  rel: string;
  title: string;
  source: string;
  date: string | null;
  mtime: number;
}

/** One entry's row, by id: the top of a ranking is read this way once ranked. */
export const ROW_BY_ID = 'SELECT id, rel, title, source, date, mtime FROM files WHERE id = ?';

export function entryOf(root: string, row: Row): LibraryEntry {
  return {
    id: row.id,
    path: join(root, row.rel),
    title: row.title,
    source: row.source,
    date: row.date,
    modified: row.mtime,
  };
}
