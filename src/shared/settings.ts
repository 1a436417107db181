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

/**
 * Limits on any JSON the window asks main to keep, checked at the contract. A value is walked
 * without recursion, so no shape of it (2 500 levels deep, say) can overflow the stack.
 */
export const JSON_LIMITS = {
  /** Levels of arrays and objects, the value itself being the first. */
  depth: 32,
  /** Object keys and array items, all levels together. */
  keys: 10_000,
  /** UTF-8 bytes of the value as compact JSON. */
  bytes: 256 * 1024,
} as const;

/** How many parts of the window may keep remembered state (namespaces) at once. */
export const MAX_UI_NAMESPACES = 64;

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/** True for plain JSON data within JSON_LIMITS. */
export function isBoundedJson(input: unknown): input is JsonValue {
  const pending: Array<[unknown, number]> = [[input, 1]];
  let keys = 0;
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return false;
      continue;
    }
    if (typeof value !== 'object' || depth > JSON_LIMITS.depth) return false;
    const children = Array.isArray(value)
      ? value
      : isPlainObject(value)
        ? Object.values(value)
        : null;
    if (!children) return false;
    keys += children.length;
    if (keys > JSON_LIMITS.keys) return false;
    for (const child of children) pending.push([child, depth + 1]);
  }
  return new TextEncoder().encode(JSON.stringify(input)).byteLength <= JSON_LIMITS.bytes;
}

export const JsonValueSchema = v.custom<JsonValue>(
  isBoundedJson,
  `Remembered state must be JSON of at most ${JSON_LIMITS.depth} levels, ${JSON_LIMITS.keys} keys and ${JSON_LIMITS.bytes / 1024} KB.`,
);

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
