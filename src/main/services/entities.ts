/**
 * People, places and organisations in an article. compromise tags the names (its lexicon knows
 * first names, countries, cities); unknown names are placed by their neighbours ("Dnipro region",
 * "town of Mezhyra"). Names are found in the first part of the text, then counted in all of it.
 * The details panel and the library's "People and places" both call findEntities, so they agree.
 */
import type NlpFunction from 'compromise';
import type { Entity, EntityKind } from '../../shared/article-details';

/**
 * Bumped whenever the names found in the same text change (a rule, compromise's version): a
 * library analysed by other rules finds its names again in the background (library-analysis).
 */
export const ENTITY_RULES_VERSION = 2;

/** compromise reads about 0.1–1 MB/s; names are discovered in this much text, then counted everywhere. */
export const DISCOVERY_CHARS = 20_000;

const PLACE_AFTER = new Set(['region', 'regions', 'oblast', 'province', 'city', 'district']);
const PLACE_BEFORE = new Set(['in', 'of', 'near', 'from', 'capital', 'city', 'town', 'village']);
const ORG_WORDS =
  /^(ministry|administration|council|agency|committee|party|army|parliament|court|republic)$/i;
const ACRONYM = /^[A-Z]{2,6}$/;
const POSSESSIVE = /['’]s$/;

/** A term as compromise holds it inside a document (read directly: `.json()` copies every term). */
interface Term {
  text: string;
  post: string;
  normal: string;
  tags: Set<string>;
}

/**
 * A sentence whose capitalised words have each been read in this many earlier sentences adds only
 * more votes for names already found, so it is not tagged again (tagging is most of the cost).
 */
const READINGS_PER_WORD = 2;
/** Lexicon tags that make a capitalised first word of a sentence a possible name. */
const NAME_TAGS = /Person|FirstName|LastName|Place|Country|City|Region|Organization|ProperNoun/;

type Nlp = typeof NlpFunction;
let nlpLoaded: Promise<Nlp> | null = null;
// compromise takes 1–4 s of blocking work to load: in the app that happens on the details thread
// (entity-thread.ts), never on the thread answering the window.
export const loadNlp = () => (nlpLoaded ??= import('compromise').then((module) => module.default));

export async function findEntities(segments: string[]): Promise<Entity[]> {
  return entitiesWith(await loadNlp(), segments);
}

/** The names in `segments`, most mentioned first, with compromise already loaded. */
export function entitiesWith(nlp: Nlp, segments: string[]): Entity[] {
  const votes = discover(nlp, discoveryText(segments));
  const entities = mergeVariants(votes);
  countMentions(entities, segments);
  return entities
    .filter((entity) => entity.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function discoveryText(segments: string[]): string {
  let text = '';
  for (const segment of segments) {
    if (text.length >= DISCOVERY_CHARS) break;
    text += `${segment}\n\n`;
  }
  return text.slice(0, DISCOVERY_CHARS);
}

interface Tagged {
  docs: Term[][];
  compute(hooks: string[]): void;
}

interface Tokenizer {
  methods: {
    one: {
      tokenize: {
        fromString(text: string, world: unknown): Term[][];
        splitSentences(text: string, world: unknown): string[];
      };
    };
  };
  model: { one: { lexicon: Record<string, string | string[] | undefined> } };
}

/** A capital after a sentence's first letter; without one, only the first word can be a name. */
const LATER_CAPITAL = /^\P{L}*\p{L}.*?\p{Lu}/su;
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/**
 * Whether compromise could read a name in this sentence, decided without tokenizing it (most of a
 * news article's sentences hold no capital but their first, and tokenizing is a third of the cost).
 * Errs on the side of yes: a later capital, or a first word the lexicon might know as a name.
 */
function mayHoldName(sentence: string, lexicon: Tokenizer['model']['one']['lexicon']): boolean {
  if (LATER_CAPITAL.test(sentence)) return true;
  const first = FIRST_WORD.exec(sentence)?.[1];
  if (!first) return false;
  // A word outside ASCII may be folded by compromise ("Zürich" → zurich): let it decide.
  return !/^[A-Za-z]+$/.test(first) || NAME_TAGS.test(String(lexicon[first.toLowerCase()] ?? ''));
}

/**
 * The sentences that can hold a name not yet read often enough, as compromise's tokenizer splits
 * them (cheap; tagging is not). compromise tags a capitalised word as a name only inside a
 * sentence, or first in one when its lexicon knows it ("Paris") or it is an acronym ("AFP").
 */
function nameSentences(nlp: Nlp, text: string): { terms: Term[] }[] {
  const world = nlp.world() as unknown as Tokenizer;
  const lexicon = world.model.one.lexicon;
  const readings = new Map<string, number>();
  const chosen: { terms: Term[] }[] = [];
  const { splitSentences, fromString } = world.methods.one.tokenize;
  const possible = splitSentences(text, world).filter((sentence) => mayHoldName(sentence, lexicon));
  for (const terms of possible.flatMap((sentence) => fromString(sentence, world))) {
    const names = terms.filter(
      (term, i) =>
        /^\p{Lu}/u.test(term.text) &&
        (i > 0 || ACRONYM.test(term.text) || NAME_TAGS.test(String(lexicon[term.normal] ?? ''))),
    );
    if (!names.some((term) => (readings.get(term.text) ?? 0) < READINGS_PER_WORD)) continue;
    for (const window of nameWindows(terms)) chosen.push({ terms: window });
    for (const { text: word } of names) readings.set(word, (readings.get(word) ?? 0) + 1);
  }
  return chosen;
}

/**
 * Words around a capitalised word that compromise's tagging rules can read; beyond them a sentence
 * only costs time (half of it on made-up news; over 986 real ones, 2 of 10 434 names changed).
 */
const CONTEXT_WORDS = 2;

/**
 * The parts of a sentence within CONTEXT_WORDS of a capitalised word, as pieces to tag. A piece
 * starts at the sentence's start or at a word without a capital, so compromise never takes a name
 * inside a sentence for one that starts it.
 */
function nameWindows(terms: Term[]): Term[][] {
  const windows: Term[][] = [];
  let from = -1;
  let to = -1;
  for (let i = 0; i < terms.length; i++) {
    if (!/^\p{Lu}/u.test(terms[i]!.text)) continue;
    const start = Math.max(0, i - CONTEXT_WORDS);
    if (from < 0 || start > to) {
      if (from >= 0) windows.push(terms.slice(from, to));
      from = start;
    }
    to = Math.min(terms.length, i + CONTEXT_WORDS + 1);
  }
  if (from >= 0) windows.push(terms.slice(from, to));
  return windows;
}

/** Each name seen, with how often it was read as each kind. */
function discover(nlp: Nlp, text: string): Map<string, Map<EntityKind, number>> {
  const votes = new Map<string, Map<EntityKind, number>>();
  const sentences = nameSentences(nlp, text);
  if (sentences.length === 0) return votes;
  // A document of the sentences already tokenized, tagged with compromise's lexicon and first
  // tagging pass; its second pass (contextual rules) cost twice as much again. The tokenizer has
  // set each word's normal form: compromise's own tokenize would compute it again (a tenth).
  const View = nlp.tokenize('').constructor as unknown as new (document: Term[][]) => Tagged;
  const doc = new View(sentences.map(({ terms }) => terms));
  doc.compute(['alias', 'machine', 'contractions', 'index', 'lexicon', 'preTagger']);
  for (const terms of doc.docs) {
    let start = 0;
    while (start < terms.length) {
      if (!isNameTerm(terms[start]!)) {
        start++;
        continue;
      }
      let end = start + 1;
      // A name ends at punctuation ("Donetsk, Kherson") or at a word that is not part of a name.
      while (end < terms.length && !/\S/.test(terms[end - 1]!.post) && isNameTerm(terms[end]!)) {
        const prev = terms[end - 1]!;
        if (POSSESSIVE.test(prev.text) && prev.tags.has('Place')) break;
        end++;
      }
      // A title before a name is not part of it: "U.S. President Donald Trump" names Donald Trump.
      const title = terms.slice(start, end - 1).findLastIndex(isTitle);
      let span = terms.slice(title < 0 ? start : start + title + 1, end);
      let kind = span.every(isTitle) ? null : classify(nlp, span, terms[start - 1], terms[end]);
      // "Dnipropetrovsk Region" in a title names the place Dnipropetrovsk.
      if (span.length > 1 && PLACE_AFTER.has(span.at(-1)!.normal)) {
        span = span.slice(0, -1);
        kind = 'place';
      }
      if (kind) {
        const name = span.map((t) => t.text.replace(POSSESSIVE, '')).join(' ');
        const tally = votes.get(name) ?? new Map<EntityKind, number>();
        tally.set(kind, (tally.get(kind) ?? 0) + 1);
        votes.set(name, tally);
      }
      start = end;
    }
  }
  return votes;
}

/** A role written before a name ("President", "Minister"); one alone is no name either. */
function isTitle(term: Term): boolean {
  return term.tags.has('Actor') && !term.tags.has('Person') && !term.tags.has('FirstName');
}

function isNameTerm(term: Term): boolean {
  const has = (tag: string) => term.tags.has(tag);
  if (!/^\p{Lu}/u.test(term.text) || has('Honorific') || has('Demonym')) return false;
  return has('ProperNoun') || has('Acronym');
}

function classify(
  nlp: Nlp,
  span: Term[],
  before: Term | undefined,
  after: Term | undefined,
): EntityKind | null {
  if (span.length === 1 && isDemonym(nlp, span[0]!.text)) return null;
  // "the Friday news conference": compromise may read a weekday or month as an organisation's.
  if (span.every((t) => t.tags.has('Date'))) return null;
  // "Republic" or "Ministry" alone is what is left of a longer name, not a name.
  if (span.length === 1 && ORG_WORDS.test(span[0]!.text)) return null;
  const tags = new Set(span.flatMap((t) => [...t.tags]));
  if (span.some((t) => ORG_WORDS.test(t.text))) return 'organization';
  if (tags.has('Person') || tags.has('FirstName') || tags.has('LastName')) return 'person';
  if (tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region')) {
    return 'place';
  }
  if (tags.has('Organization'))
    return span.some((t) => t.text.includes('.')) ? null : 'organization';
  if (span.length === 1 && ACRONYM.test(span[0]!.text)) return 'organization';
  if (after && PLACE_AFTER.has(after.normal)) return 'place';
  if (before && PLACE_BEFORE.has(before.normal)) return 'place';
  // Two or three unknown capitalised words together are most often a person's name.
  if (span.length >= 2 && span.length <= 3) return 'person';
  return null;
}

const demonyms = new Map<string, boolean>();
/** In a sentence compromise may read "Russian" as a place; alone, its lexicon knows it is a demonym. */
function isDemonym(nlp: Nlp, word: string): boolean {
  // An English word's entry in the lexicon says it (the same answer for all 6 185 capitalised words
  // of a century of speeches); others are read by compromise, once each.
  if (/^[A-Za-z]+$/.test(word)) {
    const lexicon = (nlp.world() as unknown as Tokenizer).model.one.lexicon;
    return /Demonym/.test(String(lexicon[word.toLowerCase()] ?? ''));
  }
  let known = demonyms.get(word);
  if (known === undefined) {
    known = nlp(word).has('#Demonym');
    demonyms.set(word, known);
  }
  return known;
}

/** "Zelensky" joins "Volodymyr Zelensky"; a name's kind is the one it was read as most often. */
function mergeVariants(votes: Map<string, Map<EntityKind, number>>): Entity[] {
  const named = [...votes].map(([name, tally]) => ({
    name,
    kind: [...tally].sort((a, b) => b[1] - a[1])[0]![0],
  }));
  named.sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  const entities: Entity[] = [];
  for (const { name, kind } of named) {
    const words = name.split(' ');
    const fuller = entities.find(
      (e) =>
        e.kind === 'person' &&
        kind === 'person' &&
        words.length === 1 &&
        (e.name.endsWith(` ${name}`) || e.name.startsWith(`${name} `)),
    );
    if (fuller) fuller.variants.push(name);
    else entities.push({ name, kind, count: 0, variants: [name] });
  }
  // A full name's surname alone ("Zelensky said") is the same person, unless two people share it.
  const taken = new Set(entities.flatMap((e) => e.variants));
  const surnames = entities
    .filter((e) => e.kind === 'person' && e.name.includes(' '))
    .map((e) => ({ entity: e, surname: e.name.split(' ').at(-1)! }));
  for (const { entity, surname } of surnames) {
    const shared = surnames.filter((s) => s.surname === surname).length > 1;
    if (!shared && !taken.has(surname)) entity.variants.push(surname);
  }
  return entities;
}

/**
 * Counts every variant as a whole word, the longest first where two start at one place, so
 * "Volodymyr Zelensky" is one mention. Every variant starts with a capital, so only a capital that
 * starts a word is tried, against the variants starting with that letter: one alternation of every
 * variant, tried at every character, cost a tenth of the extraction.
 */
function countMentions(entities: Entity[], segments: string[]) {
  const owner = new Map<string, Entity>();
  for (const entity of entities) for (const variant of entity.variants) owner.set(variant, entity);
  if (owner.size === 0) return;
  const byInitial = new Map<string, string[]>();
  for (const variant of [...owner.keys()].sort((a, b) => b.length - a.length)) {
    const initial = String.fromCodePoint(variant.codePointAt(0)!);
    byInitial.set(initial, [...(byInitial.get(initial) ?? []), variant]);
  }
  // A blank line between segments keeps names from running together.
  const text = segments.join('\n\n');
  const wordStart = /(?<![\p{L}\p{N}])\p{Lu}/gu;
  for (let found = wordStart.exec(text); found; found = wordStart.exec(text)) {
    const at = found.index;
    const variant = byInitial
      .get(found[0])
      ?.find(
        (v) =>
          text.startsWith(v, at) &&
          !LETTER_OR_NUMBER.test(text.slice(at + v.length, at + v.length + 2)),
      );
    if (!variant) continue;
    owner.get(variant)!.count++;
    wordStart.lastIndex = at + variant.length;
  }
}

/** A letter or number at the start of the text (a whole variant is not followed by one). */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]/u;
