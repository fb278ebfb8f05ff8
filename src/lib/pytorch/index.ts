/** The way out to PyTorch and back: any builder model as a Python module, its weights as .safetensors. */
export { pytorchCode, writePython, classLines } from './code';
export { planModel, type StateEntry, type TorchClass, type TorchPlan } from './plan';
export { loadPytorchWeights, pytorchWeights, torchState } from './weights';
export { readSafetensors, writeSafetensors, type SafeTensor } from './safetensors';
export { convFromTorch, convToTorch, denseFromTorch, denseToTorch } from './layout';
export type { Untranslatable } from './forward';
