/** A link's real destination is shown before it opens: asked on click, opened only on confirmation. */
import { asciiHost, isInternationalisedHost } from '../../../shared/deceptive-text';

export interface PendingLink {
  url: string;
  /** The host in ASCII (punycode for non-ASCII labels), so look-alike domains are visible. */
  host: string;
  lookalike: boolean;
}

export class ExternalLinkState {
  pending = $state<PendingLink | null>(null);
  readonly #open: (url: string) => Promise<void>;

  constructor(open: (url: string) => Promise<void>) {
    this.#open = open;
  }

  ask = (url: string) => {
    const host = asciiHost(url) ?? url;
    this.pending = { url, host, lookalike: isInternationalisedHost(host) };
  };

  confirm = async () => {
    const link = this.pending;
    this.pending = null;
    if (link) await this.#open(link.url);
  };

  cancel = () => {
    this.pending = null;
  };
}
