/** Writes realistic articles of any size for tests and benchmarks (deterministic: same seed, same text). */
const WORDS = (
  'the of and to in a is that for on said with as was by it at from his be have an are has not ' +
  'government minister region forces talks week city president people officials Kyiv Moscow ' +
  'ceasefire agreement border military economy report Tuesday Sunday statement council meeting ' +
  'Élysée Dnipró café naïve résumé coöperation attack village capital industrial offensive'
).split(' ');

export function seededRandom(seed = 42) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function paragraph(random: () => number, words = 60): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
  return `${out.join(' ')}.`;
}

/** An article in the saved format, about `bytes` long. */
export function generateArticle(bytes: number, seed = 7, title = 'A Generated Article'): string {
  const random = seededRandom(seed);
  const parts = [
    `# ${title}`,
    'By [Agence Test](#)',
    'June 08, 2025',
    'A caption for the lead photo of the article. **Photo: Test Agency**',
  ];
  let size = parts.join('\n\n').length;
  let n = 0;
  while (size < bytes) {
    const text =
      n % 9 === 8 ? `## Section ${n}` : paragraph(random, 40 + Math.floor(random() * 60));
    const withLink = n % 5 === 2 ? text.replace(/ (\w+) /, ' [$1](#) ') : text;
    parts.push(withLink);
    size += withLink.length + 2;
    n++;
  }
  parts.push('Original url:', '<https://www.example.com/generated>');
  return `${parts.join('\n\n')}\n`;
}

/**
 * A realistic corpus, for the library benchmark: a Zipf-distributed vocabulary of several thousand
 * words (common English words first, then made-up but pronounceable ones, some accented) plus
 * proper names, and articles that keep returning to a few topic words and names of their own, as
 * news articles do. Deterministic: the same seed gives the same vocabulary, articles and queries.
 * (`generateArticle` above, with its ~80 words, stays the worst case: every word is everywhere.)
 */
const COMMON = (
  'the of and to in a is that for on said with as was by it at from his be have an are has not ' +
  'he they this but had were been their which who will would after its more one about over than ' +
  'year also new two people first last some could other into government minister city president ' +
  'officials police week time state country group told news report since while when where there ' +
  'region forces talks border military economy council meeting statement attack village capital ' +
  'agreement ceasefire election court health school market prices workers company bank energy ' +
  'water power party leader vote law money house family children women men war peace deal plan ' +
  'public service support national international local world million billion percent spokesman ' +
  'Tuesday Monday Wednesday Thursday Friday Saturday Sunday café naïve résumé coöperation'
).split(' ');
const ONSETS = 'b c d f g h j k l m n p r s t v w z br cl dr fr gr pl pr st tr ch sh th'.split(' ');
const VOWELS = 'a e i o u a e i o ai ea ou é ö ü'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 't', 'nd', 'st', 'rk', 'm'];

export interface RealisticCorpus {
  /** Word types, most frequent first (Zipf rank order). */
  words: string[];
  names: string[];
  /** Draws a word from the Zipf distribution. */
  word(random: () => number): string;
}

function madeUpWord(random: () => number, syllables: number): string {
  let word = '';
  for (let s = 0; s < syllables; s++) {
    word +=
      ONSETS[Math.floor(random() * ONSETS.length)]! + VOWELS[Math.floor(random() * VOWELS.length)]!;
  }
  return word + CODAS[Math.floor(random() * CODAS.length)]!;
}

const corpora = new Map<string, RealisticCorpus>();

