/**
 * What a row of the library list offers beyond opening: its reading status and copies, the key M
 * (read ↔ unread) and a context menu to mark it read or unread, as it is not already. A row is an
 * article (the Articles list) or a search hit (the results): both lists offer the same.
 */
import type { LibraryEntry, SearchHit } from '../../../shared/library';
import { pressed } from '../shell/keys';
import type { ResearchState } from './ResearchState.svelte';
import { pathInLibrary } from './path-in-library';

type Row = LibraryEntry | SearchHit;
const entryOf = (row: Row): LibraryEntry => ('entry' in row ? row.entry : row);

export class RowActions {
  /** The open context menu: the row it is for and where it shows. */
  menu = $state.raw<{ entry: LibraryEntry; at: { x: number; y: number } } | null>(null);
  /** What the last mark did, for people who cannot see the row change. */
  said = $state('');
  readonly #research: ResearchState;
  readonly #folder: () => string;

  /** `folder` is read when needed: the library's snapshot is replaced on every refresh. */
  constructor(research: ResearchState, folder: () => string) {
    this.#research = research;
    this.#folder = folder;
  }

  /** A copy also names its file: copies share title, source and date, and this tells them apart. */
  factsOf = (entry: LibraryEntry) => {
    const copies = this.#research.copiesOf(entry.id);
    const file = copies > 1 ? pathInLibrary(this.#folder(), entry.path) : undefined;
    return { status: this.#research.statusOf(entry.id), copies, file };
  };

  /** M, on the list's active row once no title is being typed (VirtualList holds it till then). */
  commandOf = (event: KeyboardEvent) =>
    pressed(event, 'list-mark-read') ? this.toggle : undefined;

  /** Read, or unread when it was finished: on an unread article a second M undoes the first. */
  toggle = (row: Row) => {
    const entry = entryOf(row);
    void this.mark(entry, this.#research.statusOf(entry.id).state !== 'finished');
  };

  openMenu = (row: Row, at: { x: number; y: number }) => {
    this.menu = { entry: entryOf(row), at };
  };

  closeMenu = () => {
    this.menu = null;
  };

  /** Only what would change it: an article partly read can go either way. */
  menuItems(entry: LibraryEntry) {
    const { state } = this.#research.statusOf(entry.id);
    const read = { label: 'Mark as read', run: () => void this.mark(entry, true) };
    const unread = { label: 'Mark as unread', run: () => void this.mark(entry, false) };
    return state === 'unread' ? [read] : state === 'finished' ? [unread] : [read, unread];
  }

  /** The list's keyboard place moved to `row`: a row just marked may leave a Reading filter now. */
  moved = (row: Row) => {
    if (entryOf(row).id !== this.#research.justMarked?.id) this.#research.justMarked = null;
  };

  async mark(entry: LibraryEntry, read: boolean) {
    this.#research.justMarked = { id: entry.id, under: this.#research.status };
    await this.#research.markRead([entry.id], read);
    // Said as the row now reads: marked unread, a partly read article is back to its percent.
    const now = this.#research.statusOf(entry.id);
    const back = !read && now.state === 'reading' ? `, back to ${now.percent}% read` : '';
    this.said = `“${entry.title}” marked ${read ? 'read' : 'unread'}${back}.`;
  }
}
