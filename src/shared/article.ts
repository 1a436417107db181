/** The typed model of one saved article, produced in main and rendered by components. */

export type LinkTarget =
  /** An http(s) or mailto URL that may be opened in the system browser on a click. */
  | { kind: 'web'; url: string }
  /** The file wrote `(#)` or an empty target: the original link was not saved. */
  | { kind: 'lost' }
  /** Any other target (javascript:, relative paths, data:…): shown as text, never opened. */
  | { kind: 'blocked'; raw: string };

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; target: LinkTarget; children: Inline[] }
  | { type: 'image'; alt: string }
  | { type: 'break' };

export type Block =
  | { type: 'paragraph'; id: string; children: Inline[] }
  | { type: 'heading'; id: string; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'list'; id: string; ordered: boolean; start: number; items: Block[][] }
  | { type: 'quote'; id: string; children: Block[] }
  | { type: 'code'; id: string; text: string }
  | { type: 'image'; id: string; alt: string }
  | { type: 'rule'; id: string }
  /** `### **Embed:**` in the file: an embedded post or video was removed when saving. */
  | { type: 'embed'; id: string };

export interface Byline {
  name: string;
  target: LinkTarget | null;
}

export interface ArticleDate {
  /** The line as written, e.g. "Updated: March 3, 2025". */
  raw: string;
  /** `YYYY-MM-DD` when the line parses as a date, else null. */
  iso: string | null;
  /** A word before the date such as "Updated" or "Published", when present. */
  label: string | null;
}

export interface Caption {
  children: Inline[];
  /** The bold credit at the end of the caption, e.g. the photographer or agency. */
  credit: string | null;
}

export type ArticlePart = 'title' | 'byline' | 'date' | 'caption' | 'originalUrl' | 'body';

export type LineEndings = 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';

export interface SourceFile {
  /** File name as shown to people. */
  name: string;
  /** Absolute path when the file came from disk; null when its bytes were handed over (browser upload). */
  path: string | null;
  /** The 16-hex id from a `NNN_<id>.txt` name, else null. */
  articleId: string | null;
  size: number;
  /** ISO timestamp of the last modification, when known. */
  modified: string | null;
  encoding: string;
  bom: boolean;
  lineEndings: LineEndings;
  /** How many undecodable byte sequences were replaced with U+FFFD. */
  replacedBytes: number;
  /** Stray control characters (terminal escapes, backspaces, form feeds…) shown as symbols or removed. */
  controlCharacters?: number;
}

export interface Article {
  title: string;
  /** Where the title came from: a `# Title` line, the first line of text, or the file name. */
  titleFrom: 'heading' | 'first-line' | 'file-name';
  bylines: Byline[];
  date: ArticleDate | null;
  caption: Caption | null;
  body: Block[];
  originalUrl: string | null;
  /** The parts of the usual format that this file lacks. */
  missing: ArticlePart[];
  source: SourceFile;
  /**
   * Set when a long article came with only the head of its body: the rest follows in pieces. The
   * lengths of the whole text and of the head's let the window plan its layout for the whole.
   */
  continued?: { id: string; characters: number; headCharacters: number };
}

/** One piece of the rest of a long article's body (`reader.bodyPiece`). */
export interface BodyPiece {
  /** Where its blocks go in the body: anything shown from there on is replaced by them. */
  start: number;
  /** Its blocks, encoded as one string (`body-piece-codec.ts`): the hosts pass it on untouched. */
  encoded: string;
  /**
   * On the last piece: what depends on the whole text (the original URL is at its end), and the
   * key its position and highlights are kept under (`article-key.ts`), worked out off the window.
   */
  end: (Pick<Article, 'originalUrl' | 'missing'> & { key: string }) | null;
}

/** Larger files are refused without being read: no saved article comes near it. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

/** Why a file is refused for its size, with its size and the limit: one sentence for every host. */
export function tooLargeMessage(name: string, size: number): string {
  const mb = (size / 1024 / 1024).toFixed(size > 1024 ** 3 ? 0 : 1);
  return `“${name}” is ${mb} MB, too large to be a saved article (the limit is ${MAX_ARTICLE_BYTES / 1024 / 1024} MB).`;
}
