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

  /**
   * Where the first occurrence of `text` in the article body sits: the middle of its first line,
   * once a click there would reach it. Just after a scroll, a chunk coming into view may not be
   * rendered yet (`content-visibility`): a click there reaches the chunk, not its text.
   */
  async pointOn(text: string): Promise<[number, number]> {
    return this.page.evaluate(async (text) => {
      const body = document.querySelector('.body')!;
      const place = () => {
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const box = range.getClientRects()[0]!;
          const point: [number, number] = [box.left + box.width / 2, box.top + box.height / 2];
          return { point, reached: document.elementFromPoint(...point) === node.parentElement };
        }
        throw new Error(`text not found: ${text}`);
      };
      for (;;) {
        const { point, reached } = place();
        if (reached) return point;
        await new Promise((done) => requestAnimationFrame(done));
      }
    }, text);
  }

  /** Selects the first occurrence of `text` inside the article body, as a mouse drag would. */
  async select(text: string) {
    await this.selectAcross(text, text);
  }

  /** Selects from the start of `first` to the end of `last` (in a later text node, or the same). */
  async selectAcross(first: string, last: string) {
    // Highlighting starts once the article's stored highlights are loaded (the button appears).
    await this.highlightsButton.waitFor();
    await this.page.evaluate(
      ([first, last]: [string, string]) => {
        const body = document.querySelector('.body')!;
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let started = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const data = node.textContent!;
          const at = started ? -1 : data.indexOf(first);
          if (at >= 0) {
            range.setStart(node, at);
            started = true;
          }
          const end = started ? data.indexOf(last, Math.max(at, 0)) : -1;
          if (end < 0) continue;
          range.setEnd(node, end + last.length);
          const selection = getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
        throw new Error(`text not found: ${first} … ${last}`);
      },
      [first, last] as [string, string],
    );
  }
}
