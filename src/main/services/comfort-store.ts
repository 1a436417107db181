/**
 * Remembered state in the user-data folder: settings, namespaced UI state, the last article,
 * reading positions and each article's highlights. Every file is versioned, validated and atomic.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { ArticleAnnotationsSchema, type ArticleAnnotations } from '../../shared/annotation';
import type { ReadingRecord } from '../../shared/library-research';
import { AppFailure } from '../../shared/result';
import {
  ArticleKeySchema,
  DEFAULT_SETTINGS,
  JsonValueSchema,
  NamespaceSchema,
  ReadingPositionSchema,
  SettingsSchema,
  type JsonValue,
  type ReadingPosition,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings';
import { StoredDocument } from './stored-document';

/** Positions are also each article's reading status in the library: enough for a big one. */
const MAX_POSITIONS = 5000;
const MAX_UI_STATE_CHARS = 256 * 1024;

const AppStateSchema = v.object({
  settings: SettingsSchema,
  ui: v.record(NamespaceSchema, JsonValueSchema),
  lastArticle: v.nullable(v.pipe(v.string(), v.maxLength(4096))),
  // Added after the first release of this file, so older files without it still validate.
  lastFolder: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(4096))), null),
});
type AppState = v.InferOutput<typeof AppStateSchema>;

const PositionsSchema = v.record(
  ArticleKeySchema,
  v.strictObject({
    ...ReadingPositionSchema.entries,
    at: v.pipe(v.string(), v.maxLength(40)),
    // How far it was ever read (1: the end was reached, or it was marked read); added later.
    furthest: v.optional(ReadingPositionSchema.entries.progress),
  }),
);
type Positions = v.InferOutput<typeof PositionsSchema>;

const HIGHLIGHTS_FILE = /^(sha-)?[0-9a-f]{16}\.json$/;
const isoNow = () => new Date().toISOString();

/** The oldest positions are forgotten first, so the file stays small. */
function newestPositions(all: Positions): Positions {
  const entries = Object.entries(all).sort((a, b) => b[1].at.localeCompare(a[1].at));
  return Object.fromEntries(entries.slice(0, MAX_POSITIONS));
}

export class ComfortStore {
  readonly #notices: string[] = [];
  readonly #state: StoredDocument<AppState>;
  readonly #positions: StoredDocument<Positions>;
  readonly #highlights = new Map<string, StoredDocument<ArticleAnnotations>>();

  constructor(private readonly userDataDir: string) {
    this.#state = new StoredDocument(
      join(userDataDir, 'settings.json'),
      AppStateSchema,
      () => ({
        settings: { ...DEFAULT_SETTINGS },
        ui: {},
        lastArticle: null,
        lastFolder: null,
      }),
      this.#report,
    );
    this.#positions = new StoredDocument(
      join(userDataDir, 'positions.json'),
      PositionsSchema,
      () => ({}),
      this.#report,
    );
  }

  /** Messages about corrupt files that were set aside since launch; each is given once. */
  takeNotices(): string[] {
    return this.#notices.splice(0);
  }

  async settings(): Promise<Settings> {
    return (await this.#state.read()).settings;
  }

  async setSettings(patch: SettingsPatch): Promise<Settings> {
    const next = await this.#state.update((s) => ({ ...s, settings: { ...s.settings, ...patch } }));
    return next.settings;
  }

  async uiState(namespace: string): Promise<JsonValue | null> {
    return (await this.#state.read()).ui[namespace] ?? null;
  }

  async setUiState(namespace: string, value: JsonValue): Promise<void> {
    if (JSON.stringify(value).length > MAX_UI_STATE_CHARS) {
      throw new AppFailure('too-large', `The remembered state for ${namespace} is too large.`);
    }
    await this.#state.update((s) => ({ ...s, ui: { ...s.ui, [namespace]: value } }));
  }

  async lastArticle(): Promise<string | null> {
    return (await this.#state.read()).lastArticle;
  }

  async setLastArticle(path: string | null): Promise<void> {
    if ((await this.lastArticle()) === path) return;
    await this.#state.update((s) => ({ ...s, lastArticle: path }));
  }

  async lastFolder(): Promise<string | null> {
    return (await this.#state.read()).lastFolder;
  }

  async setLastFolder(path: string | null): Promise<void> {
    if ((await this.lastFolder()) === path) return;
    await this.#state.update((s) => ({ ...s, lastFolder: path }));
  }

  async position(key: string): Promise<ReadingPosition | null> {
    const entry = (await this.#positions.read())[key];
    return entry ? { block: entry.block, offset: entry.offset, progress: entry.progress } : null;
  }

  async setPosition(key: string, position: ReadingPosition): Promise<void> {
    await this.#positions.update((all) => {
      const furthest = Math.max(position.progress, all[key]?.furthest ?? all[key]?.progress ?? 0);
      return newestPositions({ ...all, [key]: { ...position, at: isoNow(), furthest } });
    });
  }

  /** How far each article with a remembered position was read, by key. */
  async readingRecords(): Promise<Record<string, ReadingRecord>> {
    const all = await this.#positions.read();
    const records: Record<string, ReadingRecord> = {};
    for (const [key, { progress, furthest, at }] of Object.entries(all)) {
      records[key] = { progress, furthest: furthest ?? progress, at };
    }
    return records;
  }

  /** Marked read, an article counts as finished; marked unread, its position is forgotten. */
  async setRead(keys: string[], read: boolean): Promise<void> {
    await this.#positions.update((all) => {
      const next = { ...all };
      for (const key of keys) {
        if (!read) delete next[key];
        else
          next[key] = {
            ...(all[key] ?? { block: '', offset: 0, progress: 0 }),
            at: isoNow(),
            furthest: 1,
          };
      }
      return newestPositions(next);
    });
  }

  /** The keys of every article with stored highlights. */
  async highlightKeys(): Promise<string[]> {
    const names = await readdir(join(this.userDataDir, 'highlights')).catch(() => []);
    return names
      .filter((name) => HIGHLIGHTS_FILE.test(name))
      .map((name) => name.slice(0, -'.json'.length));
  }

  async highlights(key: string): Promise<ArticleAnnotations> {
    return this.#highlightsFile(key).read();
  }

  async setHighlights(key: string, value: ArticleAnnotations): Promise<void> {
    await this.#highlightsFile(key).update(() => value);
  }

  #highlightsFile(key: string): StoredDocument<ArticleAnnotations> {
    let file = this.#highlights.get(key);
    if (!file) {
      file = new StoredDocument(
        join(this.userDataDir, 'highlights', `${key}.json`),
        ArticleAnnotationsSchema,
        () => ({ title: '', annotations: [] }),
        this.#report,
      );
      this.#highlights.set(key, file);
    }
    return file;
  }

  #report = (file: string, aside: string) => {
    this.#notices.push(
      `A damaged file was set aside and started afresh: ${file} (kept as ${aside}).`,
    );
  };
}
