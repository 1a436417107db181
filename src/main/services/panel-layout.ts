/** The details panel's open state and width, kept in `panel.json` in the user-data folder. */
import { join } from 'node:path';
import * as v from 'valibot';
import { PANEL_MAX_WIDTH, PANEL_MIN_WIDTH, type PanelLayout } from '../../shared/panel-layout';
import { readJsonFile, writeJsonFile } from './json-store';

export const DEFAULT_PANEL: PanelLayout = { open: false, width: 320 };

const PanelFileSchema = v.object({
  version: v.literal(1),
  open: v.boolean(),
  width: v.pipe(v.number(), v.integer(), v.minValue(PANEL_MIN_WIDTH), v.maxValue(PANEL_MAX_WIDTH)),
});

export class PanelLayoutStore {
  #layout: PanelLayout | null = null;
  readonly #file: string;

  constructor(userDataDir: string) {
    this.#file = join(userDataDir, 'panel.json');
  }

  async get(): Promise<PanelLayout> {
    if (!this.#layout) {
      const read = await readJsonFile(this.#file, PanelFileSchema, () => ({
        version: 1 as const,
        ...DEFAULT_PANEL,
      }));
      this.#layout = { open: read.value.open, width: read.value.width };
    }
    return { ...this.#layout };
  }

  async set(layout: PanelLayout): Promise<void> {
    this.#layout = { ...layout };
    await writeJsonFile(this.#file, { version: 1, ...layout });
  }
}