/** The vocabulary: `size` word types with Zipf weights 1 / rank^`exponent`, and `nameCount` names. */
export function realisticCorpus(size = 8000, nameCount = 1500, exponent = 1.05): RealisticCorpus {
  const key = `${size}/${nameCount}/${exponent}`;
  const cached = corpora.get(key);
  if (cached) return cached;
  const random = seededRandom(2024);
  const seen = new Set<string>(COMMON.map((w) => w.toLowerCase()));
  const words = [...COMMON];
  while (words.length < size) {
    const word = madeUpWord(random, 1 + Math.floor(random() * 3));
    if (word.length < 3 || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  const names: string[] = [];
  while (names.length < nameCount) {
    const name = madeUpWord(random, 2 + Math.floor(random() * 2));
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name.charAt(0).toUpperCase() + name.slice(1));
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= words.length; rank++) cumulative.push((total += 1 / rank ** exponent));
  const word = (draw: () => number) => {
    const target = draw() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const corpus = { words, names, word };
  corpora.set(key, corpus);
  return corpus;
}

/** A realistic article in the saved format, about `bytes` long. */
export function generateRealisticArticle(
  bytes: number,
  seed = 7,
  options: { source?: string; date?: string } = {},
): string {
  const corpus = realisticCorpus();
  const random = seededRandom(seed * 2654435761);
  const pickName = () => corpus.names[Math.floor(random() ** 2 * corpus.names.length)]!;
  // Each article is about something: a few mid-frequency words and names it keeps coming back to.
  const topics = Array.from(
    { length: 6 },
    () => corpus.words[150 + Math.floor(random() ** 2 * (corpus.words.length - 150))]!,
  );
  const people = Array.from({ length: 3 }, pickName);
  const sentence = (length: number) => {
    const out: string[] = [];
    for (let i = 0; i < length; i++) {
      const r = random();
      if (r < 0.05) out.push(topics[Math.floor(random() * topics.length)]!);
      else if (r < 0.07) out.push(people[Math.floor(random() * people.length)]!);
      else if (r < 0.075) out.push(pickName());
      else out.push(corpus.word(random));
    }
    out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
    return `${out.join(' ')}.`;
  };
  const title = sentence(4 + Math.floor(random() * 6)).slice(0, -1);
  const parts = [
    `# ${title}`,
    `By [${options.source ?? 'Agence Test'}](#)`,
    options.date ?? 'June 08, 2025',
    `${sentence(10)} **Photo: ${pickName()}**`,
  ];
  let size = parts.join('\n\n').length;
  let n = 0;
  while (size < bytes) {
    let text: string;
    if (n % 9 === 8) text = `## ${sentence(3 + Math.floor(random() * 4)).slice(0, -1)}`;
    else {
      const sentences: string[] = [];
      for (let s = 2 + Math.floor(random() * 3); s > 0; s--) {
        sentences.push(sentence(8 + Math.floor(random() * 20)));
      }
      text = sentences.join(' ');
    }
    const withLink = n % 5 === 2 ? text.replace(/ (\p{L}+) /u, ' [$1](#) ') : text;
    parts.push(withLink);
    size += Buffer.byteLength(withLink) + 2;
    n++;
  }
  parts.push('Original url:', `<https://www.example.com/${seed}>`);
  return `${parts.join('\n\n')}\n`;
}

/**
 * Queries as people type them into the library's search: one or two content words or names (never
 * "the"), the last one often cut short while still being typed (so it matches as a prefix).
 */
export function realisticQueries(count: number, seed = 99): string[] {
  const corpus = realisticCorpus();
  const random = seededRandom(seed);
  const content = corpus.words.filter((w, rank) => rank >= 40 && w.length >= 4);
  const term = () =>
    random() < 0.25
      ? corpus.names[Math.floor(random() ** 2 * corpus.names.length)]!
      : // Lower ranks (more common words) are searched more often, but not the most common.
        content[Math.floor(random() ** 2 * Math.min(content.length, 4000))]!;
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: random() < 0.5 ? 1 : 2 }, term);
    const last = words[words.length - 1]!;
    // Cut to 3 letters or more while typing; a third of the time the whole word.
    if (random() < 0.67) {
      const chars = [...last];
      words[words.length - 1] = chars
        .slice(0, 3 + Math.floor(random() * Math.max(1, chars.length - 3)))
        .join('');
    }
    queries.push(words.join(' ').toLowerCase());
  }
  return queries;
}
