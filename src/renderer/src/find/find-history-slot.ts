/** The find bar's history, kept across sessions in the app's UI state (`find.history`). */
import * as v from 'valibot';
import type { LecternApi } from '../../../shared/ipc';
import type { SearchHistoryStore } from './search-history';
import { UiStateSlot } from '../shell/ui-state';

const HistorySchema = v.pipe(v.array(v.pipe(v.string(), v.maxLength(1_000))), v.maxLength(50));

export function findHistorySlot(api: LecternApi) {
  const slot = new UiStateSlot(api, 'find.history', HistorySchema, () => []);
  const store: SearchHistoryStore = {
    // Starts empty; the kept list arrives through FindState.restoreHistory once read.
    load: () => [],
    save: (list) => void slot.write(list),
  };
  return { store, read: () => slot.read() };
}
