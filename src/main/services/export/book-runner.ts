/**
 * Runs the EPUB packing in a worker thread when its built file exists (else in this thread, as in
 * unit tests), and can stop it at once: Stop ends the thread. Either way its temp folder goes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildEpub, type BookRequest } from './epub-book';

export class StoppedError extends Error {
  constructor() {
    super('Export stopped.');
  }
}

type WorkerAnswer = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** The EPUB's bytes; rejects with StoppedError once `signal` aborts. */
export async function packBook(
  request: BookRequest,
  signal: AbortSignal,
  workerFile?: string,
): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'lectern-epub-'));
  try {
    if (!workerFile || !existsSync(workerFile)) {
      const bytes = await buildEpub(request, folder);
      if (signal.aborted) throw new StoppedError();
      return bytes;
    }
    return await inWorker(workerFile, request, folder, signal);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function inWorker(
  workerFile: string,
  request: BookRequest,
  folder: string,
  signal: AbortSignal,
): Promise<Uint8Array> {
  if (signal.aborted) return Promise.reject(new StoppedError());
  const worker = new Worker(workerFile, { workerData: { request, folder } });
  const stop = () => void worker.terminate();
  signal.addEventListener('abort', stop, { once: true });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.ok) resolve(answer.bytes);
      else reject(new Error(answer.message));
    });
    worker.once('error', reject);
    // Ended by Stop (or by a crash) before answering.
    worker.once('exit', () =>
      reject(signal.aborted ? new StoppedError() : new Error('The EPUB thread ended.')),
    );
  }).finally(() => {
    signal.removeEventListener('abort', stop);
    void worker.terminate();
  });
}
