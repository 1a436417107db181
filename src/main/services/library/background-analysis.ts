/**
 * The open library's background analysis as the service drives it: it runs while the indexer is
 * idle and pauses while it works, so the index is complete as soon as before; its progress reaches
 * the window at most twice a second.
 */
import type { AnalysisProgress } from '../../../shared/library-research';
import { startAnalysisRunner, type AnalysisRunner } from './analysis-runner';

const EVENT_INTERVAL_MS = 500;

export class BackgroundAnalysis {
  progress: AnalysisProgress | null = null;
  /** Started at the first idle moment: its threads load the tagger, which must not slow indexing. */
  #runner: AnalysisRunner | null = null;
  readonly #start: () => AnalysisRunner;
  readonly #report: (progress: AnalysisProgress) => void;
  #timer: NodeJS.Timeout | undefined;
  #waiters: (() => void)[] = [];
  #idle = false;
  /** A run was asked for and has not started yet: earlier progress is out of date. */
  #asked = false;

  constructor(
    options: { dbFile: string; root: string; workerFile?: string },
    report: (progress: AnalysisProgress) => void,
  ) {
    this.#report = report;
    this.#start = () =>
      startAnalysisRunner({
        ...options,
        onMessage: (message) => {
          if (message.type === 'progress') this.#progressed(message.progress);
          else if (message.type === 'error') {
            console.error('[lectern] library analysis failed:', message.message);
            if (this.progress) this.#progressed({ ...this.progress, running: false });
          }
        },
      });
  }

  /** The indexer has nothing to do: analyse what it indexed. */
  indexerIdle() {
    this.#idle = true;
    this.#asked = true;
    this.#runner ??= this.#start();
    this.#runner.post({ type: 'run' });
  }

  /** The indexer started a run: wait for it. */
  indexerBusy() {
    this.#idle = false;
    this.#runner?.post({ type: 'pause' });
  }

  /** Resolves once everything indexed is analysed (tests and the benchmark wait on it). */
  whenDone(): Promise<void> {
    if (this.#finished()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async close() {
    clearTimeout(this.#timer);
    await this.#runner?.close();
    for (const resolve of this.#waiters.splice(0)) resolve();
  }

  #finished(): boolean {
    const p = this.progress;
    return this.#idle && !this.#asked && p !== null && p.phase === 'names' && !p.running;
  }

  #progressed(progress: AnalysisProgress) {
    const previous = this.progress;
    this.progress = progress;
    if (progress.phase === 'facts') this.#asked = false;
    if (this.#finished()) for (const resolve of this.#waiters.splice(0)) resolve();
    // Starts, ends and pauses are told at once; the steps in between at most twice a second.
    // (A pass resumed starts from the articles done before: its start is a phase or run beginning.)
    const starting = !previous?.running || previous.phase !== progress.phase;
    if (!progress.running || starting) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#report(progress);
    } else {
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined;
        if (this.progress) this.#report(this.progress);
      }, EVENT_INTERVAL_MS);
    }
  }
}
