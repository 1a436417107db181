/**
 * The article worker thread: reads, decodes and parses the articles the window opens, off the
 * process's main thread, so the host answers other calls meanwhile. A long article's head is
 * answered first; the rest is parsed right after (see article-shelf).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppFailure } from '../../shared/result';
import { ArticleShelf } from './article-shelf';
import type { ArticleJob, ArticleReply } from './article-thread';
import { entityFinder } from './entity-thread';
import { lowerThreadPriority } from './thread-priority';

const port = parentPort!;
lowerThreadPriority();
// Names for the details panel are found on a thread of their own, started (and its tagger loaded,
// 1–3 s of work) once the first article is all in the window, so it does not compete with it.
const names = entityFinder((workerData as { entityWorkerFile?: string } | null)?.entityWorkerFile);
const shelf = new ArticleShelf(names.find);
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
      // A long article is all in once its last piece has gone.
      if (!answer.article.continued) warmNames();
    } else if (job.type === 'piece') {
      const piece = await shelf.piece(job.article, job.index);
      reply({ id: job.id, ok: true, value: piece });
      if (piece.end) warmNames();
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

function warmNames() {
  if (!warmed) names.warmUp();
  warmed = true;
}
