/**
 * Starts the background analysis (library-analysis) in a worker thread when the built worker file
 * exists, else in this thread (tests). In the worker, names are found on two threads at once: the
 * analyst's and a helper's. Both run at low priority where the system allows it per thread, so
 * the window, the indexer and searches come first.
 */
import { existsSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Entity } from '../../../shared/article-details';
import {
  findNames,
  LibraryAnalyst,
  type AnalystJob,
  type AnalystMessage,
  type NameFinder,
  type Pending,
} from './library-analysis';
import { jobThread } from './index-runner';

export interface AnalysisRunner {
  post(job: AnalystJob): void;
  close(): Promise<void>;
}

export function startAnalysisRunner(options: {
  dbFile: string;
  root: string;
  workerFile?: string;
  onMessage: (message: AnalystMessage) => void;
}): AnalysisRunner {
  const { dbFile, root, workerFile, onMessage } = options;
  if (workerFile && existsSync(workerFile)) {
    return jobThread(workerFile, { role: 'analyst', dbFile, root, workerFile }, onMessage);
  }
  const analyst = new LibraryAnalyst(dbFile, root, onMessage);
  return { post: (job) => analyst.post(job), close: async () => analyst.close() };
}

type NamesRequest = { id: number; root: string; files: Pending[] };
type NamesReply = { id: number; found: (Entity[] | null)[] };

/** The helper thread's side: names for the files it is handed. */
export function serveNames(port: {
  on(event: 'message', listener: (request: NamesRequest) => void): void;
  postMessage(reply: NamesReply): void;
}) {
  port.on('message', (request) => {
    void findNames(request.root, request.files).then(
      (found) => port.postMessage({ id: request.id, found }),
      () => port.postMessage({ id: request.id, found: request.files.map(() => null) }),
    );
  });
}

/**
 * Splits each chunk between this thread and a helper thread; should the helper fail, this thread
 * finds the rest itself.
 */
export function twoThreadNames(workerFile: string): { find: NameFinder; close(): void } {
  let helper: Worker | null = new Worker(workerFile, {
    workerData: { role: 'names' },
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const pending = new Map<number, (found: (Entity[] | null)[] | null) => void>();
  let next = 0;
  const stop = () => {
    void helper?.terminate();
    helper = null;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };
  helper.on('message', (reply: NamesReply) => {
    pending.get(reply.id)?.(reply.found);
    pending.delete(reply.id);
  });
  helper.on('error', stop);
  helper.on('exit', stop);
  const ask = (root: string, files: Pending[]) =>
    new Promise<(Entity[] | null)[] | null>((resolve) => {
      if (!helper) return resolve(null);
      const id = next++;
      pending.set(id, resolve);
      helper.postMessage({ id, root, files } satisfies NamesRequest);
    });
  return {
    find: async (root, files) => {
      const half = Math.ceil(files.length / 2);
      const theirs = ask(root, files.slice(half));
      // This thread's half waits a turn: the caller writes the last chunk while the helper starts.
      await nextTurn();
      const mine = await findNames(root, files.slice(0, half));
      return [...mine, ...((await theirs) ?? (await findNames(root, files.slice(half))))];
    },
    close: stop,
  };
}
