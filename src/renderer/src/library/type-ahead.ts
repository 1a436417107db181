/**
 * A list's type-ahead run: characters typed within PAUSE_MS of each other spell the start of a
 * title. A letter that is also a command on the active row (M marks it read) is held when it
 * begins a run: a next letter in time makes it the start of a title ("mi" reaches "Minister…") and
 * drops the command; the pause running out, or any other key first, runs it.
 */
export const PAUSE_MS = 700;

export class TypeAhead {
  #typed = '';
  #at = -Infinity;
  #held: { run: () => void; timer: ReturnType<typeof setTimeout> } | null = null;
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  /** A run is under way: the next character continues it. */
  get running(): boolean {
    return this.#now() - this.#at < PAUSE_MS;
  }

  /** A typed character: the run so far, to look for. A held command is dropped by a next letter. */
  type(key: string): string {
    const continues = this.running;
    if (continues) this.#drop();
    else this.#runHeld();
    this.#typed = continues ? this.#typed + key : key;
    this.#at = this.#now();
    return this.#typed;
  }

  /** A command letter starting a run: `run` happens unless the run goes on. */
  hold(key: string, run: () => void) {
    this.#runHeld();
    this.#typed = key;
    this.#at = this.#now();
    this.#held = { run, timer: setTimeout(() => this.#runHeld(), PAUSE_MS) };
  }

  /** Another key (an arrow, Enter, the menu key) or the list going: the run is over. */
  end() {
    this.#at = -Infinity;
    this.#runHeld();
  }

  #runHeld() {
    const held = this.#held;
    this.#drop();
    held?.run();
  }

  #drop() {
    if (this.#held) clearTimeout(this.#held.timer);
    this.#held = null;
  }
}
