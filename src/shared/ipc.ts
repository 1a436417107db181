/**
 * The one typed contract between the window and the services. The `calls` object is at once the
 * runtime allow-list of channels, the argument schemas main validates with, and the source of the
 * `Handlers` type main implements and the `LecternApi` type the renderer sees.
 */
import * as v from 'valibot';
import { ArticleAnnotationsSchema } from './annotation';
import { MAX_ARTICLE_BYTES } from './article';
import type { ArticleDetails } from './article-details';
import { MAX_EXPORT_ARTICLES, type EpubDownload, type EpubExport } from './export/export-job';
import {
  MAX_QUERY_LENGTH,
  MAX_SEARCH_RESULTS,
  type AppEvent,
  type LibrarySnapshot,
  type SearchResults,
} from './library';
import {
  MAX_NAME_FILTER,
  type HighlightEntry,
  type LibraryFacts,
  type NameList,
} from './library-research';
import { PanelLayoutSchema } from './panel-layout';
import type { RecentEntry } from './recent';
import type { Result } from './result';
import {
  ArticleKeySchema,
  JsonValueSchema,
  NamespaceSchema,
  ReadingPositionSchema,
  SettingsPatchSchema,
  type JsonValue,
  type Settings,
} from './settings';
import type { OpenedArticle, ShownPiece, Startup } from './startup';

const MAX_PATH = 4096;

const PathArg = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PATH));
const PieceIdArg = v.pipe(v.string(), v.regex(/^[0-9a-f-]{36}$/));
const PieceIndexArg = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const QueryArg = v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH));
/** How many of the best results to send. */
const ResultLimitArg = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(MAX_SEARCH_RESULTS),
);
const UrlArg = v.pipe(v.string(), v.minLength(1), v.maxLength(8192));
const EntryIdsArg = v.pipe(
  v.array(v.pipe(v.number(), v.integer(), v.minValue(1))),
  v.minLength(1),
  v.maxLength(100_000),
);
const NameArg = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME_FILTER));
const NameFilterArg = v.pipe(v.string(), v.maxLength(MAX_NAME_FILTER));
const DayArg = v.union([v.literal(''), v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))]);
const SearchFilterArg = v.strictObject({
  source: v.pipe(v.string(), v.maxLength(1000)),
  from: DayArg,
  to: DayArg,
  status: v.picklist(['', 'unread', 'reading', 'finished']),
  duplicates: v.boolean(),
  named: NameFilterArg,
});
/**
 * Handed-over bytes are bounded for memory's sake, above the article limit: a file a little over
 * it then gets the reader's own sentence, with its size and the limit.
 */
const MAX_HANDED_BYTES = 2 * MAX_ARTICLE_BYTES;
const BytesArg = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  bytes: v.pipe(
    v.instance(Uint8Array),
    v.check((b) => b.byteLength <= MAX_HANDED_BYTES, 'The file is too large to hand over.'),
  ),
});

const SaveTextArg = v.strictObject({
  suggestedName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_BYTES)),
});
export type SaveTextRequest = v.InferOutput<typeof SaveTextArg>;

const EpubArg = v.strictObject({
  /** The open article, or these library articles in this order. */
  articles: v.union([
    v.literal('open'),
    v.pipe(v.array(PathArg), v.minLength(1), v.maxLength(MAX_EXPORT_ARTICLES)),
  ]),
  /** The book's title. */
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
});
export type EpubRequest = v.InferOutput<typeof EpubArg>;
const PdfArg = v.strictObject({ title: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)) });
export type PdfRequest = v.InferOutput<typeof PdfArg>;

/** Describes one call: its argument tuple schema, its result type, and whether the window may call it. */
function call<R>() {
  return <S extends v.GenericSchema<unknown, unknown[]>>(args: S, exposed = true) => ({
    args,
    exposed,
    result: undefined as unknown as R,
  });
}

