/**
 * The torchinfo-style summary of a model: one row per layer with its output shape, parameters and
 * multiply-adds, and the totals. Also the accessible alternative to the shape-flow diagram.
 */
import type * as tf from '@tensorflow/tfjs';
import { analyseModel, type AnalyseOptions, type GraphTotals } from './graph';

/** One row of the table. */
export interface LayerRow {
  /** Node id (the layer name), e.g. "incep1/branch5x5_2". */
  layer: string;
  /** The PyTorch spelling when known ("Conv2d(16, 24, kernel_size=5, padding=2)"), else the tfjs class. */
  type: string;
  /** The block the layer belongs to, or null. */
  block: string | null;
  /** Output shape as PyTorch prints it without the batch, "24×12×12". */
  outputShape: string;
  /** Output shape as tfjs holds it, "[null,12,12,24]". */
  tfjsShape: string;
  /** Parameters (PyTorch's count). */
  params: number;
  /** Multiply-adds per sample. */
  multAdds: number;
}

/** The table: rows in topological order and the totals. */
export interface LayerTable {
  /** One row per layer application. */
  rows: LayerRow[];
  /** Sums over the model. */
  totals: GraphTotals;
}

/** Builds the torchinfo-style table of any tf.LayersModel. */
export function layerTable(model: tf.LayersModel, options: AnalyseOptions = {}): LayerTable {
  const graph = analyseModel(model, options);
  const rows = graph.nodes.map((n) => ({
    layer: n.id,
    type: n.torch,
    block: n.block,
    outputShape: n.shapeLabel,
    tfjsShape: JSON.stringify(n.nhwc),
    params: n.params,
    multAdds: n.multAdds
  }));
  return { rows, totals: graph.totals };
}

/** The table as fixed-width text, like torchinfo.summary() prints it (for tests, logs and plain output). */
export function formatLayerTable(table: LayerTable): string {
  const number = (n: number) => n.toLocaleString('en-US');
  const lines = [['Layer (type)', 'Output Shape', 'Param #', 'Mult-Adds']];
  for (const r of table.rows)
    lines.push([`${r.layer} (${r.type})`, r.outputShape, number(r.params), number(r.multAdds)]);
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const pad = (l: string[]) =>
    l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = '='.repeat(widths.reduce((a, b) => a + b + 2, -2));
  return [
    rule,
    pad(lines[0]),
    rule,
    ...lines.slice(1).map(pad),
    rule,
    `Total params: ${number(table.totals.params)}`,
    `Total mult-adds: ${number(table.totals.multAdds)}`,
    `Activations per sample: ${number(table.totals.activationBytes)} bytes`,
    rule
  ].join('\n');
}
