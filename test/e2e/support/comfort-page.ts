/** Appearance, progress and highlights, found by role and accessible name. */
import type { Page } from '@playwright/test';

export class ComfortPage {
  constructor(readonly page: Page) {}

  get appearanceButton() {
    return this.page.getByRole('button', { name: 'Appearance', exact: true });
  }
  get appearance() {
    return this.page.getByRole('dialog', { name: 'Appearance' });
  }
  get textSize() {
    return this.appearance.getByRole('status', { name: 'Text size' });
  }
  get progress() {
    return this.page.getByRole('progressbar', { name: 'Reading progress' });
  }
  get highlightsButton() {
    return this.page.getByRole('button', { name: /^Highlights/ });
  }
  get highlightsPanel() {
    return this.page.getByRole('complementary', { name: 'Highlights' });
  }

  async openAppearance() {
    if ((await this.appearanceButton.getAttribute('aria-expanded')) !== 'true') {
      await this.appearanceButton.click();
    }
    return this.appearance;
  }

  async choose(group: string, option: string) {
    const panel = await this.openAppearance();
    await panel.getByRole('group', { name: group }).getByRole('radio', { name: option }).check();
  }

  /** Selects the first occurrence of `text` inside the article body, as a mouse drag would. */
  async select(text: string) {
    // Highlighting starts once the article's stored highlights are loaded (the button appears).
    await this.highlightsButton.waitFor();
    await this.page.evaluate((needle) => {
      const body = document.querySelector('.body')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`text not found: ${needle}`);
    }, text);
  }
}
