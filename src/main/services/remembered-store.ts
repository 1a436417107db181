/**
 * Everything Lectern remembers, in the user-data folder: settings and UI state, the last article
 * and folder, reading positions, each article's highlights, the Recent list and the details panel's
 * layout. Every file is a StoredDocument (versioned, validated, atomic), and every problem with one
 * (a damaged file set aside, a background save that failed) becomes a notice for the window.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { ArticleAnnotationsSchema, type ArticleAnnotations } from '../../shared/annotation';
import { DEFAULT_PANEL, PanelLayoutSchema, type PanelLayout } from '../../shared/panel-layout';
import { FINISHED_AT, furthestRead, type ReadingRecord } from '../../shared/library-research';
import type { RecentEntry } from '../../shared/recent';
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
import { PanelLayout1, RecentListLayout1 } from './earlier-layouts';
import { RecentListSchema, withOpened } from './recent-files';
import { StoredDocument, type DocumentOptions, type StoreReporter } from './stored-document';

/** Positions are also each article's reading status in the library: enough for a big one. */
const MAX_POSITIONS = 5000;
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
  v.strictObject({
    ...ReadingPositionSchema.entries,
    at: v.pipe(v.string(), v.maxLength(40)),
    // How far it was ever read (1: the end was reached, or it was marked read); added later.
    furthest: v.optional(ReadingPositionSchema.entries.progress),
    // How far it had been read when it was marked read, so marking it unread returns there.
    markedFrom: v.optional(ReadingPositionSchema.entries.progress),
  }),
);
type Positions = v.InferOutput<typeof PositionsSchema>;

const HIGHLIGHTS_FILE = /^(sha-)?[0-9a-f]{16}\.json$/;
/** What replaceFile names its temp file: `<file>.<digits>` (json-store's removeStaleTempFiles). */
const STALE_HIGHLIGHTS_TEMP = /^(sha-)?[0-9a-f]{16}\.json\.\d+$/;
const isoNow = () => new Date().toISOString();

/** The oldest positions are forgotten first, so the file stays small. */
function newestPositions(all: Positions): Positions {
  const entries = Object.entries(all).sort((a, b) => b[1].at.localeCompare(a[1].at));
  return Object.fromEntries(entries.slice(0, MAX_POSITIONS));
}

export class RememberedStore {
  readonly #notices: string[] = [];
  readonly #state: StoredDocument<AppState>;
  readonly #positions: StoredDocument<Positions>;
  readonly #recent: StoredDocument<RecentEntry[]>;
  readonly #panel: StoredDocument<PanelLayout>;
  readonly #highlights = new Map<string, StoredDocument<ArticleAnnotations>>();

