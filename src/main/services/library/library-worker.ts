/**
 * The indexing worker thread: owns the library database's writes, off the main event loop. The
 * same file, started with `role: 'reader'`, is the indexer's reader thread (see article-reader),
 * with `role: 'ranker'` the thread ranking half of each big search (see library-ranking), with
 * `role: 'analyst'` the background analysis after indexing and with `role: 'names'` its helper
 * (see analysis-runner).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority, serveNames, twoThreadNames } from './analysis-runner';
import { answer, type ReaderRequest } from './article-reader';
import { LibraryAnalyst, type AnalystJob } from './library-analysis';
import { attachLibraryDb } from './library-db';
import { LibraryIndexer, type IndexerJob } from './library-indexer';
import { serveRanking } from './library-ranking';

const data = workerData as {
  role?: 'reader' | 'ranker' | 'analyst' | 'names';
  dbFile: string;
  root: string;
  workerFile?: string;
};
const port = parentPort!;
if (data.role === 'ranker') {
  serveRanking(attachLibraryDb(data.dbFile, 16), port);
} else if (data.role === 'analyst') {
  lowerThreadPriority();
  const names = twoThreadNames(data.workerFile!);
  const analyst = new LibraryAnalyst(
    data.dbFile,
    data.root,
    (m) => port.postMessage(m),
    names.find,
  );
  port.on('message', (job: AnalystJob | { type: 'close' }) => {
    if (job.type !== 'close') return analyst.post(job);
    names.close();
    analyst.close();
    port.close();
  });
} else if (data.role === 'names') {
  lowerThreadPriority();
  serveNames(port);
} else if (data.role === 'reader') {
  port.on('message', (request: ReaderRequest) => port.postMessage(answer(data.root, request)));
} else {
  const indexer = new LibraryIndexer(
    data.dbFile,
    data.root,
    (message) => port.postMessage(message),
    {
      readerFile: data.workerFile,
    },
  );
  port.on('message', (job: IndexerJob | { type: 'close' }) => {
    if (job.type === 'close') {
      indexer.close();
      port.close();
    } else indexer.post(job);
  });
}
