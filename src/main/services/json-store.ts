/** Small JSON files in the user-data folder: validated on read, written atomically, never silently lost. */
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';
import { AppFailure } from '../../shared/result';
import { replaceFile } from './atomic-file';
import { trackWrite } from './pending-writes';

export interface StoreRead<T> {
  value: T;
  /** Set when the file existed but was unreadable or invalid; it was moved aside to this path. */
  setAside: string | null;
}

/** Reads and validates; a corrupt file is renamed with a timestamp (never overwritten) and defaults are used. */
export async function readJsonFile<T>(
  file: string,
  schema: v.GenericSchema<unknown, T>,
  fallback: () => T,
): Promise<StoreRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { value: fallback(), setAside: null };
    throw storageFailure(error, file);
  }
  // JSON.parse creates "__proto__" as an own key, and valibot's objects copy only known keys.
  const parsed = safeValidate(schema, safeJsonParse(text));
  if (parsed?.success) return { value: parsed.output, setAside: null };
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  return { value: fallback(), setAside: aside };
}

/** Temp file, every byte, fsync, rename, then fsync of the folder so the rename itself is durable. */
export function writeJsonFile(file: string, value: unknown): Promise<void> {
  return trackWrite(writeJsonFileNow(file, value));
}

async function writeJsonFileNow(file: string, value: unknown): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await replaceFile(file, `${JSON.stringify(value, null, 2)}\n`);
  } catch (error) {
    throw storageFailure(error, file);
  }
}

/** Removes temp files a killed writer left behind (replaceFile names them `<file>.<digits>`). */
export async function removeStaleTempFiles(file: string): Promise<void> {
  const prefix = `${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) {
      await unlink(join(dirname(file), name)).catch(() => undefined);
    }
  }
}

/** Turns a disk error into a message people can act on. */
export function storageFailure(error: unknown, file: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = dirname(file);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppFailure(
      'storage',
      `The disk is full, so Lectern could not save your changes in ${where}. They are kept while Lectern stays open; free some space and try again.`,
    );
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppFailure(
      'storage',
      `Lectern cannot write to ${where} (the folder is read-only or not yours). Your changes are kept while Lectern stays open.`,
    );
  }
  if (code) {
    return new AppFailure(
      'storage',
      `Lectern could not save to ${where} (${code}). Your changes are kept while Lectern stays open.`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** A file no schema foresaw (nested deeper than the stack) is damaged, like any invalid one. */
function safeValidate<T>(schema: v.GenericSchema<unknown, T>, input: unknown) {
  try {
    return v.safeParse(schema, input);
  } catch {
    return null;
  }
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
