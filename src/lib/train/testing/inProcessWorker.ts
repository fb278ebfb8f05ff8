/**
 * Test helper: a stand-in for the training Web Worker that runs the real training host in this process, delivering
 * messages asynchronously as a worker would.
 */
import type { WorkerLike } from '../client';
import type { FromWorker, ToWorker } from '../protocol';
import { createTrainingHost, type TrainingHost } from '../trainingHost';

export class InProcessWorker implements WorkerLike {
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  readonly host: TrainingHost;
  /** Every message the page sent, for assertions. */
  readonly sent: ToWorker[] = [];
  /** Every message the worker posted, for assertions. */
  readonly posted: FromWorker[] = [];

  constructor() {
    this.host = createTrainingHost((message) => {
      this.posted.push(message);
      if (!this.terminated) setTimeout(() => !this.terminated && this.onmessage?.({ data: message }), 0);
    });
  }

  postMessage(message: ToWorker): void {
    this.sent.push(message);
    setTimeout(() => this.host.handle(message), 0);
  }

  /** A real worker dies at once; here we stop the loop after its current batch and drop what it posts. */
  terminate(): void {
    this.terminated = true;
    this.host.handle({ type: 'stop' });
  }
}
