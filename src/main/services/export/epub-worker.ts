/** The EPUB packing thread: the library's work is synchronous, so it runs off the main event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildEpub, type BookRequest } from './epub-book';

const port = parentPort!;
const { request, folder } = workerData as { request: BookRequest; folder: string };
buildEpub(request, folder).then(
  (bytes) => port.postMessage({ ok: true, bytes }, [bytes.buffer as ArrayBuffer]),
  (error: unknown) => port.postMessage({ ok: false, message: String(error) }),
);
