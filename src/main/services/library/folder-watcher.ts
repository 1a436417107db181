/**
 * Watches a library folder and its subfolders (Node's recursive fs.watch, inotify on Linux) and
 * reports the changed paths in batches, so a burst of writes becomes one update. Node's recursive
 * watch also reports paths behind links; the indexer checks each one (library-paths).
 */
import { watch, type FSWatcher } from 'node:fs';
import { isHiddenRel } from './library-paths';

export function watchFolder(
  root: string,
  onPaths: (rels: string[]) => void,
  delayMs = 250,
): () => void {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(root, { recursive: true }, (_event, filename) => {
      if (!filename) return;
      const rel = filename.toString().split('\\').join('/');
      // Every path still goes through the indexer's check: events also come from behind links.
      if (isHiddenRel(rel)) return;
      pending.add(rel);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const rels = [...pending];
        pending.clear();
        onPaths(rels);
      }, delayMs);
    });
    // A folder that disappears or a watch limit reached must not crash the app; the list stays as it is.
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
