/**
 * Names a cell may use without another cell defining them: the browser's own globals. Anything else a
 * cell reads must come from another cell or a builtin, so a typo gives "x is not defined" instead of
 * silently resolving to a window property such as `name`, `status` or `top`.
 */
export const knownGlobals = new Set([
  'Array', 'ArrayBuffer', 'AbortController', 'Atomics', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Blob',
  'Boolean', 'CustomEvent', 'DataView', 'Date', 'DOMParser', 'Error', 'EvalError', 'Event', 'EventTarget',
  'File', 'FileReader', 'Float32Array', 'Float64Array', 'FormData', 'Function', 'Image', 'ImageData',
  'Infinity', 'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'JSON', 'Map', 'Math', 'NaN', 'Number',
  'Object', 'OffscreenCanvas', 'Path2D', 'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'Reflect',
  'RegExp', 'ResizeObserver', 'Set', 'String', 'Symbol', 'SyntaxError', 'TextDecoder', 'TextEncoder',
  'TypeError', 'URIError', 'URL', 'URLSearchParams', 'Uint16Array', 'Uint32Array', 'Uint8Array',
  'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet', 'WebAssembly', 'Worker', 'AggregateError',
  'cancelAnimationFrame', 'clearInterval', 'clearTimeout', 'console', 'crypto', 'decodeURI',
  'decodeURIComponent', 'document', 'encodeURI', 'encodeURIComponent', 'fetch', 'globalThis', 'isFinite',
  'isNaN', 'localStorage', 'location', 'navigator', 'parseFloat', 'parseInt', 'performance',
  'queueMicrotask', 'requestAnimationFrame', 'setInterval', 'setTimeout', 'structuredClone', 'undefined',
  'window', 'getComputedStyle', 'matchMedia', 'alert', 'arguments'
]);
