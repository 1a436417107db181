/**
 * Background threads (the article parser, the details thread, the library's analysis) run at a
 * lower priority, so on a busy machine the host's own thread, which answers every call, and the
 * window come first: a long article's rest is parsed while the window takes the pieces made.
 */
import { setPriority } from 'node:os';

/**
 * Lowers this thread's priority. On Linux the nice value belongs to the calling thread; elsewhere
 * it would lower the whole app, so it is left alone there.
 */
export function lowerThreadPriority() {
  if (process.platform !== 'linux') return;
  try {
    setPriority(10);
  } catch {
    // Not allowed here: the thread simply runs at the usual priority.
  }
}
