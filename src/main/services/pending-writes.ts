/**
 * Every write of the app's own state is tracked until it is on disk, so quitting can wait for the
 * last change instead of losing it (a setting changed a moment before the window closed).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

const pending = new Set<Promise<unknown>>();

export function trackWrite<T>(write: Promise<T>): Promise<T> {
  pending.add(write);
  const settle = () => pending.delete(write);
  write.then(settle, settle);
  return write;
}

/** Resolves once no write is in flight, including writes queued while waiting. */
export async function settleWrites(): Promise<void> {
  // Let request handlers that are already running reach their write first.
  await nextTurn();
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
