/**
 * Skips the one gradient nobody needs: that of the convolution reading the images, with respect to the images.
 *
 * tf.layers runs every convolution as `tf.fused.conv2d` (convolution + bias in one kernel). Its gradient is a
 * `customGrad` that computes all three gradients (input, filter, bias) as soon as it is called, even when the input is
 * the batch of images, which is no variable. For the lecture's nets that wasted input gradient costs about 6 ms per
 * step, a tenth of a residual-net step. The plain ops `tf.conv2d` + `tf.add` instead have registered gradients that
 * tfjs evaluates per input, only for inputs that lead to a variable, so with them the image gradient is never
 * computed. Both give the same values; only this first layer is changed, since deeper layers need their input
 * gradient anyway and the fused kernel saves a pass over the output there.
 */
import * as tf from '@tensorflow/tfjs';

/** The fields of a tf.layers Conv2D that its `call` reads (not part of its public typings). */
interface ConvLayerInternals {
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
  strides: [number, number];
  padding: 'same' | 'valid';
  dataFormat: 'channelsLast' | 'channelsFirst';
  dilationRate: [number, number];
  activation: { apply(x: tf.Tensor): tf.Tensor };
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: object): tf.Tensor | tf.Tensor[];
}

/** The 2-D convolution layers applied directly to one of the model's inputs. */
function inputConvolutions(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((layer) => {
    if (layer.getClassName() !== 'Conv2D' || layer.inboundNodes.length !== 1) return false;
    const config = layer.getConfig();
    const plain =
      config.dataFormat !== 'channelsFirst' &&
      (config.dilationRate === undefined ||
        [config.dilationRate].flat().every((d) => d === 1 || d === undefined));
    const inbound = layer.inboundNodes[0].inboundLayers;
    return plain && inbound.length === 1 && inbound[0].getClassName() === 'InputLayer';
  });
}

/**
 * Makes the convolutions that read the model's input run unfused while training, so tfjs skips their input gradient.
 * Returns a function that puts the layers back as they were.
 */
export function unfuseInputConvolutions(model: tf.LayersModel): () => void {
  const changed = inputConvolutions(model);
  for (const layer of changed) {
    const conv = layer as unknown as ConvLayerInternals;
    // An own property shadows Conv2D.prototype.call; deleting it below restores the prototype's method.
    conv.call = (inputs) =>
      tf.tidy(() => {
        const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
        const filter = conv.kernel.read() as tf.Tensor4D;
        let y: tf.Tensor = tf.conv2d(x, filter, conv.strides, conv.padding, 'NHWC', conv.dilationRate);
        if (conv.bias) y = tf.add(y, conv.bias.read());
        return conv.activation.apply(y);
      });
  }
  return () => {
    for (const layer of changed) delete (layer as unknown as Partial<ConvLayerInternals>).call;
  };
}
