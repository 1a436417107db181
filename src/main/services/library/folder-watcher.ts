/**
 * Watches a library folder and its subfolders and reports the changed paths in batches, so a
 * burst of writes becomes one update. One watch per folder (inotify on Linux) reports every file
 * in it, including one an editor saves by renaming a new file over it: Node's recursive watch on
 * Linux watches each file instead, lost such a file after its first save, and stopped at a loop
 * of links. Links are never followed (a link is reported as itself), and the indexer checks
 * every path it is given (library-paths). (chokidar, tried first, watches each file too: 5.9 s
 * and 500 MB before it was ready on 50 000 files.)
 */
import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isHiddenRel } from './library-paths';

export function watchFolder(
  root: string,
  onPaths: (rels: string[]) => void,
  delayMs = 250,
): () => void {
  /** By folder, relative to the root with `/` ('' is the root itself). */
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const under = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

  const report = (rel: string) => {
    pending.add(rel);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const rels = [...pending];
      pending.clear();
      onPaths(rels);
    }, delayMs);
  };

  const unwatch = (rel: string) => {
    for (const [dir, watcher] of watchers) {
      if (dir !== rel && !dir.startsWith(`${rel}/`)) continue;
      watcher.close();
      watchers.delete(dir);
    }
  };

  const onEvent = (dir: string, name: string | null) => {
    if (!name || closed) return;
    const rel = under(dir, name);
    if (isHiddenRel(rel)) return;
    report(rel);
    // A folder made or moved in is watched from now on; one that went takes its watches along.
    lstat(join(root, rel)).then(
      (stats) => (stats.isDirectory() ? watchTree(rel) : unwatch(rel)),
      () => unwatch(rel),
    );
  };

  async function watchTree(rel: string): Promise<void> {
    if (closed || watchers.has(rel)) return;
    try {
      const watcher = watch(join(root, rel), (_event, name) => onEvent(rel, name));
      // Gone, or unwatchable: what changes there is found by the indexer's next scan.
      watcher.on('error', () => unwatch(rel));
      watchers.set(rel, watcher);
      const entries = await readdir(join(root, rel), { withFileTypes: true });
      for (const entry of entries) {
        const child = under(rel, entry.name);
        if (entry.isDirectory() && !isHiddenRel(child)) await watchTree(child);
      }
    } catch {
      // An unreadable folder or the system's watch limit: the rest stays watched.
    }
  }

  void watchTree('');
  return () => {
    closed = true;
    clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
