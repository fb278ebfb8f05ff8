import { word, type Wording } from '../i18n/worded';
import { zh } from '../i18n/zh';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend, type BackendChoice } from './backend';
import { defaultTrainOptions, type FromWorker, type ToWorker } from './protocol';
import { buildResidualNet } from './testing/lectureNets';
import { syntheticDigits } from './testing/syntheticDigits';
import { createTrainingHost, isLostContext } from './trainingHost';
import { serializeWeights } from './weights';

function startMessage(
  change: (topology: { config: { layers: { class_name: string }[] } }) => void = () => {},
  epochs = 1
) {
  const model = buildResidualNet(1);
  const modelTopology = model.toJSON(null, false) as { config: { layers: { class_name: string }[] } };
  change(modelTopology);
  const message: ToWorker = {
    type: 'start',
    modelTopology,
    weights: serializeWeights(model),
    data: { train: syntheticDigits(64, 1) },
    options: { ...defaultTrainOptions, batchSize: 32, epochs }
  };
  model.dispose();
  return message;
}

beforeAll(async () => {
  tf.env().set('PROD', true);
  await chooseBackend();
});

describe('createTrainingHost', () => {
  it('trains on start and answers with progress, then done with the weights', async () => {
    const posted: FromWorker[] = [];
    const host = createTrainingHost((m) => posted.push(m));
    host.handle(startMessage());
    await host.idle();
    expect(posted.map((m) => m.type)).toEqual(['progress', 'progress', 'done']);
    const done = posted[2] as Extract<FromWorker, { type: 'done' }>;
    expect(done.stopped).toBe(false);
    expect(done.weights.buffers.length).toBe(14);
  });

  it('refuses a second start while training, naming the problem', async () => {
    const posted: FromWorker[] = [];
    const host = createTrainingHost((m) => posted.push(m));
    host.handle(startMessage());
    host.handle(startMessage());
    await host.idle();
    expect(posted[0]).toEqual({
      type: 'error',
      message: 'A training is already running in this worker; stop it first.',
      wording: { key: 'trainerBusy', params: undefined }
    });
  });

  it('reports a layer class it cannot rebuild as an error, before building anything', async () => {
    const posted: FromWorker[] = [];
    const host = createTrainingHost((m) => posted.push(m));
    host.handle(startMessage((t) => (t.config.layers[1].class_name = 'MyConv')));
    await host.idle();
    expect(posted).toHaveLength(1);
    expect(posted[0].type).toBe('error');
    expect((posted[0] as { message: string }).message).toMatch(/^Cannot train: Layer class MyConv/);
    // The error crosses to the page as a key with parameters, which the page words in its language.
    const { wording } = posted[0] as { wording: Wording };
    expect(wording.key).toBe('cannotTrain');
    expect(word(wording, zh)).toMatch(/^无法训练：训练 worker 无法重建层类 MyConv/);
  });

  it.each([
    ['Failed to compile fragment shader.', true],
    ['WebGL context lost.', true],
    ['The loss became NaN at step 3', false]
  ])('isLostContext(%j) is %s', (message, expected) => {
    expect(isLostContext(new Error(message))).toBe(expected);
  });

  it('continues on wasm from the last epoch snapshot when the webgl context is lost', async () => {
    // Pretend the first choice was webgl (the work really runs on wasm), and lose the context in epoch 2.
    let calls = 0;
    const selectBackend = async (): Promise<BackendChoice> =>
      calls++ === 0
        ? { name: 'webgl', reason: 'webgl on a hardware GPU', skipped: [] }
        : chooseBackend({ preferred: 'wasm' });
    const posted: FromWorker[] = [];
    let lost = false;
    const host = createTrainingHost((m) => {
      if (m.type === 'progress' && m.progress.epoch === 2 && !lost) {
        lost = true;
        throw new Error('Failed to compile fragment shader.');
      }
      posted.push(m);
    }, selectBackend);
    host.handle(startMessage(() => {}, 2));
    await host.idle();
    const progress = posted.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
    expect(progress.map((p) => [p.epoch, p.step, p.backend])).toEqual([
      [1, 1, 'webgl'],
      [1, 2, 'webgl'],
      [2, 3, 'wasm'],
      [2, 4, 'wasm']
    ]);
    expect(posted.at(-1)?.type).toBe('done');
  });
});
