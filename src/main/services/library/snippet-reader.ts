/**
 * Search snippets, read off the main thread: each of a search's hits means opening, decoding and
 * scanning its file, a few milliseconds a query that must not hold up the window's other calls. In
 * the app a snippet thread (the library worker script, `role: 'snippets'`) does it, as the
 * library's reads are meant to run (read-article); without a worker file (tests) it runs inline.
 */
import type { SnippetPart } from '../../../shared/library';
import { parseLibraryQuery } from '../../../shared/library-query';
import { snippetOf } from './library-snippet';
import { readArticleText } from './read-article';
import { queryPattern } from './snippet-pattern';
import { workerClient } from './worker-client';

export interface SnippetRequest {
  root: string;
  rels: string[];
  /** The query as typed; it is parsed again there, cheaper than sending its patterns. */
  query: string;
}

/** Each file's snippet; a file gone or unreadable since it was indexed gets none. */
export function readSnippets(request: SnippetRequest): SnippetPart[][] {
  const pattern = queryPattern(parseLibraryQuery(request.query));
  return request.rels.map((rel) => {
    const text = readArticleText(request.root, rel);
    return text === null ? [] : snippetOf(text, pattern);
  });
}

export interface SnippetReader {
  snippets(request: SnippetRequest): Promise<SnippetPart[][]>;
  /** False when snippets are read on this thread: then all of them, as before there were threads. */
  offThread: boolean;
  close(): void;
}

export function inlineSnippetReader(): SnippetReader {
  return {
    snippets: async (request) => readSnippets(request),
    offThread: false,
    close: () => undefined,
  };
}

/** Should the thread fail, its requests and later ones are read inline. */
export function workerSnippetReader(file: string): SnippetReader {
  const client = workerClient<SnippetRequest, SnippetPart[][]>({
    file,
    workerData: { role: 'snippets' },
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    fallback: readSnippets,
    closedReply: () => [],
  });
  return {
    snippets: (request) => client.ask(request),
    offThread: true,
    close: () => client.close(),
  };
}
