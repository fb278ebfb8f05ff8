import { describe, expect, it } from 'vitest';
import { analyseModel } from './graph';
import { boxSize, layoutGraph } from './layout';
import { inceptionNet, plainStack, residualNet, residualStack } from './nets';
import { buildModel, cat, Conv2d, input } from './layers';
import { layoutToSvg } from './svg';
import { collapseBlocks } from './collapse';

const inception = analyseModel(inceptionNet());
const residual = analyseModel(residualNet());

describe('layoutGraph()', () => {
  it('lays out blocks collapsed back to back, each joined to the one before', () => {
    const graph = collapseBlocks(analyseModel(plainStack(6)), 'all');
    const blocks = graph.nodes.filter((n) => n.kind === 'block');
    expect(blocks.length).toBeGreaterThan(1);
    for (const [i, b] of blocks.entries()) if (i > 0) expect(b.inputs).toEqual([blocks[i - 1].id]);
    const layout = layoutGraph(analyseModel(plainStack(6)), { collapse: 'all' });
    expect(layout.edges.every((e) => layout.nodes.some((n) => n.id === e.from))).toBe(true);
  });

  it('fans an Inception block’s four branches out side by side and joins them at the concat', () => {
    const layout = layoutGraph(inception);
    const at = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const heads = ['incep1/branch1x1', 'incep1/branch5x5_1', 'incep1/branch3x3_1', 'incep1/avg_pool'].map(at);
    expect(new Set(heads.map((n) => n.y)).size).toBe(1);
    expect(heads.map((n) => n.x)).toEqual([...heads.map((n) => n.x)].sort((a, b) => a - b));
    expect(at('incep1/concat').x).toBe(at('relu').x);
    expect(at('incep1/concat').note).toBe('16+24+24+24 = 88');
    expect(at('incep1/branch5x5_2').x).toBe(at('incep1/branch5x5_1').x);
  });

  it('keeps a residual block in one lane and draws its skip as an arc on the left', () => {
    const layout = layoutGraph(residual);
    const xs = ['mp', 'rblock1/conv1', 'rblock1/conv2', 'rblock1/add'].map(
      (id) => layout.nodes.find((n) => n.id === id)!.x
    );
    expect(new Set(xs).size).toBe(1);
    const skip = layout.edges.find((e) => e.skip && e.to === 'rblock1/add')!;
    expect(skip.path).toMatch(/^M\d+,\d+H\d+Q/);
  });

  it('collapses blocks into one node that carries the block’s output shape and note', () => {
    const layout = layoutGraph(inception, { collapse: 'all' });
    expect(layout.nodes.map((n) => n.id)).toEqual([
      'input',
      'conv1',
      'mp',
      'relu',
      'incep1',
      'conv2',
      'mp_2',
      'relu_2',
      'incep2',
      'flatten',
      'fc'
    ]);
    expect(layout.nodes[4]).toMatchObject({
      kind: 'block',
      shapeLabel: '88×12×12',
      note: '16+24+24+24 = 88'
    });
    expect(layout.blocks).toEqual([]);
    const collapsed = collapseBlocks(inception, ['incep2']);
    expect(collapsed.nodes.find((n) => n.id === 'incep2')?.params).toBe(19_824);
    expect(collapsed.totals).toEqual(inception.totals);
  });

  it('is deterministic', () => {
    expect(layoutGraph(analyseModel(inceptionNet({ seed: 3 })))).toEqual(layoutGraph(inception));
  });

  it.each([
    [[1, 28, 28], { width: 16, height: 56 }],
    [[88, 12, 12], { width: 94, height: 24 }],
    [[1408], { width: 120, height: 6 }]
  ])('boxSize(%j) is %j', (shape, size) => {
    expect(boxSize(shape, 'conv')).toEqual(size);
  });

  it('rejects an empty graph with a message', () => {
    expect(() => layoutGraph({ ...inception, nodes: [], edges: [], blocks: [] })).toThrow(
      'has no layers to draw'
    );
  });
});

describe('shape-flow snapshots (normalised SVG text)', () => {
  it.each([
    ['the Inception net', () => layoutGraph(inception)],
    ['the residual net', () => layoutGraph(residual)],
    ['the Inception net with blocks collapsed', () => layoutGraph(inception, { collapse: 'all' })],
    ['the residual net with rblock2 collapsed', () => layoutGraph(residual, { collapse: ['rblock2'] })]
  ])('%s', (_name, make) => {
    expect(layoutToSvg(make())).toMatchSnapshot();
  });
});

describe('layoutGraph() on other models', () => {
  const overlaps = (layout: ReturnType<typeof layoutGraph>) =>
    layout.nodes.some((a, i) =>
      layout.nodes.some((b, j) => j > i && a.rank === b.rank && Math.abs(a.x - b.x) < (a.width + b.width) / 2)
    );

  it.each([
    ['plainStack(20)', () => analyseModel(plainStack(20))],
    ['residualStack(56)', () => analyseModel(residualStack(56))],
    [
      'a dense-style cat([x, conv(x)])',
      () => {
        const x = input([4, 8, 8]);
        return analyseModel(buildModel(x, cat([x, Conv2d(4, 4, 3, { padding: 1 })(x)])));
      }
    ]
  ])('lays out %s without overlapping boxes', (_name, graph) => {
    const layout = layoutGraph(graph());
    expect(layout.nodes.length).toBeGreaterThan(2);
    expect(overlaps(layout)).toBe(false);
    expect(layout.edges.every((e) => /^M\d+,\d+/.test(e.path))).toBe(true);
  });
});
