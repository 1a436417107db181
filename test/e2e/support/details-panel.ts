/** The article details side panel, found by role and accessible name. */
import { expect, type Page } from '@playwright/test';

export class DetailsPanel {
  constructor(readonly page: Page) {}

  get toggleButton() {
    return this.page.getByRole('button', { name: 'Details', exact: true });
  }
  get panel() {
    return this.page.getByRole('complementary', { name: 'Article details' });
  }
  get resizer() {
    return this.panel.getByRole('separator', { name: 'Resize article details' });
  }
  get status() {
    return this.panel.getByRole('status');
  }
  /** Opens the panel with the toolbar button and waits for its data. */
  async open() {
    await this.toggleButton.click();
    // The first request loads the NLP library in main: seconds on a busy shared machine, over
    // 20 s at a load average of 11 to 13 on two cores.
    await expect(this.panel.getByRole('heading', { name: 'Cite and copy' })).toBeVisible({
      timeout: 45_000,
    });
  }
  entity(name: string) {
    return this.panel.getByRole('button', { name: new RegExp(`^${name} \\d+ mentions?$`) });
  }
  button(name: string) {
    return this.panel.getByRole('button', { name, exact: true });
  }
  /** The value shown beside a label in one of the panel's definition lists. */
  figure(label: string) {
    return this.panel.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd');
  }
}
