/** Starts the indexer in a worker thread when its built file exists, else in this thread (tests). */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { LibraryIndexer, type IndexerJob, type IndexerMessage } from './library-indexer';

export interface IndexRunner {
  post(job: IndexerJob): void;
  close(): Promise<void>;
}

export function startIndexRunner(options: {
  dbFile: string;
  root: string;
  workerFile?: string;
  onMessage: (message: IndexerMessage) => void;
}): IndexRunner {
  const { dbFile, root, workerFile, onMessage } = options;
  if (workerFile && existsSync(workerFile)) {
    return jobThread(workerFile, { dbFile, root, workerFile }, onMessage);
  }
  const indexer = new LibraryIndexer(dbFile, root, onMessage);
  return {
    post: (job) => indexer.post(job),
    close: async () => indexer.close(),
  };
}

/**
 * A library worker thread taking jobs and sending messages (the indexer, the analyst): closed with
 * a `close` job, and ended after a grace period should it be stuck in a long read.
 */
export function jobThread<Job, Message>(
  workerFile: string,
  workerData: object,
  onMessage: (message: Message | { type: 'error'; message: string }) => void,
): { post(job: Job): void; close(): Promise<void> } {
  const worker = new Worker(workerFile, {
    workerData,
    // A small young generation: the reads passing through are short-lived, and a big one kept
    // the process above 400 MB at 50 000 articles (437 MB; 394 MB with this).
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  worker.on('message', onMessage);
  worker.on('error', (error) => onMessage({ type: 'error', message: String(error) }));
  return {
    post: (job) => worker.postMessage(job),
    close: async () => {
      worker.postMessage({ type: 'close' });
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await new Promise((resolve) => worker.once('exit', resolve));
      clearTimeout(timer);
    },
  };
}
