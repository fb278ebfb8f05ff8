import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inceptionNet, residualNet, simpleCnn } from '../nn/index';
import { pytorchCode } from './code';
import { lectureClass, lectureCode, tokens } from './lecture';

const source = readFileSync(new URL('../../../scripts/pytorch/lecture_nets.py', import.meta.url), 'utf8');

/** The `self.x = …` lines of one class, sorted: what __init__ builds, whatever the order. */
const inits = (code: string, cls: string) =>
  lectureClass(code, cls)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('self.') && !l.startsWith('self.channels'))
    .sort();

describe('the lecture’s code, shown beside the builder cells', () => {
  it('lectureCode() shows a net with its block class, from lecture_nets.py, without our docstrings', () => {
    const code = lectureCode(source, 'InceptionNet');
    expect(code.startsWith('class InceptionA(nn.Module):')).toBe(true);
    expect(code).toContain('class InceptionNet(nn.Module):\n    def __init__(self):');
    expect(code).toContain('        self.branch5x5_2 = nn.Conv2d(16, 24, kernel_size=5, padding=2)');
    expect(code).toContain('        return torch.cat(outputs, dim=1)');
    expect(code).not.toContain('"""');
  });

  it.each([
    ['SimpleCNN', 'SimpleCNN', () => simpleCnn()],
    ['InceptionA', 'InceptionA', () => inceptionNet()],
    ['InceptionNet', 'InceptionNet', () => inceptionNet()],
    ['ResidualBlock', 'ResidualBlock', () => residualNet()],
    ['ResidualNet', 'ResidualNet', () => residualNet()]
  ])('the builders’ %s is the lecture’s: pytorchCode() writes the same __init__ lines', (_n, cls, build) => {
    expect(inits(pytorchCode(build()), cls)).toEqual(inits(source, cls));
  });

  it('tokens() marks names a reader can point at, not keywords', () => {
    expect(tokens('        self.branch5x5_2 = nn.Conv2d(16, 24)')).toEqual([
      { text: '        ', name: false },
      { text: 'self', name: false },
      { text: '.', name: false },
      { text: 'branch5x5_2', name: true },
      { text: ' = ', name: false },
      { text: 'nn', name: true },
      { text: '.', name: false },
      { text: 'Conv2d', name: true },
      { text: '(16, 24)', name: false }
    ]);
  });
});