export const calls = {
  /**
   * The window's one start-up call: app info, settings, the panel's layout, the Recent list, the
   * library and the article to show (with its position and highlights), and storage notices.
   */
  'app.start': call<Startup>()(v.tuple([])),
  // ── Opening an article: each answers the article with its position, highlights, Recent list
  // and storage notices, so the window shows it without another call ──
  /** A path the user already chose (startup argument, dialog, drop or recent list). */
  'reader.openPath': call<OpenedArticle>()(v.tuple([PathArg])),
  /** Shows the host's Open dialog; null when the user cancels. */
  'reader.openDialog': call<OpenedArticle | null>()(v.tuple([])),
  /** Bytes the user handed over without a path (a browser's file picker or drop). */
  'reader.openBytes': call<OpenedArticle>()(v.tuple([BytesArg])),
  /** Only the Electron preload calls this, with the path Electron gives for a dropped File. */
  'reader.openDropped': call<OpenedArticle>()(v.tuple([PathArg]), false),
  /** Piece `n` of the rest of a long article's body (one whose answer is `continued`). */
  'reader.bodyPiece': call<ShownPiece>()(v.tuple([PieceIdArg, PieceIndexArg])),
  /** Only the Electron menu reads this (File ▸ Open Recent); the window has it from each answer. */
  'recent.list': call<RecentEntry[]>()(v.tuple([]), false),
  // ── The details panel ──
  /** Everything the panel shows about an opened article, by its key; null if it is not open. */
  'reader.details': call<ArticleDetails | null>()(v.tuple([ArticleKeySchema])),
  'ui.setPanel': call<void>()(v.tuple([PanelLayoutSchema])),
  /** Opens an http(s) or mailto URL in the system browser; called only from a click. */
  'shell.openExternal': call<void>()(v.tuple([UrlArg])),

  // ── Remembered state: settings, namespaced UI state, positions, highlights ──
  /** Merges the given settings and returns the whole set; applied in the window at once. */
  'settings.set': call<Settings>()(v.tuple([SettingsPatchSchema])),
  /** Any JSON a part of the window wants kept, under its own namespace (e.g. `find.history`). */
  'uiState.get': call<JsonValue | null>()(v.tuple([NamespaceSchema])),
  'uiState.set': call<void>()(v.tuple([NamespaceSchema, JsonValueSchema])),
  'position.set': call<void>()(v.tuple([ArticleKeySchema, ReadingPositionSchema])),
  'highlights.set': call<void>()(v.tuple([ArticleKeySchema, ArticleAnnotationsSchema])),
  /** Only the Electron preload calls this: the Save dialog, then an atomic write. Null if cancelled. */
  'file.saveText': call<string | null>()(v.tuple([SaveTextArg]), false),
  // ── The library: a folder of articles, listed and searched as one ──
  /** Opens the big folder named at launch that `app.start` asked about, once the user said yes. */
  'library.openAsked': call<LibrarySnapshot>()(v.tuple([])),
  /** Shows the host's Open Folder dialog; null when the user cancels. */
  'library.openDialog': call<LibrarySnapshot | null>()(v.tuple([])),
  /** A folder the user already chose (a second launch or the menu). */
  'library.openPath': call<LibrarySnapshot>()(v.tuple([PathArg])),
  /** Only the Electron preload calls this, with the path Electron gives for a dropped folder. */
  'library.openDropped': call<LibrarySnapshot>()(v.tuple([PathArg]), false),
  /** The open library's list, couldn't-open list and progress; null when none is open. */
  'library.snapshot': call<LibrarySnapshot | null>()(v.tuple([])),
  /**
   * The best `limit` full-text results, ranked, with snippets, and how many match in all; accents,
   * curly quotes and case do not matter.
   */
  'library.search': call<SearchResults>()(v.tuple([QueryArg, ResultLimitArg])),
  /** Opens an article inside the open library's folder (links out of it are refused). */
  'library.openArticle': call<OpenedArticle>()(v.tuple([PathArg])),
  /** Stops the indexing run; what was read so far stays listed and searchable. */
  'library.cancel': call<void>()(v.tuple([])),
  /** Reads what a stopped run left unread, without reopening the folder. */
  'library.resume': call<void>()(v.tuple([])),
  // ── Export: print, PDF and EPUB (the window lays out the print view first) ──
  /** Only the Electron preload calls this: the system print dialog, for the window's print view. */
  'export.print': call<void>()(v.tuple([]), false),
  /** Only the Electron preload calls this: Save dialog, the print view as PDF, atomic write. */
  'export.pdf': call<string | null>()(v.tuple([PdfArg]), false),
  /** Only the Electron preload calls this: Save dialog, then the EPUB, written atomically. */
  'export.epub': call<EpubExport | null>()(v.tuple([EpubArg]), false),
  /** The EPUB's bytes, for a browser to save through its downloads. */
  'export.epubBytes': call<EpubDownload>()(v.tuple([EpubArg])),
  /** Stops the EPUB export under way; nothing is written. */
  'export.cancel': call<void>()(v.tuple([])),
  // ── The library as a research tool (shared/library-research) ──
  /** Reading status and copies by entry, the article to continue, the analysis's progress. */
  'research.facts': call<LibraryFacts | null>()(v.tuple([])),
  /** A search with the syntax (source:, title:, after:, -word, OR, NEAR/n) within the list's filters. */
  'research.search': call<SearchResults>()(v.tuple([QueryArg, SearchFilterArg, ResultLimitArg])),
  /** Marks entries read (finished) or unread (their remembered position forgotten). */
  'research.markRead': call<void>()(v.tuple([EntryIdsArg, v.boolean()])),
  /** People, places and organisations across the library whose name contains the filter. */
  'research.names': call<NameList | null>()(v.tuple([NameFilterArg])),
  /** The entries that mention a name. */
  'research.mentioning': call<number[]>()(v.tuple([NameArg])),
  /** For each name, how many library articles other than the one at the path mention it. */
  'research.otherMentions': call<Record<string, number> | null>()(
    v.tuple([v.nullable(PathArg), v.pipe(v.array(NameArg), v.maxLength(1000))]),
  ),
  /** Every stored highlight and note, newest first, with its article when it is in the library. */
  'highlights.all': call<HighlightEntry[]>()(v.tuple([])),
};

