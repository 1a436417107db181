/**
 * Readers for files written before every store was a StoredDocument (`{ version, data }`), so an
 * upgrade keeps the Recent list and the panel's layout instead of setting them aside as damaged.
 */
import * as v from 'valibot';
import { PanelLayoutSchema } from '../../shared/panel-layout';
import { RecentListSchema } from './recent-files';

/** `recent.json` as `{ version: 1, entries }`. */
export const RecentListLayout1 = v.pipe(
  v.object({ version: v.literal(1), entries: RecentListSchema }),
  v.transform((file) => file.entries),
);

/** `panel.json` as `{ version: 1, open, width }`. */
export const PanelLayout1 = v.pipe(
  v.object({ version: v.literal(1), ...PanelLayoutSchema.entries }),
  v.transform(({ open, width }) => ({ open, width })),
);
