/** The Recent list: articles opened from a path, newest first, kept in `recent.json`. */
import * as v from 'valibot';
import type { RecentEntry } from '../../shared/recent';

const MAX_RECENT = 12;

export const RecentListSchema = v.pipe(
  v.array(
    v.object({
      path: v.pipe(v.string(), v.maxLength(4096)),
      title: v.pipe(v.string(), v.maxLength(1000)),
      openedAt: v.pipe(v.string(), v.maxLength(40)),
    }),
  ),
  v.maxLength(100),
  v.transform((entries) => entries.slice(0, MAX_RECENT)),
);

/** The list after opening `path`: it moves to the top, and the oldest entries fall off. */
export function withOpened(list: RecentEntry[], path: string, title: string): RecentEntry[] {
  const others = list.filter((entry) => entry.path !== path);
  return [{ path, title, openedAt: new Date().toISOString() }, ...others].slice(0, MAX_RECENT);
}
