/**
 * Saved articles whose words come in the typographic forms the fold table treats as equal (curly and
 * straight apostrophes, ʻokina, dashes, ligatures, full-width letters, decomposed accents, soft
 * hyphens, non-breaking spaces) and whose headers take every shape the format allows: `# Title` or a
 * bare first line, linked or plain bylines, several date styles. Deterministic for a seed.
 */
import { seededRandom } from './generate-articles';

/** Each word in several spellings a reader would call the same word. */
const WORDS: string[][] = [
  ['Hawaiʻi', "Hawai'i", 'Hawai’i', 'HAWAIʻI'],
  ['don’t', "don't", 'DON’T', 'don´t'],
  ['covid–19', 'covid-19', 'COVID‑19', 'covid—19'],
  ['ﬁnance', 'finance', 'Finance', 'ＦＩＮＡＮＣＥ'],
  ['ＫＹＩＶ', 'Kyiv', 'kyiv', 'KYIV'],
  ['Élysée', 'Elysee', 'E\u0301lyse\u0301e', 'ÉLYSÉE'],
  ['co\u00ADoperation', 'cooperation', 'coöperation', 'Co\u00ADoperation'],
  ['l’Élysée', "l'Elysee", 'L’ÉLYSÉE'],
  ['naïve', 'naive', 'NAÏVE', 'nai\u0308ve'],
  ['U.S.', 'U.S.', 'u.s.'],
  ['e‑mail', 'e-mail', 'E-Mail', 'e–mail'],
  ['Zaporizhzhia', 'ZAPORIZHZHIA', 'Zaporizhzhia'],
  ['Dnipró', 'Dnipro', 'DNIPRÓ'],
  ['O’Neill', "O'Neill", 'O‘Neill', 'O‵Neill', 'O‹Neill'],
];
const PLAIN = (
  'the of and to in a is that for on said with as was by it at from talks week city people ' +
  'officials ceasefire border military economy report council meeting village capital offensive'
).split(' ');
const SPACES = [' ', ' ', ' ', '\u00A0', '\u2009', '\u202F'];
const SOURCES = [
  '[Reuters](#)',
  'Reuters & AP',
  '[Le Monde](https://www.lemonde.fr/)',
  'Jane Doe and John Roe',
];
const DATES = ['June 8, 2025', 'Updated: March 3, 2025', '2025-06-08', '8 June 2025'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function sentence(random: () => number, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) {
    const word = random() < 0.3 ? pick(random, pick(random, WORDS)) : pick(random, PLAIN);
    out += (i ? pick(random, SPACES) : '') + word;
  }
  return `${out}.`;
}

/** `count` articles, a quarter with a bare (no `#`) title line. */
export function typographicArticles(count: number, seed = 11): { name: string; text: string }[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const title = sentence(random, 3 + Math.floor(random() * 5)).slice(0, -1);
    const lines = [
      i % 4 === 3 ? title : `# ${title}`,
      `By ${pick(random, SOURCES)}`,
      pick(random, DATES),
      `${sentence(random, 8)} **Photo: ${pick(random, ['AP', 'Jean Dupont / AFP'])}**`,
    ];
    for (let p = 0; p < 3 + Math.floor(random() * 4); p++) lines.push(sentence(random, 25));
    lines.push('Original url:', `<https://www.example.org/story-${i}>`);
    const name = `${String(i).padStart(3, '0')}_${(0xabc000 + i).toString(16).padStart(16, '0')}.txt`;
    return { name, text: `${lines.join('\n\n')}\n` };
  });
}
