/**
 * The article worker thread: reads, decodes and parses the articles the window opens, off the
 * process's main thread, so the host answers other calls meanwhile. A long article's head is
 * answered first; the rest is parsed right after (see article-shelf).
 */
import { parentPort } from 'node:worker_threads';
import { AppFailure } from '../../shared/result';
import { ArticleShelf } from './article-shelf';
import type { ArticleJob, ArticleReply } from './article-thread';
import { warmUpEntities } from './entities';

const port = parentPort!;
const shelf = new ArticleShelf();
// The details panel's language library takes a while to load: here, not on the host's thread,
// and once the first article is answered and parsed, so it does not hold that one up.
let warmed = false;

port.on('message', (job: ArticleJob) => {
  void run(job);
});

async function run(job: ArticleJob) {
  try {
    if (job.type === 'open') {
      const { answer, finish } = await shelf.open(job.source);
      reply({ id: job.id, ok: true, value: answer });
      finish();
      reply({ id: job.id, type: 'finished' });
      if (!warmed) warmUpEntities();
      warmed = true;
    } else if (job.type === 'piece') {
      reply({ id: job.id, ok: true, value: await shelf.piece(job.article, job.index) });
    } else if (job.type === 'whole') {
      reply({ id: job.id, ok: true, value: shelf.whole(job.ref) });
    } else {
      reply({ id: job.id, ok: true, value: await shelf.details(job.ref) });
    }
  } catch (error) {
    const known = error instanceof AppFailure ? { code: error.code, message: error.message } : null;
    if (!known) console.error('[lectern] article worker:', error);
    reply({ id: job.id, ok: false, error: known });
  }
}

const reply = (message: ArticleReply) => port.postMessage(message);
