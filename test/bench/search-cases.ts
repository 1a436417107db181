/**
 * The articles the search benchmark types into, and what it types: a rare word, a common word and
 * a two-word phrase, chosen from each article's own text so every size has all three.
 */
import { generateArticle, generateRealisticArticle } from '../support/generate-articles';

export type Corpus = 'realistic' | 'old';

export interface SearchCase {
  label: string;
  corpus: Corpus;
  bytes: number;
  text: string;
  words: { rare: string; common: string; phrase: string };
}

export const SIZES: [string, number][] = [
  ['5 KB', 5_000],
  ['200 KB', 200_000],
  ['2 MB', 2_000_000],
];

/** The old generator's vocabulary has no rare word: one is put in every 997th paragraph. */
function oldArticle(bytes: number): string {
  return generateArticle(bytes, 7)
    .split('\n\n')
    .map((part, n) =>
      n % 997 === 7 && !part.startsWith('#') ? part.replace(/ \S+ /, ' Zaporizhzhia ') : part,
    )
    .join('\n\n');
}

/** The longest plain word that occurs one to three times; the same rule for every article. */
function rareWord(text: string): string {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  let best = '';
  for (const [word, count] of counts) {
    if (count <= 3 && word.length > best.length) best = word;
  }
  return best;
}

/** Two words that follow each other after the middle of the body, both of five letters or more. */
function phrase(text: string): string {
  const body = text.slice(Math.floor(text.length / 2));
  const match = /(?:^|[\s])([a-z]{5,}) ([a-z]{5,})(?=[\s.,])/.exec(body);
  return match ? `${match[1]} ${match[2]}` : 'the';
}

export function searchCase(corpus: Corpus, label: string, bytes: number): SearchCase {
  const text = corpus === 'realistic' ? generateRealisticArticle(bytes, 7) : oldArticle(bytes);
  const rare = corpus === 'old' ? 'zaporizhzhia' : rareWord(text);
  return {
    label,
    corpus,
    bytes,
    text,
    words: { rare, common: 'the', phrase: phrase(text) },
  };
}
