/**
 * Property: for random queries built from the search syntax's grammar, under random list filters,
 * the library's search finds exactly what a brute-force filter over the articles' title, source,
 * body and date finds (the same text the indexer stores, tokenised as words).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldQuery } from '../../../../src/shared/find-normalise';
import {
  listsNewest,
  parseSearchQuery,
  type QueryClause,
  type QueryTerm,
  type SyntaxQuery,
} from '../../../../src/shared/library-query-syntax';
import { summariseArticle } from '../../../../src/main/services/library/article-summary';
import { LibraryService } from '../../../../src/main/services/library/library-service';
import { NO_LIMITS, type SearchLimits } from '../../../../src/main/services/library/syntax-search';

/** Few words, some the beginnings of others, so queries match some articles and not others. */
const WORDS = ['kyiv', 'kyivan', 'kiev', 'talks', 'talk', 'grain', 'granary', 'wheat', 'odesa'];
const SOURCES = ['Agence Alpha', 'Reuters', 'The Moscow Times'];
const MONTHS = ['January', 'February', 'March', 'June', 'December'];
const ARTICLE_COUNT = 40;

interface Doc {
  id: number;
  date: string | null;
  source: string;
  /** Words by column, as FTS5 sees them. */
  columns: Record<'title' | 'source' | 'body', string[]>;
}

const tokens = (text: string) => foldQuery(text, true).match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

let folder: string;
let userData: string;
let service: LibraryService;
let docs: Doc[];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'lectern-syntax-property-'));
  userData = mkdtempSync(join(tmpdir(), 'lectern-syntax-property-data-'));
  const random = fc.sample(
    fc.record({
      title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
      body: fc.array(fc.constantFrom(...WORDS, 'the', 'in', 'and'), {
        minLength: 3,
        maxLength: 30,
      }),
      source: fc.constantFrom(...SOURCES),
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.constantFrom(...MONTHS),
      year: fc.integer({ min: 2023, max: 2025 }),
    }),
    { numRuns: ARTICLE_COUNT, seed: 16 },
  );
  const texts = new Map<string, string>();
  random.forEach((a, i) => {
    const name = `${String(i).padStart(3, '0')}_${String(i).padStart(16, '0')}.txt`;
    const text = `# ${a.title.join(' ')}\n\nBy [${a.source}](#)\n\n${a.month} ${a.day}, ${a.year}\n\n${a.body.join(' ')}\n\nOriginal url:\n\n<https://example.com/${i}>\n`;
    writeFileSync(join(folder, name), text);
    texts.set(name, text);
  });
  service = new LibraryService({ userDataDir: userData, emit: () => undefined });
  await service.open(folder);
  await service.whenIdle();
  docs = service.snapshot().entries.map((entry) => {
    const name = basename(entry.path);
    const summary = summariseArticle(texts.get(name)!, name);
    return {
      id: entry.id,
      date: entry.date,
      source: entry.source,
      columns: {
        title: tokens(summary.title),
        source: tokens(summary.source),
        body: tokens(summary.body),
      },
    };
  });
  expect(docs).toHaveLength(ARTICLE_COUNT);
}, 60_000);