export type Calls = typeof calls;
export type Channel = keyof Calls;
export type ArgsOf<C extends Channel> = v.InferOutput<Calls[C]['args']>;
export type ResultOf<C extends Channel> = Calls[C]['result'];
export type ExposedChannel = {
  [C in Channel]: Calls[C]['exposed'] extends false ? never : C;
}[Channel];

/** What main (and the browser host) must implement; a missing or mistyped handler fails `tsc`. */
export type Handlers = { [C in Channel]: (...args: ArgsOf<C>) => Promise<ResultOf<C>> };

export const channels = Object.keys(calls) as Channel[];
export const isChannel = (name: string): name is Channel => Object.hasOwn(calls, name);
export const isExposedChannel = (name: string): boolean =>
  isChannel(name) && calls[name].exposed !== false;

/** Pushed from main to the window: menu items and a second launch's file. */
export type AppCommand =
  | { type: 'open' }
  | { type: 'open-path'; path: string }
  | { type: 'find' }
  | { type: 'toggle-details' }
  /** View ▸ Larger Text (1), Smaller Text (−1), Actual Size (0). */
  | { type: 'text-size'; change: 1 | -1 | 0 }
  | { type: 'open-folder' }
  | { type: 'open-folder-path'; path: string }
  /** File ▸ Print…, Export as PDF…, Export as EPUB… (of the open article). */
  | { type: 'print' }
  | { type: 'export-pdf' }
  | { type: 'export-epub' };

/** The API the preload exposes as `window.lectern`. */
export interface LecternApi {
  call<C extends ExposedChannel>(channel: C, ...args: ArgsOf<C>): Promise<Result<ResultOf<C>>>;
  /** Opens a file the user dropped on the window. */
  openDroppedFile(file: File): Promise<Result<OpenedArticle>>;
  /** Opens the host's file picker; a null value means the user cancelled. */
  openWithPicker(): Promise<Result<OpenedArticle | null>>;
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Saves text to a file the user chooses; the value is the saved name, null if cancelled. */
  saveTextFile(request: SaveTextRequest): Promise<Result<string | null>>;
  /** Opens a folder the user dropped on the window as a library (Electron only; browsers give no paths). */
  openDroppedFolder(file: File): Promise<Result<LibrarySnapshot>>;
  /** Opens the print dialog for the window's print view. */
  print(): Promise<Result<void>>;
  /** Saves the print view as a PDF where the user chooses (Electron); null if cancelled. */
  exportPdf(request: PdfRequest): Promise<Result<string | null>>;
  /** Writes an EPUB where the user chooses (a browser downloads it); null if cancelled. */
  exportEpub(request: EpubRequest): Promise<Result<EpubExport | null>>;
  /** Events pushed from main: library progress and changes. Returns an unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export const IPC_PREFIX = 'lectern:';
export const COMMAND_EVENT = 'lectern:command';
export const APP_EVENT = 'lectern:event';
export type { AppEvent };
