import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  buildModel,
  Conv2d,
  flatten,
  InceptionA,
  inceptionNet,
  input,
  Linear,
  MaxPool2d,
  plainStack,
  relu,
  residualNet,
  residualStack,
  simpleCnn
} from '../nn/index';
import { pytorchCode } from './code';
import { planModel } from './plan';

/** The lecture's Inception net with branch5x5_2 at 32 channels in both blocks (so conv2 takes 96, fc 1536). */
function editedInception(): tf.LayersModel {
  const x0 = input([1, 28, 28]);
  const mp = MaxPool2d(2, { name: 'mp' });
  let x = relu(mp(Conv2d(1, 10, 5, { name: 'conv1' })(x0)));
  x = InceptionA(10, { name: 'incep1', widths: { branch5x5_2: 32 } })(x);
  x = relu(mp(Conv2d(96, 20, 5, { name: 'conv2' })(x)));
  x = InceptionA(20, { name: 'incep2', widths: { branch5x5_2: 32 } })(x);
  return buildModel(x0, Linear(1536, 10, { name: 'fc' })(flatten(x)), { name: 'inceptionNet' });
}

describe('pytorchCode()', () => {
  it.each([
    ['simpleCnn', () => simpleCnn()],
    ['inceptionNet', () => inceptionNet()],
    ['residualNet', () => residualNet()],
    ['plainStack4', () => plainStack(4)],
    ['residualStack8', () => residualStack(8)],
    ['editedInception', editedInception]
  ])('writes %s as a PyTorch module (snapshot)', async (name, build) => {
    await expect(pytorchCode(build())).toMatchFileSnapshot(`./__snapshots__/${name}.py`);
  });

  it('writes the lecture’s classes with the lecture’s constructor calls and attribute names', () => {
    const code = pytorchCode(inceptionNet());
    expect(code).toContain('class InceptionA(nn.Module):\n    def __init__(self, in_channels):');
    expect(code).toContain('self.branch5x5_2 = nn.Conv2d(16, 24, kernel_size=5, padding=2)');
    expect(code).toContain('self.incep2 = InceptionA(in_channels=20)');
    expect(code).toContain('x = x.view(in_size, -1)');
    expect(pytorchCode(residualNet())).toContain('self.rblock1 = ResidualBlock(16)');
    expect(pytorchCode(residualNet())).toContain('return F.relu(x + y)');
  });

  it('gives an edited block a class of its own that says what changed', () => {
    const code = pytorchCode(editedInception());
    expect(code).toContain('class EditedInceptionA(nn.Module):');
    expect(code).toContain(
      '# InceptionA as changed in this model: branch5x5_2 = nn.Conv2d(16, 32, kernel_size=5, padding=2)'
    );
    expect(code).toContain('self.incep1 = EditedInceptionA(in_channels=10)');
    expect(code).toContain('self.fc = nn.Linear(1536, 10)');
    expect(code).not.toContain('class InceptionA(');
  });

  it('keeps an unedited and an edited block apart in one model', () => {
    const x0 = input([10, 12, 12]);
    const y = InceptionA(88, { name: 'b2', widths: { branch1x1: 8 } })(InceptionA(10, { name: 'b1' })(x0));
    const names = planModel(buildModel(x0, y)).classes.map((c) => c.name);
    expect(names).toEqual(['InceptionA', 'EditedInceptionA']);
  });

  it('works the same on a model rebuilt from its JSON (block kinds come from the layer names)', async () => {
    const model = editedInception();
    const copy = await tf.models.modelFromJSON({
      modelTopology: model.toJSON(null, false) as tf.io.ModelJSON['modelTopology']
    });
    expect(pytorchCode(copy)).toBe(pytorchCode(model));
  });

  it('says in place which layer it cannot translate and why', () => {
    const x0 = input([1, 8, 8]);
    const y = tf.layers
      .conv2dTranspose({ filters: 2, kernelSize: 3, name: 'up' })
      .apply(x0) as tf.SymbolicTensor;
    const code = pytorchCode(buildModel(x0, y));
    expect(code).toContain('# up (Conv2DTranspose): Conv2DTranspose has no translation here (only Conv2D)');
    expect(code).toContain(
      'raise NotImplementedError("up: Conv2DTranspose has no translation here (only Conv2D)")'
    );
    expect(planModel(buildModel(x0, y)).problems).toEqual([
      {
        layer: 'up',
        className: 'Conv2DTranspose',
        reason: 'Conv2DTranspose has no translation here (only Conv2D)'
      }
    ]);
  });

  it('lists the state_dict keys as PyTorch registers them, BatchNorm with its int64 step count', () => {
    const keys = planModel(plainStack(3)).state.map((s) => s.key);
    expect(keys).toEqual([
      'conv1.weight',
      'bn1.weight',
      'bn1.bias',
      'bn1.running_mean',
      'bn1.running_var',
      'bn1.num_batches_tracked',
      'layer2.conv.weight',
      'layer2.bn.weight',
      'layer2.bn.bias',
      'layer2.bn.running_mean',
      'layer2.bn.running_var',
      'layer2.bn.num_batches_tracked',
      'fc.weight',
      'fc.bias'
    ]);
  });
});
