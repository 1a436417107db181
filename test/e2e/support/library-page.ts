/** The library beside the article, found by role and accessible name. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tempFolder } from './lectern-app';

export class LibraryPage {
  constructor(readonly page: Page) {}

  get panel() {
    return this.page.getByRole('complementary', { name: 'Library' });
  }
  get counts() {
    return this.panel.getByRole('status').filter({ hasText: 'articles ·' });
  }
  get list() {
    return this.page.getByRole('listbox', { name: 'Articles' });
  }
  get rows() {
    return this.list.getByRole('option');
  }
  get search() {
    return this.page.getByRole('searchbox', { name: 'Search the library' });
  }
  get results() {
    return this.page.getByRole('listbox', { name: 'Search results' });
  }
  get sort() {
    return this.page.getByRole('combobox', { name: 'Sort by' });
  }
  get source() {
    return this.page.getByRole('combobox', { name: 'Source' });
  }
  get fromDate() {
    return this.page.getByLabel('From date');
  }
  /** Shows the list's filters behind the Filters button, if they are hidden. */
  showFilters() {
    return showFilters(this.page);
  }
  get filtersButton() {
    return filtersButton(this.page);
  }
  get broken() {
    return this.page.getByRole('list', { name: 'Files that couldn’t be opened' });
  }
  get brokenSummary() {
    return this.panel.getByText(/^Couldn’t open/);
  }
}

const filtersButton = (page: Page) => page.getByRole('button', { name: /^Filters/ });

/** Shows the source, date, reading and copies filters, hidden behind the Filters button at first. */
export async function showFilters(page: Page) {
  const button = filtersButton(page);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('combobox', { name: 'Source' }).waitFor();
}

export interface LibraryArticle {
  name: string;
  title: string;
  source: string;
  date: string;
  body: string;
}

export const LIBRARY_ARTICLES: LibraryArticle[] = [
  {
    name: '001_0000000000000001.txt',
    title: 'Harvest festival returns',
    source: 'Farm Weekly',
    date: 'March 1, 2024',
    body: 'Villagers gathered at the café for the harvest. Prices of wheat held steady.',
  },
  {
    name: 'world/002_0000000000000002.txt',
    title: 'Ceasefire talks resume',
    source: 'Agence Test',
    date: 'June 8, 2025',
    body: 'Negotiators met in the capital. The ceasefire agreement was discussed at length.',
  },
  {
    name: 'world/003_0000000000000003.txt',
    title: 'Border crossings reopen',
    source: 'Agence Test',
    date: 'January 15, 2025',
    body: 'Trucks queued at the border as officials inspected the new crossings.',
  },
];

export function articleText(a: Omit<LibraryArticle, 'name'>): string {
  // Each article its own address: two with one address are copies of one page.
  const slug = a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `# ${a.title}\n\nBy [${a.source}](#)\n\n${a.date}\n\n${a.body}\n\nOriginal url:\n\n<https://example.com/${slug}>\n`;
}

/** A library folder: three articles in two folders, a PDF to ignore and a broken (binary) file. */
export function makeLibraryFolder(): string {
  const folder = tempFolder('lectern-library-');
  for (const article of LIBRARY_ARTICLES) {
    mkdirSync(join(folder, article.name, '..'), { recursive: true });
    writeFileSync(join(folder, article.name), articleText(article));
  }
  writeFileSync(join(folder, 'notes.pdf'), '%PDF-1.4 not an article');
  writeFileSync(
    join(folder, '004_0000000000000004.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  );
  return folder;
}