afterAll(async () => {
  await service?.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

// ── The brute force ──

/** Where a term occurs in a list of words: [first, last] word positions. */
function occurrences(term: QueryTerm, words: string[]): [number, number][] {
  const found: [number, number][] = [];
  const n = term.words.length;
  for (let i = 0; i + n <= words.length; i++) {
    const ok = term.words.every((w, k) =>
      term.prefix && k === n - 1 ? words[i + k]!.startsWith(w) : words[i + k] === w,
    );
    if (ok) found.push([i, i + n - 1]);
  }
  return found;
}

function columnsOf(doc: Doc, term: QueryTerm): string[][] {
  return term.field ? [doc.columns[term.field]] : Object.values(doc.columns);
}

function matches(doc: Doc, clause: QueryClause): boolean {
  if (clause.type === 'term') {
    return columnsOf(doc, clause.term).some((words) => occurrences(clause.term, words).length > 0);
  }
  if (clause.type === 'any') return clause.of.some((option) => matches(doc, option));
  const [a, b] = clause.terms;
  // FTS5's NEAR: at most `distance` words between the two, either first, in one column.
  return Object.values(doc.columns).some((words) =>
    occurrences(a, words).some(([a0, a1]) =>
      occurrences(b, words).some(([b0, b1]) => {
        const between = a1 < b0 ? b0 - a1 - 1 : a0 - b1 - 1;
        return between <= clause.distance;
      }),
    ),
  );
}

function bruteForce(query: SyntaxQuery, limits: SearchLimits): number[] {
  return docs
    .filter(
      (doc) =>
        query.all.every((c) => matches(doc, c)) &&
        !query.none.some((c) => matches(doc, c)) &&
        (!query.from || (doc.date !== null && doc.date >= query.from)) &&
        (!query.to || (doc.date !== null && doc.date <= query.to)) &&
        (!limits.source || doc.source === limits.source) &&
        (!limits.from || (doc.date !== null && doc.date >= limits.from)) &&
        (!limits.to || (doc.date !== null && doc.date <= limits.to)) &&
        (!limits.only || limits.only.includes(doc.id)) &&
        (!limits.not || !limits.not.includes(doc.id)),
    )
    .map((doc) => doc.id)
    .sort((x, y) => x - y);
}

// ── Queries from the grammar ──

const word = fc.constantFrom(...WORDS);
const phrase = fc
  .array(word, { minLength: 2, maxLength: 2 })
  .map((words) => `"${words.join(' ')}"`);
/** A word before a colon and a space ("Russia: offensive") is a word, not a field. */
const colonWord = word.map((w) => `${w}:`);
const atom = fc.oneof(word, word, phrase, colonWord);
const fieldTerm = fc.oneof(
  fc.constantFrom(...SOURCES).map((s) => `source:"${s}"`),
  fc.constantFrom('source:reuters', 'source:alpha'),
  word.map((w) => `title:${w}`),
);
const near = fc
  .tuple(word, fc.integer({ min: 1, max: 6 }), word)
  .filter(([a, , b]) => a !== b)
  .map(([a, n, b]) => `${a} NEAR/${n} ${b}`);
const alternative = fc.oneof(atom, atom, fieldTerm, near);
const orGroup = fc
  .array(alternative, { minLength: 1, maxLength: 3 })
  .map((options) => options.join(' OR '));
const excluded = fc.oneof(atom, fieldTerm).map((a) => `-${a}`);
const period = fc.oneof(
  fc.integer({ min: 2022, max: 2026 }).map(String),
  fc
    .tuple(fc.integer({ min: 2023, max: 2025 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(
      fc.integer({ min: 2023, max: 2025 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const bound = fc.tuple(fc.constantFrom('after', 'before'), period).map(([b, p]) => `${b}:${p}`);
const item = fc.oneof(
  { weight: 4, arbitrary: orGroup },
  { weight: 1, arbitrary: excluded },
  { weight: 1, arbitrary: bound },
);
/** Without a trailing space the last word is still being typed and matches word beginnings. */
const typedQuery = fc
  .tuple(
    fc.array(item, { minLength: 1, maxLength: 4 }),
    fc.boolean(),
    fc.integer({ min: 0, max: 2 }),
  )
  .map(([items, done, cut]) => {
    const text = items.join(' ');
    // Sometimes the last word is cut short, as when typing.
    const cutText = /[a-z]{5,}$/.test(text) && cut > 0 ? text.slice(0, -cut) : text;
    return done ? `${cutText} ` : cutText;
  });

const limitsArb = fc.record({
  source: fc.option(fc.constantFrom(...SOURCES), { freq: 3 }),
  from: fc.option(fc.constantFrom('2024-01-01', '2024-06-15'), { freq: 3 }),
  to: fc.option(fc.constantFrom('2024-12-31', '2025-03-01'), { freq: 3 }),
  only: fc.option(fc.subarray([...Array(ARTICLE_COUNT).keys()]), { freq: 4 }),
  not: fc.option(fc.subarray([...Array(ARTICLE_COUNT).keys()], { maxLength: 10 }), { freq: 4 }),
});

describe('search syntax against a brute-force filter', () => {
  it('finds the same articles for random queries and filters', async () => {
    let checked = 0;
    /** Queries that found some articles but not all: the comparison is not of empty lists. */
    let telling = 0;
    let listed = 0;
    await fc.assert(
      fc.asyncProperty(typedQuery, limitsArb, async (typed, picked) => {
        const parsed = parseSearchQuery(typed);
        // Only an empty date range is refused among what the grammar makes; it says so.
        if (!parsed.ok) {
          expect(parsed.problem.message).toMatch(/range is empty/);
          return;
        }
        const ids = docs.map((d) => d.id);
        const limits: SearchLimits = {
          source: picked.source,
          from: picked.from,
          to: picked.to,
          only: picked.only && picked.only.map((i) => ids[i]!),
          not: picked.not && picked.not.map((i) => ids[i]!),
        };
        const { hits } = await service.searchWith(parsed.query, limits, ARTICLE_COUNT + 10);
        const found = hits.map((hit) => hit.entry.id).sort((x, y) => x - y);
        expect(found, typed).toEqual(bruteForce(parsed.query, limits));
        // With nothing to rank by (dates, exclusions, sources), newest first, undated last.
        if (listsNewest(parsed.query)) {
          const dates = hits.map((hit) => hit.entry.date ?? '');
          const newestFirst = [...dates].sort((a, b) => (!a ? 1 : !b ? -1 : b.localeCompare(a)));
          expect(dates, typed).toEqual(newestFirst);
          listed++;
        }
        checked++;
        if (found.length > 0 && found.length < ARTICLE_COUNT) telling++;
      }),
      { numRuns: 400, seed: 1616 },
    );
    expect(checked).toBeGreaterThan(300);
    expect(telling).toBeGreaterThan(100);
    expect(listed).toBeGreaterThan(10);
    console.log(`${checked} queries checked, ${telling} found some articles but not all`);
  });
});

describe('plain queries', () => {
  it('find what the plain search finds, in its order, with its snippets', async () => {
    const piece = fc.oneof(
      fc.constantFrom(
        ...WORDS,
        'KYIV',
        'Talks’',
        'don’t',
        'ki',
        'gra',
        'kyïv',
        '“grain',
        'talks”',
        'Kyiv:',
        'NEAR',
        '-',
        'or',
      ),
      fc.string({ maxLength: 6 }),
    );
    const plain = fc
      .array(piece, { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(' '))
      .filter((typed) => {
        const parsed = parseSearchQuery(typed);
        return parsed.ok && parsed.query.plain;
      });
    await fc.assert(
      fc.asyncProperty(plain, async (typed) => {
        const parsed = parseSearchQuery(typed);
        if (!parsed.ok) throw new Error(typed);
        const before = await service.search(typed, 50);
        const now = await service.searchWith(parsed.query, NO_LIMITS, 50, typed);
        expect(now, typed).toEqual(before);
      }),
      { numRuns: 150, seed: 1617 },
    );
  });
});
