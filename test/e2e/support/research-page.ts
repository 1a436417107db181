/** The library's research tools, found by role and accessible name. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tempFolder } from './lectern-app';
import { showFilters } from './library-page';

export class ResearchPage {
  constructor(readonly page: Page) {}

  get list() {
    return this.page.getByRole('listbox', { name: 'Articles' });
  }
  row(title: string) {
    return this.list.getByRole('option').filter({ hasText: title });
  }
  get reading() {
    return this.page.getByRole('combobox', { name: 'Reading' });
  }
  get duplicates() {
    return this.page.getByRole('checkbox', { name: 'Duplicates' });
  }
  /** Reading and Duplicates are behind the Filters button with the others. */
  showFilters() {
    return showFilters(this.page);
  }
  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }
  dialog(name: string) {
    return this.page.getByRole('dialog', { name });
  }
  get menu() {
    return this.page.getByRole('menu', { name: 'Article actions' });
  }
}

export interface ResearchArticle {
  name: string;
  title: string;
  date: string;
  body: string;
  url: string;
}

const text = (a: ResearchArticle) =>
  `# ${a.title}\n\nBy [Wire](#)\n\n${a.date}\n\n${a.body}\n\nOriginal url:\n\n<${a.url}>\n`;

const LONG = Array.from(
  { length: 60 },
  (_, i) =>
    `Paragraph ${i + 1}: the delegation in Kyiv went over the grain figures again, line by line, while the talks dragged on into the evening.`,
).join('\n\n');

export const RESEARCH_ARTICLES: ResearchArticle[] = [
  {
    name: '001_000000000000000a.txt',
    title: 'Talks resume in Kyiv',
    date: 'June 8, 2025',
    body: 'Volodymyr Zelensky met officials in Kyiv on Monday. Kyiv was calm.',
    url: 'https://example.com/talks',
  },
  {
    name: 'copies/002_000000000000000b.txt',
    title: 'Talks resume in Kyiv (saved again)',
    date: 'June 8, 2025',
    body: 'Volodymyr Zelensky met officials in Kyiv on Monday. Kyiv was calm.',
    url: 'https://www.example.com/talks/',
  },
  {
    name: '003_000000000000000c.txt',
    title: 'A long day of grain talks',
    date: 'June 9, 2025',
    body: `Officials gathered in Kyiv for a long day.\n\n${LONG}`,
    url: 'https://example.com/grain',
  },
  {
    name: '004_000000000000000d.txt',
    title: 'Harvest in Odesa',
    date: 'March 1, 2024',
    body: 'Farmers near Odesa brought in the wheat. Traders in Odesa said prices held steady.',
    url: 'https://example.com/harvest',
  },
];

/** A library for the research tools: names in common, two copies of one page, a long article. */
export function makeResearchFolder(): string {
  const folder = tempFolder('lectern-research-');
  for (const article of RESEARCH_ARTICLES) {
    mkdirSync(join(folder, article.name, '..'), { recursive: true });
    writeFileSync(join(folder, article.name), text(article));
  }
  return folder;
}

/** Highlights as Lectern stores them, in a user-data folder, before the app starts. */
export function writeStoredHighlights(
  userData: string,
  key: string,
  title: string,
  highlights: { id: string; exact: string; colour: string; note?: string; created: string }[],
) {
  const folder = join(userData, 'highlights');
  mkdirSync(folder, { recursive: true });
  const annotations = highlights.map((h) => ({
    id: h.id,
    type: 'Annotation',
    created: h.created,
    modified: h.created,
    colour: h.colour,
    note: h.note ?? '',
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: h.exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: h.exact.length },
      ],
    },
  }));
  writeFileSync(
    join(folder, `${key}.json`),
    JSON.stringify({ version: 1, data: { title, annotations } }),
  );
}
