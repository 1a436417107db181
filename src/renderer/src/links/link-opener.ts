import { createContext } from 'svelte';

/** How article links reach the system browser: only through this, only from a click. */
export interface LinkOpener {
  open(url: string): void;
}

export const [getLinkOpener, setLinkOpener] = createContext<LinkOpener>();

/** Shared descriptions for links whose target is gone or unsafe, referenced by aria-describedby. */
export const LOST_LINK_HINT = 'The link’s target was not saved with the article';
export const BLOCKED_LINK_HINT = 'This link’s target is not a web address, so it cannot be opened';
