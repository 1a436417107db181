/** The one channel for events pushed from main to the window; each host subscribes its transport. */
import type { AppEvent } from '../../shared/library';

export type EventListener = (event: AppEvent) => void;

export class EventHub {
  readonly #listeners = new Set<EventListener>();
  /** The latest event of each type, replayed to a late subscriber (an event stream that connects after the library opened). */
  readonly #latest = new Map<AppEvent['type'], AppEvent>();

  emit = (event: AppEvent) => {
    this.#latest.set(event.type, event);
    for (const listener of this.#listeners) listener(event);
  };

  subscribe = (listener: EventListener): (() => void) => {
    this.#listeners.add(listener);
    for (const event of this.#latest.values()) listener(event);
    return () => this.#listeners.delete(listener);
  };
}
