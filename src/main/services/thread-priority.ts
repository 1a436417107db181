/**
 * Background threads (the article parser, the details thread) run at a lower priority, so on a
 * busy machine the host's own thread, which answers every call, and the window come first: a
 * long article's rest is parsed while the window takes the pieces already made.
 */
import { setPriority } from 'node:os';

/**
 * Lowers this thread's priority. On Linux the nice value belongs to the calling thread; elsewhere
 * it would lower the whole app, so it is left alone there. (As the library's analysis does.)
 */
export function lowerThreadPriority() {
  if (process.platform !== 'linux') return;
  try {
    setPriority(10);
  } catch {
    // Not allowed here: the thread simply runs at the usual priority.
  }
}
