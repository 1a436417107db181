/**
 * Reads, decodes and summarises articles for the indexer. In the app this runs in a
 * second worker thread, so on a machine with two cores or more the reading of the next chunk
 * overlaps the indexer's SQLite writes of this one; without a worker file (tests) it runs inline.
 */
import type { ArticleSummary } from './article-summary';
import type { FileStamp } from './library-scan';
import { readArticle, readHead, type ArticleRead } from './read-article';
import { workerClient } from './worker-client';

export type ReaderRequest = { kind: 'whole' | 'head'; stamps: FileStamp[] };
export type ReaderReply = ArticleRead[] | (ArticleSummary | null)[];

export function prepareWhole(root: string, stamps: FileStamp[]): ArticleRead[] {
  return stamps.map((stamp) => readArticle(root, stamp));
}

export function prepareHeads(root: string, stamps: FileStamp[]): (ArticleSummary | null)[] {
  return stamps.map((stamp) => readHead(root, stamp));
}

export function answer(root: string, request: ReaderRequest): ReaderReply {
  return request.kind === 'whole'
    ? prepareWhole(root, request.stamps)
    : prepareHeads(root, request.stamps);
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
  const client = workerClient<ReaderRequest, ReaderReply>({
    file,
    workerData: { role: 'reader', root },
    // A small heap keeps the process's memory down; a chunk too big for it ends the thread, and
    // the chunk is then read inline.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    fallback: (request) => answer(root, request),
    // Owed chunks come back empty, so an indexer waiting on one sees it is closing and ends.
    closedReply: () => [],
  });
  return {
    whole: (stamps) => client.ask({ kind: 'whole', stamps }) as Promise<ArticleRead[]>,
    heads: (stamps) => client.ask({ kind: 'head', stamps }) as Promise<(ArticleSummary | null)[]>,
    close: () => client.close(),
  };
}
