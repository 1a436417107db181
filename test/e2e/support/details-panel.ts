/** The article details side panel, found by role and accessible name. */
import type { Page } from '@playwright/test';

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
