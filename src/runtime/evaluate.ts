/**
 * Compiles a reader's edit in the page. The compiler (acorn and friends) is loaded on the first edit, not
 * with the page. Loops get time-based guards; the function gets a `sourceURL` so errors and the
 * browser's devtools name the cell (`cell-<id>.js`).
 */
import type { EngineCell } from './engine.js';

export async function compileEdit(id: string, source: string): Promise<EngineCell> {
  const { compileCell } = await import('../lib/notebook/compile.js');
  const compiled = compileCell(source, { loopGuards: true });
  const sourceUrl = `cell-${id}.js`;
  // Indirect eval runs in global scope: the cell sees only its parameters and the page's globals.
  const body = (0, eval)(`(${compiled.body})\n//# sourceURL=${sourceUrl}`) as EngineCell['body'];
  return { id, ...compiled, body, sourceUrl };
}
