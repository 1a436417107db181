/**
 * The library's helper threads (the indexer's reader, the second ranker, the snippet reader) all
 * answer requests the same way: the library worker script, started with a role, replies to each
 * request by its id. Should a thread fail, what it owed and every later request get the fallback
 * answer (the work done inline, or null for "do it yourself").
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type Envelope<T> = { id: number; body: T };

export interface WorkerClient<Request, Reply> {
  ask(request: Request): Promise<Reply>;
  /** Ends the thread; requests still owed get `closedReply`. */
  close(): void;
}

export interface WorkerClientOptions<Request, Reply> {
  file: string;
  workerData: object;
  resourceLimits: ResourceLimits;
  fallback(request: Request): Reply;
  closedReply(request: Request): Reply;
  /** The thread does not keep the process alive (one that only serves the window's requests). */
  unref?: boolean;
}

export function workerClient<Request, Reply>(
  options: WorkerClientOptions<Request, Reply>,
): WorkerClient<Request, Reply> {
  const pending = new Map<number, { request: Request; resolve: (reply: Reply) => void }>();
  let worker: Worker | null = new Worker(options.file, {
    workerData: options.workerData,
    resourceLimits: options.resourceLimits,
  });
  if (options.unref) worker.unref();
  let next = 0;
  worker.on('message', (reply: Envelope<Reply>) => {
    pending.get(reply.id)?.resolve(reply.body);
    pending.delete(reply.id);
  });
  const fail = () => {
    void worker?.terminate();
    worker = null;
    for (const { request, resolve } of pending.values()) resolve(options.fallback(request));
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', () => worker && fail());
  return {
    ask(request) {
      if (!worker) return Promise.resolve(options.fallback(request));
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, { request, resolve });
        worker!.postMessage({ id, body: request } satisfies Envelope<Request>);
      });
    },
    close() {
      const closing = worker;
      worker = null;
      for (const { request, resolve } of pending.values()) resolve(options.closedReply(request));
      pending.clear();
      void closing?.terminate();
    },
  };
}

/**
 * The thread's side: answers each request by its id, in order, or when its promise settles (a
 * long job answered once done, while later requests are answered meanwhile).
 */
export function serveRequests<Request, Reply>(
  port: {
    on(event: 'message', listener: (request: Envelope<Request>) => void): void;
    postMessage(reply: Envelope<Reply>): void;
  },
  answer: (request: Request) => Reply | Promise<Reply>,
) {
  port.on('message', ({ id, body }) => {
    const reply = answer(body);
    if (reply instanceof Promise)
      void reply.then((settled) => port.postMessage({ id, body: settled }));
    else port.postMessage({ id, body: reply });
  });
}