  constructor(private readonly userDataDir: string) {
    this.#state = this.#document('settings.json', AppStateSchema, () => ({
      settings: { ...DEFAULT_SETTINGS },
      ui: {},
      lastArticle: null,
      lastFolder: null,
    }));
    this.#positions = this.#document('positions.json', PositionsSchema, () => ({}));
    this.#recent = this.#document('recent.json', RecentListSchema, () => [], {
      version: 2,
      earlier: RecentListLayout1,
    });
    this.#panel = this.#document('panel.json', PanelLayoutSchema, () => ({ ...DEFAULT_PANEL }), {
      version: 2,
      earlier: PanelLayout1,
    });
  }

  /** Sentences about damaged files set aside and saves that failed, since last asked; each once. */
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

  async lastFolder(): Promise<string | null> {
    return (await this.#state.read()).lastFolder;
  }

  /** Written in the background: opening a folder does not wait for the disk. */
  async setLastFolder(path: string | null): Promise<void> {
    if ((await this.lastFolder()) === path) return;
    await this.#state.change((s) => ({ ...s, lastFolder: path }));
  }

  async recent(): Promise<RecentEntry[]> {
    return [...(await this.#recent.read())];
  }

  /**
   * An article was opened from `path`: it goes to the top of the Recent list and becomes the one
   * reopened at the next launch. Both files are written in the background; the list is returned.
   */
  async opened(path: string, title: string): Promise<RecentEntry[]> {
    const [recent] = await Promise.all([
      this.#recent.change((list) => withOpened(list, path, title)),
      this.setLastArticle(path),
    ]);
    return [...recent];
  }

  /** The article reopened at the next launch, wherever it was opened from. */
  async setLastArticle(path: string): Promise<void> {
    if ((await this.lastArticle()) === path) return;
    await this.#state.change((s) => ({ ...s, lastArticle: path }));
  }

  async panel(): Promise<PanelLayout> {
    return { ...(await this.#panel.read()) };
  }

  async setPanel(layout: PanelLayout): Promise<void> {
    await this.#panel.update(() => ({ ...layout }));
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

  /**
   * Marked read, an article counts as finished. Marked unread, one that was partly read when it
   * was marked goes back to that, place and all (M twice undoes itself); any other is forgotten.
   */
  async setRead(keys: string[], read: boolean): Promise<void> {
    await this.#positions.update((all) => {
      const next = { ...all };
      for (const key of keys) {
        const entry = all[key];
        const before = entry && furthestRead(entry);
        if (read) {
          if (before !== undefined && before >= FINISHED_AT) continue;
          next[key] = {
            ...(entry ?? { block: '', offset: 0, progress: 0 }),
            at: isoNow(),
            furthest: 1,
            ...(before !== undefined && { markedFrom: before }),
          };
        } else if (entry?.markedFrom !== undefined && entry.markedFrom < FINISHED_AT) {
          const { markedFrom, ...kept } = entry;
          next[key] = { ...kept, furthest: markedFrom, at: isoNow() };
        } else delete next[key];
      }
      return newestPositions(next);
    });
  }

  /**
   * Every article's stored highlights, by key. The folder is listed once, and swept of the temp
   * files a killed write left, for all of them: listed per file it cost ~1 ms a file.
   */
  async allHighlights(): Promise<[string, ArticleAnnotations][]> {
    const folder = join(this.userDataDir, 'highlights');
    const names = await readdir(folder).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => STALE_HIGHLIGHTS_TEMP.test(name))
        .map((name) => unlink(join(folder, name)).catch(() => undefined)),
    );
    const keys = names
      .filter((name) => HIGHLIGHTS_FILE.test(name))
      .map((name) => name.slice(0, -'.json'.length));
    return Promise.all(
      keys.map(async (key) => [key, await this.#highlightsFile(key, true).read()] as const),
    ) as Promise<[string, ArticleAnnotations][]>;
  }

  async highlights(key: string): Promise<ArticleAnnotations> {
    return this.#highlightsFile(key).read();
  }

  async setHighlights(key: string, value: ArticleAnnotations): Promise<void> {
    await this.#highlightsFile(key).update(() => value);
  }

  #highlightsFile(key: string, swept = false): StoredDocument<ArticleAnnotations> {
    let file = this.#highlights.get(key);
    if (!file) {
      const empty = () => ({ title: '', annotations: [] });
      const name = join('highlights', `${key}.json`);
      file = this.#document(name, ArticleAnnotationsSchema, empty, { swept });
      this.#highlights.set(key, file);
    }
    return file;
  }

  #document<T>(
    name: string,
    schema: v.GenericSchema<unknown, T>,
    fallback: () => T,
    options: Omit<DocumentOptions<T>, 'reporter'> = {},
  ): StoredDocument<T> {
    const file = join(this.userDataDir, name);
    return new StoredDocument(file, schema, fallback, { ...options, reporter: this.#reporter });
  }

  readonly #reporter: StoreReporter = {
    setAside: (file, aside) =>
      this.#notice(`A damaged file was set aside and started afresh: ${file} (kept as ${aside}).`),
    writeFailed: (error) => this.#notice(error.message),
  };

  #notice(message: string) {
    // A full disk fails every background save the same way: say it once.
    if (!this.#notices.includes(message)) this.#notices.push(message);
  }
}

/** The bytes a namespace's value takes in settings.json as written: indented, at its depth. */
function writtenBytes(value: JsonValue): number {
  const text = JSON.stringify(value, null, 2);
  const lines = text.split('\n').length;
  return Buffer.byteLength(text) + UI_VALUE_INDENT * (lines - 1);
}
