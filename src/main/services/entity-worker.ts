/** The details thread (see entity-thread): loads compromise once, then names each article's entities. */
import { parentPort } from 'node:worker_threads';
import { entitiesWith, loadNlp } from './entities';
import { serveRequests } from './library/worker-client';
import { lowerThreadPriority } from './thread-priority';

lowerThreadPriority();
// Requests sent while compromise loads wait in the port's queue until this listener is attached.
void loadNlp().then((nlp) =>
  serveRequests(parentPort!, (segments: string[]) => entitiesWith(nlp, segments)),
);
