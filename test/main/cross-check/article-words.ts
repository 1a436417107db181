/**
 * What the cross-check searches for: the words of an article as the reader shows them (its title,
 * bylines, lead caption and body text; not the words the window adds around them, such as "By",
 * "Photo:", "[Image not saved]" or the date as the window writes it), and every typographic form
 * of a word that the fold table treats as the same word.
 */
import type { Article, Block } from '../../../src/shared/article';
import { plainText } from '../../../src/shared/article-text';
import { seededRandom } from '../../support/generate-articles';
import { IGNORED, TYPOGRAPHIC_VARIANTS, WORD_CHARACTERS } from '../../../src/shared/text-fold';

function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [plainText(block.children)];
    case 'code':
      return [block.text];
    case 'image':
      return [block.alt];
    case 'quote':
      return block.children.flatMap(blockTexts);
    case 'list':
      return block.items.flat().flatMap(blockTexts);
    default:
      return [];
  }
}

/** The article's text in the pieces find searches one by one. */
export function articleWords(article: Article): string[] {
  const caption = article.caption
    ? [`${plainText(article.caption.children)} ${article.caption.credit ?? ''}`]
    : [];
  return [
    article.title,
    ...article.bylines.map((byline) => byline.name),
    ...caption,
    ...article.body.flatMap(blockTexts),
  ];
}

const [SINGLE_QUOTES, , DASHES, SPACES] = TYPOGRAPHIC_VARIANTS;
/** A word, and words joined by apostrophes, dashes or full stops ("don’t", "covid-19", "U.S"). */
const TERM = new RegExp(
  `[${WORD_CHARACTERS}]+(?:(?:${SINGLE_QUOTES.pattern.source}|${DASHES.pattern.source}|\\.)[${WORD_CHARACTERS}]+)*`,
  'gu',
);
/** Two words with one space between them, for phrase queries. */
const PAIR = new RegExp(`[${WORD_CHARACTERS}]+ [${WORD_CHARACTERS}]+`, 'gu');

/**
 * What to search for, a fixed sample: words written with something the fold table folds (quotes,
 * dashes, other non-ASCII), plain words, and two-word phrases.
 */
export function wordsOf(articles: Article[]): { words: string[]; phrases: string[] } {
  const typographic = new Set<string>();
  const other = new Set<string>();
  const plain = new Set<string>();
  const pairs = new Set<string>();
  for (const article of articles) {
    for (const text of articleWords(article)) {
      for (const [term] of text.matchAll(TERM)) {
        if (/['.-]|[^\p{ASCII}]/u.test(term)) {
          (CLASSES.some(({ pattern }) => term.match(pattern)) ? typographic : other).add(term);
        } else plain.add(term);
      }
      for (const [pair] of text.matchAll(PAIR)) pairs.add(pair);
    }
  }
  const random = seededRandom(5);
  const sample = (set: Set<string>, count: number) =>
    [...set].sort().filter(() => random() < count / set.size);
  return {
    words: [...sample(typographic, 80), ...sample(other, 80), ...sample(plain, 120)],
    phrases: sample(pairs, 40),
  };
}

/** Every member of a fold class among the first 64K characters (the ones a keyboard can type). */
function members(pattern: RegExp): string[] {
  const found: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    if (pattern.test(char) && !IGNORED.test(char) && !/[\n\r\f\v\t\u2028\u2029\u0085]/.test(char)) {
      found.push(char);
    }
  }
  return found;
}

const CLASSES = [SINGLE_QUOTES, DASHES, SPACES].map((variant) => ({
  pattern: new RegExp(variant.pattern.source, 'gu'),
  members: members(variant.pattern),
}));
const toFullWidth = (text: string) =>
  text.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'ï', o: 'ô', u: 'ü', A: 'À', E: 'É' };

/** The word as written and in every form find folds to the same: each quote, dash and space of the table, case, full width, ligatures, accents added or taken apart, invisible characters inside. */
export function typographicVariants(word: string): string[] {
  const variants = new Set([word, word.toUpperCase(), word.toLowerCase(), toFullWidth(word)]);
  for (const { pattern, members } of CLASSES) {
    if (!word.match(pattern)) continue;
    for (const member of members) variants.add(word.replace(pattern, member));
  }
  variants.add(word.normalize('NFD'));
  variants.add(word.replace(/fi/g, 'ﬁ').replace(/fl/g, 'ﬂ'));
  variants.add(word.replace(/[aeiouAE]/, (vowel) => ACCENTED[vowel]!));
  const chars = [...word];
  if (chars.length > 1) {
    for (const invisible of ['\u00AD', '\u200D', '\u200B', '\u202E']) {
      variants.add(chars[0] + invisible + chars.slice(1).join(''));
    }
  }
  return [...variants];
}
