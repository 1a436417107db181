/** Reading-comfort settings and the remembered state shared by main (which stores) and the window. */
import * as v from 'valibot';

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const FONTS = ['serif', 'sans', 'hyperlegible'] as const;
export const WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const SPACINGS = ['compact', 'normal', 'relaxed'] as const;
/** Text size steps from the default; Ctrl/Cmd+= (or +) and Ctrl/Cmd+- move one step, Ctrl/Cmd+0 returns to 0. */
export const MIN_TEXT_STEP = -3;
export const MAX_TEXT_STEP = 6;

export const SettingsSchema = v.strictObject({
  theme: v.picklist(THEMES),
  font: v.picklist(FONTS),
  textStep: v.pipe(v.number(), v.integer(), v.minValue(MIN_TEXT_STEP), v.maxValue(MAX_TEXT_STEP)),
  width: v.picklist(WIDTHS),
  spacing: v.picklist(SPACINGS),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
export const SettingsPatchSchema = v.partial(SettingsSchema);
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  font: 'serif',
  textStep: 0,
  width: 'medium',
  spacing: 'normal',
};

/** Any JSON value, bounded in depth by valibot's lazy recursion and in size by the caller. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: v.GenericSchema<JsonValue> = v.union([
  v.string(),
  v.pipe(v.number(), v.finite()),
  v.boolean(),
  v.null(),
  v.array(v.lazy(() => JsonValueSchema)),
  v.record(
    v.string(),
    v.lazy(() => JsonValueSchema),
  ),
]);

/** A UI-state namespace such as `find.history`: lower-case words joined by dots or hyphens. */
export const NamespaceSchema = v.pipe(
  v.string(),
  v.maxLength(64),
  v.regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'A namespace is lower-case words joined by dots.'),
);

/** Article key: the 16-hex id from `NNN_<id>.txt`, or `sha-` and 16 hex of a content hash. */
export const ArticleKeySchema = v.pipe(v.string(), v.regex(/^(sha-)?[0-9a-f]{16}$/));

/** Where the reader was: the block at the top of the view and the character offset inside it. */
export const ReadingPositionSchema = v.strictObject({
  block: v.pipe(v.string(), v.maxLength(64)),
  offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** 0–1, for the progress indicator before the article is laid out. */
  progress: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});
export type ReadingPosition = v.InferOutput<typeof ReadingPositionSchema>;
