/** The Open Recent list, kept in the user-data folder. */
import { join } from 'node:path';
import * as v from 'valibot';
import type { RecentEntry } from '../../shared/recent';
import { readJsonFile, writeJsonFile } from './json-store';

const MAX_RECENT = 12;
const RecentFileSchema = v.object({
  version: v.literal(1),
  entries: v.pipe(
    v.array(v.object({ path: v.string(), title: v.string(), openedAt: v.string() })),
    v.maxLength(100),
  ),
});

export class RecentFiles {
  #entries: RecentEntry[] | null = null;
  readonly #file: string;

  constructor(userDataDir: string) {
    this.#file = join(userDataDir, 'recent.json');
  }

  async list(): Promise<RecentEntry[]> {
    if (!this.#entries) {
      const read = await readJsonFile(this.#file, RecentFileSchema, () => ({
        version: 1 as const,
        entries: [],
      }));
      this.#entries = read.value.entries.slice(0, MAX_RECENT);
    }
    return [...this.#entries];
  }

  async add(path: string, title: string): Promise<void> {
    const entries = (await this.list()).filter((entry) => entry.path !== path);
    entries.unshift({ path, title, openedAt: new Date().toISOString() });
    this.#entries = entries.slice(0, MAX_RECENT);
    await writeJsonFile(this.#file, { version: 1, entries: this.#entries });
  }
}
