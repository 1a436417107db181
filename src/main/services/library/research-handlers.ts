/**
 * The contract's research calls: reading status and copies for the list, names across the
 * library, and every highlight. Reading status and highlights come from the remembered-state store
 * through `ResearchStore`, the one place this module touches it.
 */
import { articleKey } from '../../../shared/article-key';
import type { ArticleAnnotations } from '../../../shared/annotation';
import type { Handlers } from '../../../shared/ipc';
import { parseSearchQuery } from '../../../shared/library-query-syntax';
import { AppFailure } from '../../../shared/result';
import {
  articleToContinue,
  NAME_LIST_LIMIT,
  readingStatus,
  type SearchFilter,
  type HighlightEntry,
  type LibraryFacts,
  type ReadingRecord,
} from '../../../shared/library-research';
import { loadArticleFile } from '../article-file';
import type { LibraryService } from './library-service';
import type { SearchLimits } from './syntax-search';

/** What this module needs from the remembered-state store. */
export interface ResearchStore {
  readingRecords(): Promise<Record<string, ReadingRecord>>;
  setRead(keys: string[], read: boolean): Promise<void>;
  allHighlights(): Promise<[string, ArticleAnnotations][]>;
}

type ResearchChannel =
  | 'research.search'
  | 'research.facts'
  | 'research.markRead'
  | 'research.names'
  | 'research.mentioning'
  | 'research.otherMentions'
  | 'highlights.all';

export function researchHandlers(
  library: LibraryService,
  store: ResearchStore,
): Pick<Handlers, ResearchChannel> {
  /** The key of an entry: from the analysis, or (not analysed yet) read from its file now. */
  async function keyOf(id: number): Promise<string | null> {
    const research = library.research();
    const known = research.keyOf(id);
    if (known) return known;
    const path = research.pathOf(id);
    if (!path) return null;
    return loadArticleFile(path).then(articleKey, () => null);
  }

  /** The list's filters as conditions a search keeps to. */
  async function limitsOf(filter: SearchFilter): Promise<SearchLimits> {
    const research = library.research();
    const sets: number[][] = [];
    let not: number[] | null = null;
    if (filter.status) {
      const records = await store.readingRecords();
      const read = research.entriesByKeys(Object.keys(records));
      const status = (key: string) => readingStatus(records[key]).state;
      if (filter.status === 'unread') {
        not = read.filter((entry) => status(entry.key) !== 'unread').map((entry) => entry.id);
      } else sets.push(read.filter((e) => status(e.key) === filter.status).map((e) => e.id));
    }
    if (filter.duplicates) sets.push(research.copies().flat());
    if (filter.named) sets.push(research.mentioning(filter.named));
    const only = sets.length
      ? sets.reduce((kept, set) => {
          const inSet = new Set(set);
          return kept.filter((id) => inSet.has(id));
        })
      : null;
    return {
      source: filter.source || null,
      from: filter.from || null,
      to: filter.to || null,
      only,
      not,
    };
  }

  return {
    'research.search': async (typed, filter, limit) => {
      if (!library.root) return { hits: [], total: 0 };
      const parsed = parseSearchQuery(typed);
      if (!parsed.ok) throw new AppFailure('invalid-request', parsed.problem.message);
      return library.searchWith(parsed.query, await limitsOf(filter), limit, typed);
    },
    'research.facts': async () => {
      if (!library.root) return null;
      const research = library.research();
      const records = await store.readingRecords();
      const read = research.entriesByKeys(Object.keys(records));
      const latest = articleToContinue(read.map((entry) => [entry, records[entry.key]!]));
      return {
        reading: read.map((entry) => ({ id: entry.id, record: records[entry.key]! })),
        copies: research.copies(),
        continueWith: latest ? { id: latest.id, path: latest.path, title: latest.title } : null,
        analysis: library.analysisProgress,
      } satisfies LibraryFacts;
    },
    'research.markRead': async (ids, read) => {
      if (!library.root) return;
      const keys = await Promise.all(ids.map(keyOf));
      await store.setRead([...new Set(keys.filter((key) => key !== null))], read);
    },
    'research.names': async (filter) => {
      if (!library.root) return null;
      const list = library.research().names(filter, NAME_LIST_LIMIT);
      return { ...list, analysis: library.analysisProgress };
    },
    'research.mentioning': async (name) =>
      library.root ? library.research().mentioning(name) : [],
    'research.otherMentions': async (path, names) => {
      if (!library.root) return null;
      const id = path === null ? null : library.entryIdAt(path);
      return library.research().otherMentions(id, names);
    },
    'highlights.all': async () => {
      const stored = await store.allHighlights();
      const keys = stored.map(([key]) => key);
      const inLibrary = library.root ? library.research().entriesByKeys(keys) : [];
      const articleOf = new Map(inLibrary.map((entry) => [entry.key, entry]));
      const entries: HighlightEntry[] = [];
      for (const [key, { title, annotations }] of stored) {
        const entry = articleOf.get(key);
        const article = entry
          ? {
              path: entry.path,
              title: entry.title,
              source: entry.source,
              date: entry.date,
              url: entry.url,
            }
          : null;
        for (const annotation of annotations) entries.push({ annotation, key, title, article });
      }
      return entries.sort((a, b) => b.annotation.created.localeCompare(a.annotation.created));
    },
  };
}
