/** What the engine does with the values cells return: race promises, spot generators, dispose tensors. */
import { isLayersModel, isTensor } from './inspect.js';

/**
 * Runtime 6 waits for a variable's previous value to settle before computing the next; a promise that
 * never settles would block it forever, so it races the variable's invalidation.
 */
export function raceInvalidation(value: unknown, invalidation: Promise<void>): unknown {
  if (!(value instanceof Promise)) return value;
  return Promise.race([value, invalidation.then(() => undefined)]);
}

export function isGenerator(value: unknown): value is AsyncGenerator | Generator {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as Generator).next === 'function' &&
    typeof (value as Generator).return === 'function'
  );
}

/** Disposes tfjs tensors and models a cell made (not ones it received as inputs) when it re-runs. */
export function disposeOwned(result: unknown, inputs: unknown[]): void {
  const values =
    result && typeof result === 'object' && !isTensor(result) && !isLayersModel(result)
      ? Object.values(result as Record<string, unknown>)
      : [result];
  for (const value of values) {
    if ((isTensor(value) || isLayersModel(value)) && !inputs.includes(value)) {
      (value as unknown as { dispose(): void }).dispose();
    }
  }
}
