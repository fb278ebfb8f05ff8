/**
 * Makes tfjs's multi-threaded wasm backend survive minification.
 *
 * tfjs starts each wasm thread (a Web Worker) from a Blob holding `factory.toString()`, the source text of the
 * Emscripten factory function. That function reads one variable from the scope around it, `_scriptDir`, guarded by
 * `typeof _scriptDir !== "undefined"`. The minifier renames the variable and, seeing it declared, drops the guard, so
 * every thread dies with "e is not defined" and training hangs. Neither use matters to us: tfjs always sets
 * `mainScriptUrlOrBlob` and `locateFile`. So before bundling, the two uses are taken out and the function depends
 * on nothing around it. If tfjs changes that code, the build fails here rather than in a reader's browser.
 */
import type { Plugin } from 'vite';

const threadedModule = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

const edits: [string, string][] = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  ['"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir', '"urlOrBlob":Module["mainScriptUrlOrBlob"]']
];

/** The threaded module's source with the factory's outer-scope reads removed. */
export function detachFactory(source: string): string {
  let result = source;
  for (const [from, to] of edits) {
    if (!result.includes(from)) throw new Error(`wasm-threads-plugin: tfjs-backend-wasm changed; "${from}" not found`);
    result = result.replace(from, to);
  }
  return result;
}

export function wasmThreads(): Plugin {
  return {
    name: 'wasm-threads',
    enforce: 'pre',
    transform(source, id) {
      return threadedModule.test(id) ? { code: detachFactory(source), map: null } : null;
    }
  };
}
