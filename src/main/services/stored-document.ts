/** One versioned JSON file held in memory: loaded once, each change written atomically in order. */
import * as v from 'valibot';
import { readJsonFile, removeStaleTempFiles, writeJsonFile } from './json-store';
import { trackWrite } from './pending-writes';

export interface Versioned<T> {
  version: 1;
  data: T;
}

/** Reports a corrupt file that was set aside, so the window can say so once. */
export type SetAsideReporter = (file: string, aside: string) => void;

export class StoredDocument<T> {
  #data: T | null = null;
  #loading: Promise<T> | null = null;
  #writes: Promise<unknown> = Promise.resolve();
  readonly #schema: v.GenericSchema<unknown, Versioned<T>>;

  constructor(
    readonly file: string,
    dataSchema: v.GenericSchema<unknown, T>,
    private readonly fallback: () => T,
    private readonly onSetAside: SetAsideReporter = () => undefined,
  ) {
    this.#schema = v.strictObject({ version: v.literal(1), data: dataSchema }) as never;
  }

  async read(): Promise<T> {
    if (this.#data !== null) return this.#data;
    this.#loading ??= this.#load();
    return this.#loading;
  }

  /**
   * Applies a change in memory first, then writes; if the write fails (disk full, read-only) the
   * in-memory state is kept and the error carries a message for people.
   */
  async update(change: (data: T) => T): Promise<T> {
    const next = change(await this.read());
    this.#data = next;
    const write = trackWrite(
      this.#writes.then(() => writeJsonFile(this.file, { version: 1, data: this.#data })),
    );
    this.#writes = write.catch(() => undefined);
    await write;
    return next;
  }

  async #load(): Promise<T> {
    await removeStaleTempFiles(this.file);
    const read = await readJsonFile(this.file, this.#schema, () => ({
      version: 1 as const,
      data: this.fallback(),
    }));
    if (read.setAside) this.onSetAside(this.file, read.setAside);
    this.#data = read.value.data;
    return this.#data;
  }
}
