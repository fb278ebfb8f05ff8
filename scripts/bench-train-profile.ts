// Per-kernel time of one training step (wasm + project kernels): wraps every wasm kernelFunc with a timer.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../src/lib/train/kernels/registerTrainingKernels';
import { unfuseInputConvolutions } from '../src/lib/train/inputConvolutions';
import { lectureNets } from '../src/lib/train/testing/lectureNets';

async function main() {
  if (!(await tf.setBackend('wasm'))) throw new Error('no wasm');
  registerWasmTrainingKernels();
  const totals = new Map<string, number>();
  for (const config of tf.getKernelsForBackend('wasm')) {
    const f = config.kernelFunc;
    (config as { kernelFunc: tf.KernelFunc }).kernelFunc = ((args: Parameters<tf.KernelFunc>[0]) => {
      const t0 = performance.now();
      const out = f(args);
      const dt = performance.now() - t0;
      totals.set(config.kernelName, (totals.get(config.kernelName) ?? 0) + dt);
      if (
        process.env.DETAIL &&
        [
          'Conv2D',
          'Transpose',
          'MaxPoolGrad',
          'Conv2DBackpropFilter',
          'Conv2DBackpropInput',
          'FusedConv2D'
        ].includes(config.kernelName)
      ) {
        const key = `${config.kernelName} ${Object.values(args.inputs)
          .map((t) => t?.shape.join('x') ?? '-')
          .join(' ')} ${JSON.stringify(args.attrs?.dilations ?? '')}`;
        totals.set(key, (totals.get(key) ?? 0) + dt);
      }
      return out;
    }) as tf.KernelFunc;
  }
  for (const name of (process.argv[2] ?? 'inception,residual').split(',') as ('inception' | 'residual')[]) {
    const model = lectureNets[name](1);
    if (!process.env.FUSED) unfuseInputConvolutions(model); // as the trainer does
    const opt = tf.train.sgd(0.01);
    const x = tf.randomNormal([64, 28, 28, 1]);
    const y = tf.oneHot(tf.randomUniform([64], 0, 10, 'int32') as tf.Tensor1D, 10);
    const step = () => {
      const cost = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor), true);
      cost?.dataSync();
      cost?.dispose();
    };
    step();
    step();
    totals.clear();
    const steps = 10;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < steps; i++) step();
    const ms = (performance.now() - t0) / steps;
    // CPU time of this process: on a machine shared with other jobs it varies much less than the wall time.
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / steps;
    console.log(
      `${name}: ${ms.toFixed(1)} ms/step, ${((64 * 1000) / ms).toFixed(0)} samples/s; ` +
        `CPU ${cpuMs.toFixed(1)} ms/step (${((64 * 1000) / cpuMs).toFixed(0)} samples per CPU-second)`
    );
    const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.ROWS ?? 15));
    for (const [k, v] of rows) console.log(`  ${k.padEnd(24)} ${(v / steps).toFixed(2)} ms`);
  }
}
main();
