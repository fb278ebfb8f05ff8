import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { inceptionNet, residualStack } from './nets';
import { analyseModel } from './graph';

describe('built models survive toJSON (the training worker rebuilds them from it)', () => {
  it.each([
    ['inceptionNet', () => inceptionNet()],
    ['residualStack(8)', () => residualStack(8)]
  ])('%s rebuilds with the same layers, shapes and outputs', async (_name, build) => {
    const model = build();
    const artifacts = { modelTopology: model.toJSON(null, false) as tf.io.ModelJSON['modelTopology'] };
    const copy = await tf.models.modelFromJSON(artifacts);
    copy.setWeights(model.getWeights());
    expect(analyseModel(copy).nodes.map((n) => [n.id, n.shapeLabel, n.params])).toEqual(
      analyseModel(model).nodes.map((n) => [n.id, n.shapeLabel, n.params])
    );
    const x = tf.randomNormal([2, 28, 28, 1], 0, 1, 'float32', 1);
    const [a, b] = [model.predict(x) as tf.Tensor, copy.predict(x) as tf.Tensor];
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
  });
});
