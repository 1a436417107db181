/** Small JSON files in the user-data folder: validated on read, written atomically, never silently lost. */
import { readFile, rename } from 'node:fs/promises';
import * as v from 'valibot';
import writeFileAtomic from 'write-file-atomic';

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
    throw error;
  }
  // JSON.parse creates "__proto__" as an own key, and valibot's objects copy only known keys.
  const parsed = v.safeParse(schema, safeJsonParse(text));
  if (parsed.success) return { value: parsed.output, setAside: null };
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  return { value: fallback(), setAside: aside };
}

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, { fsync: true });
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
