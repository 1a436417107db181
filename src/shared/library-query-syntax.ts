/**
 * The library search box's syntax, read once for both sides: the window shows what is wrong and
 * where as you type, and main turns the same reading into the index query. Words and "phrases"
 * are ANDed; `-` excludes; `OR` offers alternatives (binding tighter than AND: `a b OR c` is a and
 * either b or c); `NEAR/n` joins two words or phrases at most n words apart, in either order;
 * `title:`, `source:` look in one field; `after:`/`before:` bound the date (library-query-dates).
 * A query without any of these is plain, and is searched exactly as before the syntax existed.
 */
import { foldQuery } from './find-normalise';
import { MIN_PREFIX_LETTERS } from './library-query';
import { dayAfter, dayBefore, periodOf } from './library-query-dates';
import { lexQuery, type Token } from './library-query-lexer';
import { WORD_CHARACTERS } from './text-fold';

export type QueryField = 'title' | 'source';

export interface QueryTerm {
  /** Folded words in a row, as the index holds them. */
  words: string[];
  /** The last word is still being typed: it matches word beginnings. */
  prefix: boolean;
  field: QueryField | null;
  /** As typed: what the find bar is given when a result is opened. */
  typed: string;
}

export type QueryClause =
  | { type: 'term'; term: QueryTerm }
  | { type: 'near'; terms: [QueryTerm, QueryTerm]; distance: number }
  | { type: 'any'; of: QueryClause[] };

/** Something wrong (or worth saying) in a query, and where: characters [at, end) of it. */
export interface QueryProblem {
  message: string;
  at: number;
  end: number;
}

export interface SyntaxQuery {
  /** Every one must match. */
  all: QueryClause[];
  /** None may match. */
  none: QueryClause[];
  /** Inclusive `YYYY-MM-DD` bounds from after: and before:; null when open. */
  from: string | null;
  to: string | null;
  /** No operator at all. */
  plain: boolean;
  /** Ends in a word still being typed, too short to match beginnings: why nothing may match yet. */
  endsInShortWord: boolean;
  /** Said beside the results, which still come (a quote not closed yet, a lone -). */
  notices: QueryProblem[];
}

export type QueryParse = { ok: true; query: SyntaxQuery } | { ok: false; problem: QueryProblem };

export const MAX_QUERY_TERMS = 32;
export const MAX_NEAR = 100;
const FIELDS = ['title', 'source', 'after', 'before'] as const;
/** Words as the index's tokenizer reads them (text-fold), so both sides split alike. */
const WORD = new RegExp(`[${WORD_CHARACTERS}]+`, 'gu');

/** An operand on its way to a clause, with where it was typed. */
type Operand = { clause: QueryClause; negated: boolean; at: number; end: number } | DateBound;
type DateBound = { bound: 'after' | 'before'; day: string; at: number; end: number };
type Item = Operand | { op: 'or' | 'near'; distance: number; at: number; end: number };

class QueryError extends Error {
  constructor(readonly problem: QueryProblem) {
    super(problem.message);
  }
}
const fail = (message: string, at: number, end: number): never => {
  throw new QueryError({ message, at, end });
};

export function parseSearchQuery(typed: string): QueryParse {
  try {
    return { ok: true, query: read(typed) };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, problem: error.problem };
    throw error;
  }
}

function read(typed: string): SyntaxQuery {
  const notices: QueryProblem[] = [];
  const items = lexQuery(typed).flatMap((token) => itemsOf(token, notices));
  const operands = combine(items);
  const query: SyntaxQuery = {
    all: [],
    none: [],
    from: null,
    to: null,
    plain: true,
    endsInShortWord: false,
    notices,
  };
  let terms = 0;
  for (const operand of operands) {
    if ('bound' in operand) {
      query.plain = false;
      if (operand.bound === 'after' && (!query.from || operand.day > query.from)) {
        query.from = operand.day;
      }
      if (operand.bound === 'before' && (!query.to || operand.day < query.to))
        query.to = operand.day;
      continue;
    }
    terms += countTerms(operand.clause);
    if (terms > MAX_QUERY_TERMS) {
      fail(`Too many terms: a search takes at most ${MAX_QUERY_TERMS}.`, operand.at, typed.length);
    }
    if (operand.negated || operand.clause.type !== 'term' || operand.clause.term.field) {
      query.plain = false;
    }
    (operand.negated ? query.none : query.all).push(operand.clause);
  }
  if (query.from && query.to && query.from > query.to) {
    const first = operands.find((o) => 'bound' in o)!;
    fail('No date is both after and before these: the range is empty.', first.at, typed.length);
  }
  markPrefix(query, typed, items);
  if (seeksNothing(query) && typed.trim() && !notices.length) {
    const at = typed.length - typed.trimStart().length;
    notices.push({
      message: 'Nothing to search for: words are made of letters and digits.',
      at,
      end: typed.trimEnd().length,
    });
  }
  return query;
}

