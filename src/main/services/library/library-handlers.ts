/** The contract's `library.*` handlers: only folders the user chose are opened as libraries. */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Handlers } from '../../../shared/ipc';
import {
  ASK_FROM_ENTRIES,
  type LargeFolderQuestion,
  type LibrarySnapshot,
} from '../../../shared/library';
import { AppFailure } from '../../../shared/result';
import { describeFsError, type ArticleBytes } from '../article-file';
import { countEntries } from '../launch-arguments';
import type { PathGrants } from '../path-grants';
import type { LibraryService } from './library-service';

type LibraryChannel = Exclude<Extract<keyof Handlers, `library.${string}`>, 'library.openArticle'>;

/** The contract's library calls, plus the two the reader completes (start-up, opening an article). */
export type LibraryHandlers = Pick<Handlers, LibraryChannel> & {
  /**
   * The folder named at launch, else the one open last; part of `app.start`. A big folder named at
   * launch (a home folder, say) is a question instead, asked before it is opened.
   */
  'library.openStartup': () => Promise<LibrarySnapshot | LargeFolderQuestion | null>;
  /** The article's bytes, read inside the library; the reader parses them (in the article thread). */
  'library.openArticle': (path: string) => Promise<ArticleBytes>;
};

export interface LibraryHandlerDeps {
  library: LibraryService;
  grants: PathGrants;
  /** The path named at launch when it is a folder, else null. */
  startupPath: string | null;
  showFolderDialog?: () => Promise<string | null>;
  /** How the user started a host without a folder dialog ("npm start --"), to name in its place. */
  startCommand?: string;
  /** The folder open when the app last closed, reopened when nothing was named at launch. */
  lastFolder?: () => Promise<string | null>;
  rememberFolder?: (path: string) => Promise<void>;
}

export function createLibraryHandlers(deps: LibraryHandlerDeps): LibraryHandlers {
  const { library, grants } = deps;
  /** The big folder named at launch that the window was asked to confirm; opened only then. */
  let asked: string | null = null;

  async function openFolder(path: string): Promise<LibrarySnapshot> {
    const info = await stat(path).catch((error: unknown) => {
      throw describeFsError(error, basename(path));
    });
    if (!info.isDirectory()) {
      throw new AppFailure('not-a-file', `“${basename(path)}” is a file, not a folder.`);
    }
    const snapshot = await library.open(grants.grant(path));
    await deps.rememberFolder?.(path).catch(() => undefined);
    return snapshot;
  }

  return {
    'library.openStartup': async (): Promise<LibrarySnapshot | LargeFolderQuestion | null> => {
      const named = deps.startupPath;
      // A big folder is asked about once: opened as a library, it has an index from then on.
      if (
        named &&
        (await isFolder(named)) &&
        !(await library.isKnown(named)) &&
        (await countEntries(named)) >= ASK_FROM_ENTRIES
      ) {
        asked = named;
        return { kind: 'large-folder', folder: named };
      }
      // The folder open at the last close was opened by the user then: it is not asked about.
      const path = named ?? (await deps.lastFolder?.().catch(() => null)) ?? null;
      return path && (await isFolder(path)) ? openFolder(path) : null;
    },
    'library.openAsked': async () => {
      if (!asked) throw new AppFailure('not-allowed', 'Lectern asked about no folder to open.');
      const path = asked;
      asked = null;
      return openFolder(path);
    },
    'library.openDialog': async () => {
      if (!deps.showFolderDialog) {
        const command = deps.startCommand ?? 'npm run browser --';
        throw new AppFailure(
          'unavailable',
          `A browser cannot hand Lectern a folder. Stop Lectern (Ctrl+C where it runs) and start it with the folder: ${command} <folder>`,
        );
      }
      const path = await deps.showFolderDialog();
      return path ? openFolder(path) : null;
    },
    'library.openPath': async (path) => {
      if (!grants.has(path)) {
        throw new AppFailure('not-allowed', 'Lectern only opens folders you chose.');
      }
      return openFolder(path);
    },
    'library.openDropped': async (path) => openFolder(path),
    'library.snapshot': async () => (library.root ? library.snapshot() : null),
    'library.search': async (query, limit) =>
      library.root ? await library.search(query, limit) : { hits: [], total: 0 },
    // Read through the library's one containment check, never following a link.
    'library.openArticle': (path) => library.readArticle(path),
    'library.cancel': async () => library.cancel(),
    'library.resume': async () => library.resume(),
  };
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
