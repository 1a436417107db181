/**
 * Opens articles on the article worker thread, so parsing a long or hostile file never holds up
 * the host's other calls; where the built worker is missing (unit tests) the same shelf runs here.
 * A new article asked for while the worker is still busy with the last one (parsing the rest of a
 * long text, its details) starts a fresh worker: the old work is of no use any more.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Article, BodyPiece } from '../../shared/article';
import type { ArticleDetails } from '../../shared/article-details';
import { AppFailure, type AppError } from '../../shared/result';
import { ArticleShelf, type ArticleSource, type ShelvedArticle } from './article-shelf';

type ArticleRequest =
  | { type: 'open'; source: ArticleSource }
  | { type: 'piece'; article: string; index: number }
  | { type: 'details'; ref: string }
  | { type: 'whole'; ref: string };
export type ArticleJob = ArticleRequest & { id: number };

export type ArticleReply =
  | { id: number; ok: true; value: unknown }
  /** `error` is null for a failure that is a bug (the worker logged it). */
  | { id: number; ok: false; error: AppError | null }
  /** The rest of a long article is parsed: the worker is free again. */
  | { id: number; type: 'finished' };

/** Far more than a 20 MB article needs (about 400 MB); past it the worker stops, not the host. */
const HEAP_LIMIT_MB = 1024;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** The file's name, for the message if reading it ends the worker. */
  name: string | null;
}

export class ArticleThread {
  readonly #file: string | undefined;
  #worker: Worker | null = null;
  #shelf: ArticleShelf | null = null;
  readonly #pending = new Map<number, Pending>();
  #finishing = false;
  #next = 1;

  readonly #entityFile: string | undefined;

  /**
   * `workerFile` is the built worker; a `.ts` one (tests) is run through tsx. `entityWorkerFile`
   * is the details thread the worker starts to find names (entity-thread.ts).
   */
  constructor(workerFile?: string, entityWorkerFile?: string) {
    this.#file = workerFile && existsSync(workerFile) ? workerFile : undefined;
    this.#entityFile = entityWorkerFile;
  }

  /** Starts the worker ahead of the first article; it does not keep the process running. */
  warmUp() {
    if (this.#file) this.#start().unref();
  }

  async open(source: ArticleSource): Promise<ShelvedArticle> {
    if (!this.#file) {
      const { answer, finish } = await this.#inThread().open(source);
      setImmediate(finish);
      return answer;
    }
    if (this.#pending.size > 0 || this.#finishing) this.#restart();
    const name =
      'path' in source
        ? source.path.split(/[\\/]/).pop()!
        : 'file' in source
          ? source.file.name
          : source.name;
    return this.#post({ type: 'open', source }, name) as Promise<ShelvedArticle>;
  }

  async piece(article: string, index: number): Promise<BodyPiece> {
    if (!this.#file) return this.#inThread().piece(article, index);
    return this.#post({ type: 'piece', article, index }) as Promise<BodyPiece>;
  }

  async details(ref: string): Promise<ArticleDetails | null> {
    if (!this.#file) return this.#inThread().details(ref);
    return this.#post({ type: 'details', ref }) as Promise<ArticleDetails | null>;
  }

  /** The whole of an article opened before: copied over from the thread, for an export. */
  async whole(ref: string): Promise<Article> {
    if (!this.#file) return this.#inThread().whole(ref);
    return this.#post({ type: 'whole', ref }) as Promise<Article>;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #inThread(): ArticleShelf {
    return (this.#shelf ??= new ArticleShelf());
  }

  #post(job: ArticleRequest, name: string | null = null): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, name });
      const worker = this.#start();
      // Waiting for an answer keeps the process up; an idle worker does not.
      worker.ref();
      worker.postMessage({ ...job, id } satisfies ArticleJob);
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const file = this.#file!;
    const worker = new Worker(file, {
      workerData: { entityWorkerFile: this.#entityFile },
      execArgv: file.endsWith('.ts') ? ['--import', 'tsx'] : undefined,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    });
    worker.on('message', (reply: ArticleReply) => this.#onReply(reply));
    worker.on('error', (error: Error & { code?: string }) => this.#onExit(worker, error));
    worker.on('exit', () => this.#onExit(worker, null));
    this.#worker = worker;
    return worker;
  }

  #onReply(reply: ArticleReply) {
    if ('type' in reply) {
      this.#finishing = false;
      this.#unrefWhenIdle();
      return;
    }
    const pending = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    // An open's answer comes before the rest of a long article is parsed.
    if (reply.ok && (reply.value as ShelvedArticle | null)?.article?.continued)
      this.#finishing = true;
    this.#unrefWhenIdle();
    if (!pending) return;
    if (reply.ok) pending.resolve(reply.value);
    else if (reply.error) pending.reject(new AppFailure(reply.error.code, reply.error.message));
    else {
      pending.reject(
        new AppFailure('internal', 'Something went wrong inside Lectern. The error was logged.'),
      );
    }
  }

  #unrefWhenIdle() {
    if (this.#pending.size === 0 && !this.#finishing) this.#worker?.unref();
  }

  #restart() {
    const old = this.#worker;
    this.#worker = null;
    this.#finishing = false;
    this.#failPending(new AppFailure('cancelled', 'Another article was opened.'));
    void old?.terminate();
  }

  #onExit(worker: Worker, error: (Error & { code?: string }) | null) {
    if (this.#worker !== worker) return;
    this.#worker = null;
    this.#finishing = false;
    const outOfMemory = error?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (error && !outOfMemory) console.error('[lectern] article worker failed:', error);
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      pending.reject(
        outOfMemory
          ? new AppFailure(
              'too-large',
              `“${pending.name ?? 'The article'}” needs more memory to read than Lectern allows an article.`,
            )
          : new AppFailure(
              'internal',
              'Something went wrong inside Lectern. The error was logged.',
            ),
      );
    }
  }

  #failPending(error: Error) {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
