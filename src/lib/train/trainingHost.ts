/**
 * The worker's side of the protocol, independent of the Worker API so it can run in-process in tests: it answers
 * `ToWorker` messages by choosing a backend, rebuilding the model, training it and posting `FromWorker` messages.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from './backend';
import { fastestBackend } from './backendChoice';
import { measureBackends } from './measureBackends';
import type { FromWorker, ToWorker } from './protocol';
import { TrainingControl, trainModel } from './trainer';
import { assertValid, layerProblems, outputProblems } from './validate';
import { applyWeights, readWeights } from './weights';
import { word, wordingOf, type Wording } from '../i18n/worded';

/** An error as it crosses to the page: English for logs, its wording (if any) for the page to word. */
function errorMessage(error: unknown): FromWorker {
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', message, wording: wordingOf(error) };
}

const busy: Wording = { key: 'trainerBusy', params: undefined };

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

export interface TrainingHost {
  /** Handles one message from the page. */
  handle(message: ToWorker): void;
  /** Resolves when the current training (if any) has ended and its model is freed. */
  idle(): Promise<void>;
}

/** True for the errors tfjs's webgl backend throws once its context is lost (and webgpu's once its device is). */
export function isLostContext(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /context (was )?lost|CONTEXT_LOST|Failed to compile fragment shader|Failed to link vertex and fragment shaders|device (was |is )?lost/i.test(
    message
  );
}

const onGpu = (name: string) => name === 'webgl' || name === 'webgpu';

/**
 * `selectBackend` is injectable for tests; the worker uses `chooseBackend`.
 */
export function createTrainingHost(
  post: Post,
  selectBackend: typeof chooseBackend = chooseBackend
): TrainingHost {
  let control: TrainingControl | null = null;
  let running: Promise<void> = Promise.resolve();

  async function start(
    message: Extract<ToWorker, { type: 'start' }>,
    runControl: TrainingControl
  ): Promise<void> {
    let model: tf.LayersModel | null = null;
    try {
      assertValid(layerProblems(message.modelTopology));
      const { wasmPaths, wasmThreads } = message;
      let preferred = message.options.backend;
      if (message.measure && !preferred) {
        const timed = await measureBackends(
          { ...message, allowSoftware: message.measure.allowSoftware },
          selectBackend
        );
        post({ type: 'measured', ...timed });
        preferred = fastestBackend(timed.measurements) ?? undefined;
      }
      let choice = await selectBackend({ preferred, wasmPaths, wasmThreads });
      // Weights at the last epoch end, to continue from if the webgl context is lost.
      let snapshot = { weights: message.weights, epoch: 0, step: 0 };
      for (;;) {
        model = await tf.models.modelFromJSON({ modelTopology: message.modelTopology } as tf.io.ModelJSON);
        assertValid(outputProblems(model.outputs[0].shape));
        applyWeights(model, snapshot.weights);
        const current: tf.LayersModel = model;
        const backend = choice;
        try {
          const result = await trainModel(
            current,
            message.data,
            message.options,
            (progress) =>
              post({
                type: 'progress',
                progress: { ...progress, backend: backend.name, backendInfo: backend.reason }
              }),
            runControl,
            {
              startEpoch: snapshot.epoch + 1,
              startStep: snapshot.step,
              onEpochEnd: async (epoch, step) => {
                if (onGpu(backend.name)) snapshot = { weights: await readWeights(current), epoch, step };
              }
            }
          );
          const weights = await readWeights(current);
          post({ type: 'done', weights, stopped: result.stopped }, weights.buffers);
          return;
        } catch (error) {
          if (!onGpu(backend.name) || !isLostContext(error)) throw error;
          // The GPU went away (driver reset, tab in background on mobile…): continue on wasm from the snapshot.
          try {
            current.dispose();
          } catch {
            // Its textures went with the context.
          }
          model = null;
          choice = await selectBackend({ preferred: 'wasm', wasmPaths, wasmThreads });
        }
      }
    } catch (error) {
      post(errorMessage(error));
    } finally {
      model?.dispose();
      if (control === runControl) control = null;
    }
  }

  return {
    handle(message) {
      switch (message.type) {
        case 'start': {
          if (control) {
            post({ type: 'error', message: word(busy), wording: busy });
            return;
          }
          const runControl = new TrainingControl();
          control = runControl;
          running = start(message, runControl);
          return;
        }
        case 'pause':
          return control?.pause();
        case 'resume':
          return control?.resume();
        case 'stop':
          return control?.stop();
        case 'setLearningRate':
          if (Number.isFinite(message.learningRate) && message.learningRate > 0) {
            control?.setLearningRate(message.learningRate);
          }
          return;
      }
    },
    idle: () => running
  };
}
