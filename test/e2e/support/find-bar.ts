/** The find bar, found by role and accessible name. */
import type { Page } from '@playwright/test';

export class FindBar {
  constructor(readonly page: Page) {}

  get bar() {
    return this.page.getByRole('search', { name: 'Find in article' });
  }
  get searchbox() {
    return this.page.getByRole('searchbox', { name: 'Find in article' });
  }
  get status() {
    return this.bar.getByRole('status');
  }
  get next() {
    return this.bar.getByRole('button', { name: 'Next match' });
  }
  get previous() {
    return this.bar.getByRole('button', { name: 'Previous match' });
  }
  get close() {
    return this.bar.getByRole('button', { name: 'Close find bar' });
  }
  get matchCase() {
    return this.bar.getByRole('button', { name: 'Match case' });
  }
  get wholeWord() {
    return this.bar.getByRole('button', { name: 'Whole word' });
  }
  get regex() {
    return this.bar.getByRole('button', { name: 'Regular expression' });
  }
  get rail() {
    return this.page.getByRole('group', { name: 'Matches in the article' });
  }
  get article() {
    return this.page.getByRole('main', { name: 'Article' });
  }
  /** Every highlighted piece of text, and the current match's. */
  get highlights() {
    return this.page.locator('mark.find-match');
  }
  get currentHighlight() {
    return this.page.locator('mark.find-current');
  }

  /** Opens the bar with Ctrl/Cmd+F once the article is on screen. */
  async open() {
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.article.focus();
    await this.page.keyboard.press('ControlOrMeta+f');
    return this.searchbox;
  }

  async search(query: string) {
    await this.open();
    await this.searchbox.fill(query);
  }
}
