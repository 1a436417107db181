/**
 * One versioned JSON file held in memory: loaded once, validated, each change written atomically
 * and in order. Every file Lectern keeps in the user-data folder is one of these.
 */
import * as v from 'valibot';
import { readJsonFile, removeStaleTempFiles, writeJsonFile } from './json-store';
import { trackWrite } from './pending-writes';

/** Where a document says what went wrong, so the window can tell people once. */
export interface StoreReporter {
  /** A damaged file was renamed to `aside` and defaults used instead. */
  setAside(file: string, aside: string): void;
  /** A change made with `change` (nobody waits for it) could not be written. */
  writeFailed(error: Error): void;
}

export interface DocumentOptions<T> {
  reporter?: StoreReporter;
  /** The layout's version, written as `{ version, data }`; a file of another version is set aside. */
  version?: number;
  /** Reads the file's previous layout into the current one, so an upgrade keeps what it held. */
  earlier?: v.GenericSchema<unknown, T>;
  /**
   * The folder was already swept of this file's temp files: each load would otherwise list it, and
   * loading every file of a big folder (All highlights) would list it once per file.
   */
  swept?: boolean;
}

const silent: StoreReporter = { setAside: () => undefined, writeFailed: () => undefined };

export class StoredDocument<T> {
  #data: T | null = null;
  #loading: Promise<T> | null = null;
  #writes: Promise<unknown> = Promise.resolve();
  readonly #version: number;
  readonly #schema: v.GenericSchema<unknown, T>;
  readonly #reporter: StoreReporter;
  readonly #swept: boolean;

  constructor(
    readonly file: string,
    dataSchema: v.GenericSchema<unknown, T>,
    private readonly fallback: () => T,
    options: DocumentOptions<T> = {},
  ) {
    this.#version = options.version ?? 1;
    this.#reporter = options.reporter ?? silent;
    this.#swept = options.swept ?? false;
    const current = v.pipe(
      v.strictObject({ version: v.literal(this.#version), data: dataSchema }),
      v.transform((file) => file.data),
    );
    this.#schema = (options.earlier ? v.union([current, options.earlier]) : current) as never;
  }

  async read(): Promise<T> {
    if (this.#data !== null) return this.#data;
    this.#loading ??= this.#load();
    return this.#loading;
  }

  /**
   * Applies a change in memory first, then writes and waits for the disk; if the write fails
   * (disk full, read-only) the in-memory state is kept and the error carries a message for people.
   */
  async update(change: (data: T) => T): Promise<T> {
    const { data, written } = await this.#apply(change);
    await written;
    return data;
  }

  /**
   * Applies a change in memory and starts writing it without waiting: the next read sees it at
   * once, quitting still waits for the write (pending-writes), and a failure is reported.
   */
  async change(change: (data: T) => T): Promise<T> {
    const { data, written } = await this.#apply(change);
    written.catch((error: unknown) => this.#reporter.writeFailed(error as Error));
    return data;
  }

  async #apply(change: (data: T) => T): Promise<{ data: T; written: Promise<void> }> {
    const next = change(await this.read());
    this.#data = next;
    const written = trackWrite(
      this.#writes.then(() =>
        writeJsonFile(this.file, { version: this.#version, data: this.#data }),
      ),
    );
    this.#writes = written.catch(() => undefined);
    return { data: next, written };
  }

  async #load(): Promise<T> {
    if (!this.#swept) await removeStaleTempFiles(this.file);
    const read = await readJsonFile(this.file, this.#schema, this.fallback);
    if (read.setAside) this.#reporter.setAside(this.file, read.setAside);
    this.#data = read.value;
    return this.#data;
  }
}
