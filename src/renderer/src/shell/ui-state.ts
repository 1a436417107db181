/**
 * Namespaced UI state kept in the user-data folder (e.g. the find bar's history): typed by a valibot
 * schema, validated again on read, so a part of the window never sees a shape it did not write.
 *
 *   const history = new UiStateSlot(api, 'find.history', v.array(v.string()), () => []);
 *   const past = await history.read();   // string[]
 *   await history.write([...past, 'kyiv']); // Result<void>: show `error.message` if not ok
 */
import * as v from 'valibot';
import type { LecternApi } from '../../../shared/ipc';
import type { Result } from '../../../shared/result';
import type { JsonValue } from '../../../shared/settings';

export class UiStateSlot<T extends JsonValue> {
  constructor(
    private readonly api: LecternApi,
    /** Lower-case words joined by dots, e.g. `find.history`; one namespace per feature. */
    readonly namespace: string,
    private readonly schema: v.GenericSchema<unknown, T>,
    private readonly fallback: () => T,
  ) {}

  /** The stored value, or the fallback when nothing (or something of another shape) is stored. */
  async read(): Promise<T> {
    const result = await this.api.call('uiState.get', this.namespace);
    if (!result.ok || result.value === null) return this.fallback();
    const parsed = v.safeParse(this.schema, result.value);
    return parsed.success ? parsed.output : this.fallback();
  }

  /** Saves atomically; on a full disk or read-only folder the result carries a message to show. */
  write(value: T): Promise<Result<void>> {
    return this.api.call('uiState.set', this.namespace, value);
  }
}
