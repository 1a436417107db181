import { createContext } from 'svelte';

/** How article links reach the system browser: only through this, only from a click. */
export interface LinkOpener {
  open(url: string): void;
}

export const [getLinkOpener, setLinkOpener] = createContext<LinkOpener>();
