/**
 * Reads, decodes and summarises articles for the indexer. In the app this runs in a
 * second worker thread, so on a machine with two cores or more the reading of the next chunk
 * overlaps the indexer's SQLite writes of this one; without a worker file (tests) it runs inline.
 */
import { Worker } from 'node:worker_threads';
import type { ArticleSummary } from './article-summary';
import type { FileStamp } from './library-scan';
import { readArticle, readHead, type ArticleRead } from './read-article';

export type ReaderRequest = { id: number; kind: 'whole' | 'head'; stamps: FileStamp[] };
export type ReaderReply = { id: number; result: ArticleRead[] | (ArticleSummary | null)[] };

export function prepareWhole(root: string, stamps: FileStamp[]): ArticleRead[] {
  return stamps.map((stamp) => readArticle(root, stamp));
}

export function prepareHeads(root: string, stamps: FileStamp[]): (ArticleSummary | null)[] {
  return stamps.map((stamp) => readHead(root, stamp));
}

export function answer(root: string, request: ReaderRequest): ReaderReply {
  const result =
    request.kind === 'whole'
      ? prepareWhole(root, request.stamps)
      : prepareHeads(root, request.stamps);
  return { id: request.id, result };
}

export interface ArticleReader {
  whole(stamps: FileStamp[]): Promise<ArticleRead[]>;
  heads(stamps: FileStamp[]): Promise<(ArticleSummary | null)[]>;
  close(): void;
}

export function inlineReader(root: string): ArticleReader {
  return {
    whole: async (stamps) => prepareWhole(root, stamps),
    heads: async (stamps) => prepareHeads(root, stamps),
    close: () => undefined,
  };
}

/** A reader thread; should it fail, the chunks it owed (and any later ones) are read inline. */
export function workerReader(file: string, root: string): ArticleReader {
  const pending = new Map<
    number,
    { request: ReaderRequest; resolve: (reply: ReaderReply) => void }
  >();
  // A small heap keeps the process's memory down; a chunk too big for it ends the thread, and
  // the chunk is then read inline.
  let worker: Worker | null = new Worker(file, {
    workerData: { role: 'reader', root },
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  });
  let next = 0;
  worker.on('message', (reply: ReaderReply) => {
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  const fail = () => {
    void worker?.terminate();
    worker = null;
    for (const { request, resolve } of pending.values()) resolve(answer(root, request));
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', () => worker && fail());
  const ask = (kind: ReaderRequest['kind'], stamps: FileStamp[]) => {
    const request: ReaderRequest = { id: next++, kind, stamps };
    if (!worker) return Promise.resolve(answer(root, request).result);
    return new Promise<ReaderReply>((resolve) => {
      pending.set(request.id, { request, resolve });
      worker!.postMessage(request);
    }).then((reply) => reply.result);
  };
  return {
    whole: (stamps) => ask('whole', stamps) as Promise<ArticleRead[]>,
    heads: (stamps) => ask('head', stamps) as Promise<(ArticleSummary | null)[]>,
    close: () => {
      const closing = worker;
      worker = null;
      // Owed chunks come back empty, so an indexer waiting on one sees it is closing and ends.
      for (const { request, resolve } of pending.values()) resolve({ id: request.id, result: [] });
      pending.clear();
      void closing?.terminate();
    },
  };
}
