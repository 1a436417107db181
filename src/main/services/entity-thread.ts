/**
 * The details panel's people, places and organisations, found on a thread of their own. Loading
 * compromise is 1–4 s of blocking work (2.7–3.8 s measured on this 2-core machine under load): on
 * the thread that answers the window it stalled every other call, an article opened from the
 * library included. The thread starts (and loads compromise) once the window has its start-up
 * answer; without a worker file (unit tests) the names are found inline.
 */
import type { Entity } from '../../shared/article-details';
import { findEntities } from './entities';
import { workerClient, type WorkerClient } from './library/worker-client';

export interface EntityFinder {
  find(segments: string[]): Promise<Entity[]>;
  /** Starts the thread, so the first Details panel does not wait for compromise to load. */
  warmUp(): void;
}

export function entityFinder(workerFile?: string): EntityFinder {
  if (!workerFile) return { find: findEntities, warmUp: () => undefined };
  let client: WorkerClient<string[], Entity[] | null> | null = null;
  const thread = () =>
    (client ??= workerClient<string[], Entity[] | null>({
      file: workerFile,
      workerData: {},
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 },
      // Should the thread fail, the names are found here rather than not at all.
      fallback: () => null,
      closedReply: () => [],
      unref: true,
    }));
  return {
    find: async (segments) => (await thread().ask(segments)) ?? findEntities(segments),
    warmUp: () => void thread(),
  };
}
