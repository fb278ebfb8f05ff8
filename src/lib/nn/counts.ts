/** Parameter and multiply-add counting for one tfjs layer, with PyTorch's conventions (see graph.ts). */
import type * as tf from '@tensorflow/tfjs';
import type { NodeKind } from './kinds';

const product = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

/** A layer's weights split into PyTorch parameters and buffers (BatchNorm's running statistics). */
export function weightCounts(layer: tf.layers.Layer): { params: number; buffers: number } {
  let params = 0;
  let buffers = 0;
  for (const w of layer.weights) {
    const size = product(w.shape as number[]);
    if (/moving_(mean|variance)$/.test(w.originalName ?? w.name)) buffers += size;
    else params += size;
  }
  return { params, buffers };
}

/** Multiply-adds per sample of one layer application (see graph.ts for the conventions). */
export function multAddsOf(
  kind: NodeKind,
  className: string,
  config: Record<string, unknown>,
  inShape: (number | null)[],
  outShape: (number | null)[]
): number {
  const out = outShape.slice(1).map((d) => d ?? 0);
  const cin = inShape[inShape.length - 1] ?? 0;
  if (kind === 'conv') {
    const ks = config.kernelSize;
    // tfjs normalises kernelSize to one entry per spatial dimension; a bare number means a square/cubic kernel.
    const kernelElems = Array.isArray(ks) ? product(ks as number[]) : Number(ks) ** (out.length - 1);
    if (className === 'DepthwiseConv2D') return product(out) * kernelElems;
    if (className === 'SeparableConv2D')
      return (
        product(out.slice(0, -1)) *
        cin *
        (kernelElems * Number(config.depthMultiplier ?? 1) + out[out.length - 1])
      );
    return product(out) * kernelElems * cin;
  }
  if (kind === 'dense') return product(out) * cin;
  return 0;
}
