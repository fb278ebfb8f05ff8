/**
 * Pooling, PyTorch style: nn.MaxPool2d, nn.AvgPool2d / F.avg_pool2d, nn.AdaptiveAvgPool2d(1).
 *
 * Padding needs care: PyTorch's average pooling counts the zero padding in the mean by default
 * (count_include_pad=True) while tfjs 'same' average pooling leaves it out, so a padded AvgPool2d is built as an
 * explicit ZeroPadding2D + 'valid' pooling, which is exactly PyTorch's result. Max pooling pads with −∞ in
 * PyTorch, which tfjs 'same' also does, so only 'same'-shaped max-pool padding is offered.
 */
import * as tf from '@tensorflow/tfjs';
import { checkSize } from './cost';
import { claimName, contextOf, provenanceOf, track } from './provenance';
import type { Module, NameOptions } from './layers';
import { apply, checkWindow, imageSize, paddingMode, remember, ShapeError, zeroPad } from './util';

/** Options of the pooling builders, as in PyTorch. */
export interface PoolOptions extends NameOptions {
  /** Step between windows. Default: the kernel size. */
  stride?: number;
  /** Padding on each side. Default 0. */
  padding?: number;
}

function poolArgs(what: string, kernelSize: number, options: PoolOptions) {
  checkSize(`${what} kernelSize`, kernelSize);
  const stride = checkSize(`${what} stride`, options.stride ?? kernelSize);
  const padding = checkSize(`${what} padding`, options.padding ?? 0, true);
  if (2 * padding > kernelSize) {
    throw new ShapeError('poolPadding', { layer: what, padding, kernel: kernelSize });
  }
  const extras =
    (stride !== kernelSize ? `, stride=${stride}` : '') + (padding ? `, padding=${padding}` : '');
  return {
    stride,
    padding,
    mode: paddingMode(kernelSize, stride, padding),
    repr: `(kernel_size=${kernelSize}${extras})`
  };
}

/** nn.MaxPool2d(kernelSize, stride=kernelSize, padding=0). Stateless: a new tfjs layer per use. */
export function MaxPool2d(kernelSize: number, options: PoolOptions = {}): Module {
  const { stride, padding, mode, repr } = poolArgs('MaxPool2d', kernelSize, options);
  if (mode === 'explicit') {
    throw new ShapeError('maxPoolPadding', { padding, kernel: kernelSize, stride });
  }
  return (x) => {
    const context = contextOf(x);
    const name = claimName(x, options.name ?? 'maxpool2d');
    checkWindow(name, x, kernelSize, padding);
    const layer = remember(
      tf.layers.maxPooling2d({ name, poolSize: kernelSize, strides: stride, padding: mode }),
      `MaxPool2d${repr}`
    );
    return track(apply(layer, x), context, provenanceOf(x));
  };
}

/** nn.AvgPool2d(kernelSize, stride=kernelSize, padding=0), padding counted in the mean as in PyTorch. */
export function AvgPool2d(kernelSize: number, options: PoolOptions = {}): Module {
  const { stride, padding, repr } = poolArgs('AvgPool2d', kernelSize, options);
  return (x) => {
    const context = contextOf(x);
    const name = claimName(x, options.name ?? 'avgpool2d');
    checkWindow(name, x, kernelSize, padding);
    const padded = padding ? zeroPad(x, padding, name) : x;
    const layer = remember(
      tf.layers.averagePooling2d({ name, poolSize: kernelSize, strides: stride, padding: 'valid' }),
      `AvgPool2d${repr}`
    );
    return track(apply(layer, padded), context, provenanceOf(x));
  };
}

/** F.avg_pool2d(x, kernel_size, stride, padding): the functional form the lecture's InceptionA uses. */
export function avgPool2d(
  x: tf.SymbolicTensor,
  kernelSize: number,
  options: PoolOptions = {}
): tf.SymbolicTensor {
  return AvgPool2d(kernelSize, options)(x);
}

/** nn.AdaptiveAvgPool2d(1): global average pooling to C×1×1 (then flatten gives C features). */
export function AdaptiveAvgPool2d(outputSize: 1, options: NameOptions = {}): Module {
  if (outputSize !== 1) throw new ShapeError('adaptivePoolSize', undefined);
  return (x) => {
    const context = contextOf(x);
    const name = claimName(x, options.name ?? 'adaptiveavgpool2d');
    const [h, w] = imageSize(name, x);
    const layer = remember(
      tf.layers.averagePooling2d({ name, poolSize: [h, w], strides: [h, w], padding: 'valid' }),
      'AdaptiveAvgPool2d(output_size=1)'
    );
    return track(apply(layer, x), context, provenanceOf(x));
  };
}
