/**
 * A file's path inside the library folder ("world/ceasefire.txt"), so two files of one name in
 * different subfolders, or two copies of one article, can be told apart. Any other path is whole.
 */
export function pathInLibrary(folder: string, path: string): string {
  const base = folder.replace(/[\\/]+$/, '');
  const inside = path.startsWith(base) && /^[\\/]/.test(path.slice(base.length));
  return inside ? path.slice(base.length).replace(/^[\\/]+/, '') : path;
}
