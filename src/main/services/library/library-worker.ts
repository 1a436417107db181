/**
 * The indexing worker thread: owns the library database's writes, off the main event loop. The
 * same file, started with `role: 'reader'`, is the indexer's reader thread (see article-reader),
 * and with `role: 'ranker'` the thread ranking half of each big search (see library-ranking).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answer, type ReaderRequest } from './article-reader';
import { attachLibraryDb } from './library-db';
import { LibraryIndexer, type IndexerJob } from './library-indexer';
import { serveRanking } from './library-ranking';

const data = workerData as {
  role?: 'reader' | 'ranker';
  dbFile: string;
  root: string;
  workerFile?: string;
};
const port = parentPort!;
if (data.role === 'ranker') {
  serveRanking(attachLibraryDb(data.dbFile, 16), port);
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
