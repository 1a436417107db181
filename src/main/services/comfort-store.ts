/**
 * Remembered state in the user-data folder: settings, namespaced UI state, the last article,
 * reading positions and each article's highlights. Every file is versioned, validated and atomic.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import { ArticleAnnotationsSchema, type ArticleAnnotations } from '../../shared/annotation';
import { AppFailure } from '../../shared/result';
import {
  ArticleKeySchema,
  DEFAULT_SETTINGS,
  JSON_LIMITS,
  JsonValueSchema,
  MAX_UI_NAMESPACES,
  NamespaceSchema,
  ReadingPositionSchema,
  SettingsSchema,
  type JsonValue,
  type ReadingPosition,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings';
import { StoredDocument } from './stored-document';

const MAX_POSITIONS = 500;
/** A namespace's value sits three levels deep in settings.json: `data`, `ui`, its name. */
const UI_VALUE_INDENT = 6;

const AppStateSchema = v.object({
  settings: SettingsSchema,
  ui: v.pipe(
    v.record(NamespaceSchema, JsonValueSchema),
    v.check((ui) => Object.keys(ui).length <= MAX_UI_NAMESPACES),
  ),
  lastArticle: v.nullable(v.pipe(v.string(), v.maxLength(4096))),
  // Added after the first release of this file, so older files without it still validate.
  lastFolder: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(4096))), null),
});
type AppState = v.InferOutput<typeof AppStateSchema>;

const PositionsSchema = v.record(
  ArticleKeySchema,
  v.strictObject({ ...ReadingPositionSchema.entries, at: v.pipe(v.string(), v.maxLength(40)) }),
);
type Positions = v.InferOutput<typeof PositionsSchema>;

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
    if (writtenBytes(value) > JSON_LIMITS.bytes) {
      throw new AppFailure('too-large', `The remembered state for ${namespace} is too large.`);
    }
    const { ui } = await this.#state.read();
    if (!Object.hasOwn(ui, namespace) && Object.keys(ui).length >= MAX_UI_NAMESPACES) {
      throw new AppFailure(
        'too-large',
        `Lectern keeps remembered state for at most ${MAX_UI_NAMESPACES} parts of the window.`,
      );
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
      const entries = Object.entries({
        ...all,
        [key]: { ...position, at: new Date().toISOString() },
      });
      // The oldest positions are forgotten first, so the file stays small.
      entries.sort((a, b) => b[1].at.localeCompare(a[1].at));
      return Object.fromEntries(entries.slice(0, MAX_POSITIONS));
    });
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

/** The bytes a namespace's value takes in settings.json as written: indented, at its depth. */
function writtenBytes(value: JsonValue): number {
  const text = JSON.stringify(value, null, 2);
  const lines = text.split('\n').length;
  return Buffer.byteLength(text) + UI_VALUE_INDENT * (lines - 1);
}
