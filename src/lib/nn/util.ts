/**
 * Small helpers shared by the PyTorch-flavoured builders: the learner-facing ShapeError, PyTorch spellings of
 * layers, the PyTorch → tfjs padding rule and the checks every spatial layer makes.
 */
import * as tf from '@tensorflow/tfjs';
import { WordedError, type ErrorKey } from '../i18n/worded';
import { claimName, contextOf, formatShape, provenanceOf, track } from './provenance';

/**
 * A shape problem in a model a reader is building: wrong channels, features, sizes or ranks. It is worded
 * (a catalogue key and its parameters: layer names, counts, shapes), so the page says it in its language.
 */
export class ShapeError<K extends ErrorKey = ErrorKey> extends WordedError<K> {
  override name = 'ShapeError';
}

/** How each layer would be printed by PyTorch, e.g. "Conv2d(16, 24, kernel_size=5, padding=2)". */
const torchReprs = new WeakMap<tf.layers.Layer, string>();

/** PyTorch's spelling of a layer made by these builders, or undefined for other layers. */
export function torchRepr(layer: tf.layers.Layer): string | undefined {
  return torchReprs.get(layer);
}

/** Records how PyTorch would print a layer (see torchRepr). */
export function remember<L extends tf.layers.Layer>(layer: L, repr: string): L {
  torchReprs.set(layer, repr);
  return layer;
}

/** layer.apply for one symbolic output. */
export function apply(layer: tf.layers.Layer, x: tf.SymbolicTensor | tf.SymbolicTensor[]): tf.SymbolicTensor {
  return layer.apply(x) as tf.SymbolicTensor;
}

/** The [H, W] of an image tensor; a ShapeError naming `who` if x is not one. */
export function imageSize(who: string, x: tf.SymbolicTensor): [number, number] {
  if (x.shape.length !== 4) {
    const [shape, from] = [formatShape(x.shape), provenanceOf(x).from];
    throw new ShapeError('notImage', { layer: who, shape, from });
  }
  return [x.shape[1] as number, x.shape[2] as number];
}

/**
 * PyTorch padding → tfjs. padding 0 is 'valid'; padding (k−1)/2 at stride 1 is exactly tfjs 'same'. Any other
 * padding (or padding at stride > 1, where tfjs 'same' would pad only bottom/right) becomes an explicit
 * ZeroPadding2D layer followed by a 'valid' layer, which is what PyTorch computes.
 */
export function paddingMode(
  kernelSize: number,
  stride: number,
  padding: number
): 'valid' | 'same' | 'explicit' {
  if (padding === 0) return 'valid';
  if (stride === 1 && 2 * padding === kernelSize - 1) return 'same';
  return 'explicit';
}

/** Adds a ZeroPadding2D layer named `${name}_pad` (used where tfjs 'same' is not PyTorch's padding). */
export function zeroPad(x: tf.SymbolicTensor, padding: number, name: string): tf.SymbolicTensor {
  const context = contextOf(x);
  const layer = tf.layers.zeroPadding2d({ padding, name: claimName(x, `${name}_pad`) });
  return track(apply(layer, x), context, provenanceOf(x));
}

/** Checks that a k×k window with this padding fits the input, like PyTorch's "Kernel size can't be greater". */
export function checkWindow(who: string, x: tf.SymbolicTensor, kernelSize: number, padding: number): void {
  const [h, w] = imageSize(who, x);
  if (h + 2 * padding < kernelSize || w + 2 * padding < kernelSize) {
    const needed = kernelSize - 2 * padding;
    const [size, from] = [`${h}×${w}`, { layer: x.sourceLayer.name }];
    throw new ShapeError('windowTooBig', { layer: who, kernel: kernelSize, padding, needed, size, from });
  }
}