/** No word, phrase, exclusion or date: `*`, `""`, a lone `-`. Nothing is searched. */
export function seeksNothing(query: SyntaxQuery): boolean {
  return !query.all.length && !query.none.length && !query.from && !query.to;
}

/**
 * Nothing to rank by: only dates, exclusions and sources. Such a query lists the articles that fit,
 * newest first (a source matches or not; bm25 over a byline would order them at random).
 */
export function listsNewest(query: SyntaxQuery): boolean {
  return !query.plain && query.all.every((c) => c.type === 'term' && c.term.field === 'source');
}

function countTerms(clause: QueryClause): number {
  if (clause.type === 'term') return 1;
  if (clause.type === 'near') return 2;
  return clause.of.reduce((sum, option) => sum + countTerms(option), 0);
}

/** A lexed token as operators and operands. */
function itemsOf(token: Token, notices: QueryProblem[]): Item[] {
  const { at, end } = token;
  if (token.kind === 'or') return [{ op: 'or', distance: 0, at, end }];
  if (token.kind === 'near') {
    if (!(token.distance >= 1 && token.distance <= MAX_NEAR)) {
      fail(`${token.text}: the distance is 1 to ${MAX_NEAR} words (NEAR/10).`, at, end);
    }
    return [{ op: 'near', distance: token.distance, at, end }];
  }
  if (token.kind === 'dash') {
    notices.push({
      message: 'A “-” alone excludes nothing: put it before a word, -word.',
      at,
      end,
    });
    return [];
  }
  if (token.kind === 'open-quote') {
    notices.push({
      message: 'This quote is not closed: its words are searched as a phrase so far.',
      at,
      end: at + 1,
    });
  }
  const unread = operatorLike(token);
  if (unread) notices.push({ message: unread, at, end });
  const known = FIELDS.includes(token.field?.toLowerCase() as (typeof FIELDS)[number]);
  // "Russia: offensive", a pasted headline: an unknown name with nothing after its colon is a word.
  if (token.field !== undefined && !known && !token.quoted && token.value === '') {
    const { field: name, ...word } = token;
    token = { ...word, value: name };
  }
  const field = token.field?.toLowerCase() ?? null;
  if (token.field !== undefined && !known) {
    fail(
      `Unknown field “${token.field}:”. The fields are source:, title:, after: and before:.`,
      at,
      at + (token.negated ? 1 : 0) + token.field.length + 1,
    );
  }
  if (field === 'after' || field === 'before') {
    const period = token.quoted ? null : periodOf(token.value);
    if (!period) {
      fail(`${field}: takes a year, month or day: 2025, 2025-03 or 2025-03-31.`, at, end);
    }
    if (token.negated) fail(`-${field}: cannot be excluded; use the other bound.`, at, end);
    const day = field === 'after' ? dayAfter(period!.last) : dayBefore(period!.first);
    return [{ bound: field, day, at, end }];
  }
  const words = foldQuery(token.value, true).match(WORD) ?? [];
  if (words.length === 0) {
    if (token.field !== undefined) fail(`${field}: needs a word or a "phrase" after it.`, at, end);
    return [];
  }
  const term: QueryTerm = {
    words,
    prefix: false,
    field: field as QueryField | null,
    typed: token.value.trim().replace(/\s+/g, ' '),
  };
  return [{ clause: { type: 'term', term }, negated: token.negated, at, end }];
}

/** `NEAR` in capitals without its `/n`: likely meant as the operator. */
/**
 * A word people type as an operator that is not one here (from other search tools: NOT, AND, a
 * NEAR without its distance, near/10 in lower case): it is searched as a word, and said so.
 */
function operatorLike(token: Extract<Token, { value: string }>): string | null {
  const { kind, value, quoted, field, negated } = token;
  if (kind !== 'term' || quoted || field !== undefined || negated) return null;
  if (value === 'NEAR')
    return 'NEAR needs a distance, as in NEAR/10: alone it is searched as a word.';
  if (value === 'NOT')
    return 'NOT is searched as a word: to leave a word out, put - before it (-word).';
  if (value === 'AND') return 'AND is searched as a word: every word is required anyway.';
  if (/^near\/\d+$/i.test(value)) {
    return `Write NEAR in capitals (${value.toUpperCase()}): in other letters it is searched as a word.`;
  }
  return null;
}

