/** The one channel for events pushed from main to the window; each host subscribes its transport. */
import type { AppEvent } from '../../shared/library';

export type EventListener = (event: AppEvent) => void;

export class EventHub {
  readonly #listeners = new Set<EventListener>();

  emit = (event: AppEvent) => {
    for (const listener of this.#listeners) listener(event);
  };

  subscribe = (listener: EventListener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}
