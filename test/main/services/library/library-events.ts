/**
 * Waits on what the library reports instead of sleeping: a condition is checked now, then after
 * every event the service emits (each watcher-started run ends with one), until it holds.
 */
export function libraryEvents() {
  const waiting = new Set<() => void>();
  return {
    /** Pass to the service's `emit` (after recording the event, if the test keeps them). */
    notify: () => {
      for (const check of [...waiting]) check();
    },
    until: (holds: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!holds()) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      }),
  };
}
