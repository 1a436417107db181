/**
 * The indexing worker thread: owns the library database's writes, off the main event loop. The
 * same file, started with another role, is one of the library's helper threads: the indexer's
 * reader (see article-reader), the thread ranking half of each big search (see library-ranking),
 * the one reading search snippets (see snippet-reader), or the background analysis after indexing
 * and its helper for names (roles 'analyst' and 'names', see analysis-runner).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveNames, twoThreadNames } from './analysis-runner';
import { lowerThreadPriority } from '../thread-priority';
import { answer } from './article-reader';
import { LibraryAnalyst, type AnalystJob } from './library-analysis';
import { attachLibraryDb } from './library-db';
import { LibraryIndexer, type IndexerJob } from './library-indexer';
import { serveRanking } from './library-ranking';
import { readSnippets } from './snippet-reader';
import { serveRequests } from './worker-client';

const data = workerData as {
  role?: 'reader' | 'ranker' | 'snippets' | 'analyst' | 'names';
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
  serveRequests(port, (request: Parameters<typeof answer>[1]) => answer(data.root, request));
} else if (data.role === 'snippets') {
  serveRequests(port, readSnippets);
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
