/**
 * `app.start`: everything the window needs for its first frame, in one answer. The library and the
 * article open side by side; a failure of either is carried in the answer, so the rest still shows.
 */
import type { AppInfo } from '../../shared/app-info';
import type { LargeFolderQuestion, LibrarySnapshot } from '../../shared/library';
import { DEFAULT_PANEL } from '../../shared/panel-layout';
import type { AppError } from '../../shared/result';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { ShownArticle, Startup } from '../../shared/startup';
import { errorOf } from './dispatch';
import type { RememberedStore } from './remembered-store';

export interface StartupSources {
  info: AppInfo;
  remembered: RememberedStore;
  /** The article named at launch, else the one read last, else the sample; null for a folder. */
  openArticle: () => Promise<ShownArticle | null>;
  /** The folder named at launch, else the one open last; null when there is none. */
  openLibrary: () => Promise<LibrarySnapshot | LargeFolderQuestion | null>;
}

export async function startUp(sources: StartupSources): Promise<Startup> {
  const { remembered } = sources;
  // A store that cannot even be read (a folder that is not ours) leaves the defaults in use.
  const unreadable: string[] = [];
  const orDefault = <T>(read: Promise<T>, fallback: T) =>
    read.catch((error: unknown) => {
      unreadable.push(errorOf(error, 'app.start').message);
      return fallback;
    });
  const [settings, panel, library, article] = await Promise.all([
    orDefault(remembered.settings(), { ...DEFAULT_SETTINGS }),
    orDefault(remembered.panel(), { ...DEFAULT_PANEL }),
    settle(sources.openLibrary()),
    settle(sources.openArticle()),
  ]);
  // After the article: a file named at launch has just gone on the list.
  const recent = await orDefault(remembered.recent(), []);
  return {
    info: sources.info,
    settings,
    panel,
    recent,
    notices: [...remembered.takeNotices(), ...new Set(unreadable)],
    library: library.value,
    libraryError: library.error,
    article: article.value,
    articleError: article.error,
  };
}

async function settle<T>(
  pending: Promise<T | null>,
): Promise<{ value: T | null; error: AppError | null }> {
  try {
    return { value: await pending, error: null };
  } catch (error) {
    return { value: null, error: errorOf(error, 'app.start') };
  }
}
