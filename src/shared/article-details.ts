/** Everything the side panel shows about an article, computed once in main when it is opened. */
import type { ArticleDate, LineEndings } from './article';

/** Average silent reading speed of adults for non-fiction (Brysbaert, 2019). */
export const WORDS_PER_MINUTE = 238;

export type EntityKind = 'person' | 'place' | 'organization';

export interface Entity {
  /** The fullest spelling seen, e.g. "Volodymyr Zelensky" for "Zelensky" too. */
  name: string;
  kind: EntityKind;
  /** Mentions in the body text, counting every variant. */
  count: number;
  /** Every spelling that was merged into this entity, fullest first. */
  variants: string[];
}

export interface ReadingStats {
  /** Words in the body (title, byline, date, caption and URL are not reading). */
  words: number;
  wordsPerMinute: number;
  /** Whole minutes, at least one for any text. */
  minutes: number;
  paragraphs: number;
  subheads: number;
  /** Quoted passages in the text (an opening “ or a pair of straight quotes). */
  quotations: number;
  blockQuotes: number;
  links: { kept: number; lost: number; blocked: number };
  embedsRemoved: number;
}

export interface OutlineEntry {
  /** The heading's element id (its block id) to scroll to. */
  id: string;
  level: number;
  text: string;
}

export interface ArticleDetails {
  title: string;
  titleFrom: 'heading' | 'first-line' | 'file-name';
  bylines: { name: string; url: string | null }[];
  date: ArticleDate | null;
  original: { url: string; domain: string } | null;
  file: {
    name: string;
    articleId: string | null;
    /** The folder holding the file; null when its bytes were handed over without a path. */
    folder: string | null;
    size: number;
    modified: string | null;
    encoding: string;
    bom: boolean;
    lineEndings: LineEndings;
    /** Stray control characters, shown as symbols or removed; 0 in nearly every article. */
    controlCharacters: number;
  };
  reading: ReadingStats;
  leadPhoto: { caption: string; credit: string | null } | null;
  entities: Entity[];
  outline: OutlineEntry[];
}
