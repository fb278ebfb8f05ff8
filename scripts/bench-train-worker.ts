/**
 * The training worker of scripts/bench-train-chromium.ts: the real one (src/lib/train/worker.ts) plus one extra
 * message, `{ type: 'memory' }`, answered with `tf.memory().numTensors` once the current training has ended and its
 * model is freed. The page reuses one such worker across several trainings to check that none leaks.
 */
import * as tf from '@tensorflow/tfjs';
import type { ToWorker } from '../src/lib/train/protocol';
import { createTrainingHost } from '../src/lib/train/trainingHost';

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: { data: ToWorker | { type: 'memory' } }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const host = createTrainingHost((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = async ({ data }) => {
  if (data.type !== 'memory') return host.handle(data);
  await host.idle();
  scope.postMessage({ type: 'memory', numTensors: tf.memory().numTensors });
};
