/** The indexing worker thread: owns the library database's writes, off the main event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import { LibraryIndexer, type IndexerJob } from './library-indexer';

const { dbFile, root } = workerData as { dbFile: string; root: string };
const port = parentPort!;
const indexer = new LibraryIndexer(dbFile, root, (message) => port.postMessage(message));
port.on('message', (job: IndexerJob | { type: 'close' }) => {
  if (job.type === 'close') {
    indexer.close();
    port.close();
  } else indexer.post(job);
});
