/** The window may read only files the user chose: a launch argument, the Open dialog, a drop or the recent list. */
import { resolve } from 'node:path';

export class PathGrants {
  readonly #granted = new Set<string>();

  grant(path: string): string {
    const absolute = resolve(path);
    this.#granted.add(absolute);
    return absolute;
  }

  has(path: string): boolean {
    return this.#granted.has(resolve(path));
  }
}
