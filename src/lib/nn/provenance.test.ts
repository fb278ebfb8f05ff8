import { describe, expect, it } from 'vitest';
import { buildModel, cat, Conv2d, input, relu } from './layers';
import { InceptionA } from './blocks';
import { avgPool2d } from './pooling';

const names = (model: { layers: { name: string }[] }) => model.layers.map((l) => l.name);

describe('layer names stay as given across re-runs', () => {
  it('claimName() gives a name again when a cell re-runs on the same input', () => {
    const blockIn = input([10, 12, 12]);
    // Three runs of the same cell, as after three edits: each builds its layers again on blockIn.
    const runs = [1, 2, 3].map(() => {
      const b = Conv2d(10, 16, 1, { name: 'branch5x5_1' })(blockIn);
      const p = avgPool2d(blockIn, 3, { stride: 1, padding: 1, name: 'avg_pool' });
      return buildModel(blockIn, cat([b, p], { name: 'concat' }));
    });
    for (const model of runs) {
      expect(names(model).sort()).toEqual(['avg_pool', 'avg_pool_pad', 'branch5x5_1', 'concat', 'input']);
    }
  });

  it('a block re-built on the same input keeps its prefix', () => {
    const x0 = input([10, 12, 12]);
    const first = buildModel(x0, InceptionA(10, { name: 'incep1' })(x0));
    const again = buildModel(x0, InceptionA(10, { name: 'incep1' })(x0));
    expect(names(again)).toEqual(names(first));
    expect(names(again)).toContain('incep1/branch5x5_2');
  });

  it('a true duplicate in a chain gets "_2"', () => {
    const x0 = input([1, 8, 8]);
    const model = buildModel(x0, relu(relu(x0)));
    expect(names(model)).toEqual(['input', 'relu', 'relu_2']);
  });

  it('two layers with one name on parallel branches are told apart when the model is built', () => {
    const x0 = input([1, 8, 8]);
    const model = buildModel(x0, cat([relu(x0), relu(x0)]));
    expect(names(model).sort()).toEqual(['cat', 'input', 'relu', 'relu_2']);
  });

  it('two unnamed blocks in a row number the second block', () => {
    const x0 = input([10, 12, 12]);
    const model = buildModel(x0, InceptionA(88)(InceptionA(10)(x0)));
    expect(names(model)).toContain('inceptionA/concat');
    expect(names(model)).toContain('inceptionA_2/concat');
  });
});
