/** The reading window, found the way a person (or a screen reader) finds it: by role and name. */
import type { Page } from '@playwright/test';

export class ReaderPage {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }
  get article() {
    return this.page.getByRole('article');
  }
  get alert() {
    return this.page.getByRole('alert');
  }
  get openButton() {
    return this.page.getByRole('button', { name: 'Open…', exact: true });
  }
  get recentButton() {
    return this.page.getByRole('button', { name: 'Recent', exact: true });
  }

  /** Opens a file through the Open button and the host's file picker. */
  async openThroughPicker(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.openButton.click();
    await (await chooser).setFiles(file);
  }

  /** Drops a file on the window as a person dragging it from a file manager would. */
  async dropFile(name: string, bytes: Buffer) {
    const transfer = await this.page.evaluateHandle(
      ({ name, data }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], name, { type: 'text/plain' }));
        return dt;
      },
      { name, data: [...bytes] },
    );
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  }
}
