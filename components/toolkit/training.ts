/**
 * The `train` builtin: trains a model in a Web Worker (src/lib/train/client.ts) and streams snapshots a
 * cell can show. Each snapshot is the latest progress plus the history so far (for `trainingChart`) and
 * the run itself (for Stop / Pause buttons), because a cell that declares `const progress = train(…)`
 * sees only the yielded values, never the run object.
 */
import type * as tf from '@tensorflow/tfjs';
import { train as trainInWorker, type TrainingRun } from '../../src/lib/train/client';
import type { Progress, TrainData, TrainOptions } from '../../src/lib/train/protocol';
import { wasmPaths } from '../../src/runtime/wasm-paths';

/** One point of a training curve. */
export interface TrainingPoint {
  /** batches done */
  step: number;
  /** batch loss */
  loss: number;
  /** running training accuracy in the epoch, 0–1 */
  accuracy: number;
  /** test accuracy, 0–1, at the end of an epoch */
  testAccuracy?: number;
}

/** What a training cell yields. */
export interface TrainingSnapshot extends Progress {
  /** every step so far */
  history: TrainingPoint[];
  /** the run, for stop(), pause(), resume(), setLearningRate() */
  run: TrainingRun;
}

export async function* train(
  model: tf.LayersModel,
  data: TrainData,
  options: Partial<TrainOptions> = {}
): AsyncGenerator<TrainingSnapshot> {
  const run = trainInWorker(model, data, options, { wasmPaths: wasmPaths() });
  const history: TrainingPoint[] = [];
  try {
    for await (const progress of run) {
      history.push({
        step: progress.step,
        loss: progress.loss,
        accuracy: progress.runningAccuracy,
        testAccuracy: progress.testAccuracy
      });
      yield { ...progress, history, run };
    }
  } finally {
    await run.return(); // the cell re-ran or was deleted: end the worker now
  }
}
