/**
 * What the window is answered when it starts and when it opens an article: everything the first
 * frame needs in one answer, so no follow-up call stands between the article and the screen.
 */
import type { ArticleAnnotations } from './annotation';
import type { AppInfo } from './app-info';
import type { Article } from './article';
import type { LargeFolderQuestion, LibrarySnapshot } from './library';
import type { PanelLayout } from './panel-layout';
import type { RecentEntry } from './recent';
import type { AppError } from './result';
import type { ReadingPosition, Settings } from './settings';

/** An article and what is remembered about it. */
export interface ShownArticle {
  article: Article;
  /** What its position, highlights and details are kept under (`article-key.ts`). */
  key: string;
  /** Where the reader left it; null for an article not read before. */
  position: ReadingPosition | null;
  highlights: ArticleAnnotations;
}

/** The answer to every way of opening an article. */
export interface OpenedArticle extends ShownArticle {
  /** The Recent list, with this article at the top when it was opened from a path. */
  recent: RecentEntry[];
  /** Damaged files set aside and saves that failed since the last answer, as sentences. */
  notices: string[];
}

/** The answer to `app.start`, the window's one start-up call. */
export interface Startup {
  info: AppInfo;
  settings: Settings;
  panel: PanelLayout;
  recent: RecentEntry[];
  notices: string[];
  /**
   * The folder named at launch, else the one open last; null when there is none. A big folder
   * named at launch is a question, opened by `library.openAsked` once the user says yes.
   */
  library: LibrarySnapshot | LargeFolderQuestion | null;
  libraryError: AppError | null;
  /** The file named at launch, else the article read last, else the sample; null for a folder. */
  article: ShownArticle | null;
  articleError: AppError | null;
}