/** NEAR first (the tightest), then OR; what is left is ANDed. */
function combine(items: Item[]): Operand[] {
  const near: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!('op' in item) || item.op !== 'near') {
      near.push(item);
      continue;
    }
    const left = near.pop();
    const right = items[++i];
    const what = `NEAR/${item.distance} joins two words or phrases, as in kyiv NEAR/10 ceasefire.`;
    const [a, b] = [plainTerm(left), plainTerm(right)];
    if (!a || !b) fail(what, item.at, item.end);
    if (items[i + 1] && 'op' in items[i + 1]! && (items[i + 1] as { op: string }).op === 'near') {
      fail('One NEAR at a time: join two words or phrases with each.', item.at, item.end);
    }
    const clause: QueryClause = { type: 'near', terms: [a!, b!], distance: item.distance };
    near.push({ clause, negated: false, at: left!.at, end: right!.end });
  }
  const out: Operand[] = [];
  for (let i = 0; i < near.length; i++) {
    const item = near[i]!;
    if (!('op' in item)) {
      out.push(item);
      continue;
    }
    const left = out.pop();
    const right = near[++i];
    for (const side of [left, right]) {
      if (side && !('op' in side) && 'bound' in side) {
        fail(`${side.bound}: cannot be one side of OR.`, side.at, side.end);
      }
      if (side && !('op' in side) && !('bound' in side) && side.negated) {
        fail('An excluded word (-word) cannot be one side of OR.', side.at, side.end);
      }
    }
    const message = 'OR needs a word or phrase on each side, as in kyiv OR kiev.';
    if (!alternative(left) || !alternative(right)) fail(message, item.at, item.end);
    type Alternative = Operand & { clause: QueryClause };
    const [a, b] = [left as Alternative, right as Alternative];
    const of = [a.clause, b.clause].flatMap((c) => (c.type === 'any' ? c.of : [c]));
    out.push({ clause: { type: 'any', of }, negated: false, at: a.at, end: b.end });
  }
  return out;
}

/** A word or phrase with nothing else about it: what NEAR joins. */
function plainTerm(item: Item | undefined): QueryTerm | null {
  if (!item || 'op' in item || 'bound' in item || item.negated) return null;
  const clause = item.clause;
  return clause.type === 'term' && !clause.term.field ? clause.term : null;
}

/** What OR can join: words, phrases, field terms and NEAR pairs, not exclusions or dates. */
function alternative(item: Item | undefined): boolean {
  return item !== undefined && !('op' in item) && !('bound' in item) && !item.negated;
}

/**
 * The last word is still being typed when nothing follows it (no space, no closing quote): it
 * matches word beginnings from MIN_PREFIX_LETTERS letters on, as in a plain search. Only a word
 * sought counts: an exclusion, a date or an operator at the end is not one being typed.
 */
function markPrefix(query: SyntaxQuery, typed: string, items: Item[]) {
  const last = items.at(-1);
  // An excluded word is excluded whole: a prefix would leave out more than was typed.
  if (!last || 'op' in last || 'bound' in last || last.negated || last.end !== typed.length) return;
  if (/["“”„‟«»]$/.test(typed) && !query.notices.some((n) => n.at === last.at)) return;
  const term = lastTerm(last.clause);
  const word = term?.words.at(-1);
  if (!term || !word) return;
  if ([...word].length >= MIN_PREFIX_LETTERS) term.prefix = true;
  else query.endsInShortWord = true;
}

function lastTerm(clause: QueryClause): QueryTerm | undefined {
  if (clause.type === 'term') return clause.term;
  if (clause.type === 'near') return clause.terms[1];
  return lastTerm(clause.of.at(-1)!);
}

/**
 * Every word and phrase looked for in the text, as typed, in order: the find bar, when a result
 * opens, takes the first one the article holds (an OR's match may hold only its second). A source
 * is not in the text, so title words come last.
 */
export function soughtInText(query: SyntaxQuery): string[] {
  const terms = query.all.flatMap(termsOf);
  const typed = [...terms.filter((t) => !t.field), ...terms.filter((t) => t.field === 'title')];
  return [...new Set(typed.map((t) => t.typed))];
}

function termsOf(clause: QueryClause): QueryTerm[] {
  if (clause.type === 'term') return [clause.term];
  if (clause.type === 'near') return clause.terms;
  return clause.of.flatMap(termsOf);
}
