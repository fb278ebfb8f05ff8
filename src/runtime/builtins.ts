/**
 * The names every cell can use without defining them. Heavy libraries are functions that import on
 * first use: the runtime calls a builtin's function only when some cell reads that name, so `tf`
 * (megabytes) and `d3` load only on pages whose cells use them.
 */
import { html, svg } from 'htl';
import { Generators, now, width } from './generators.js';

/**
 * text`Train live` is just the string "Train live". Lessons write the words a reader sees inside code (a
 * button's label, an exercise's hint, a chart's legend) this way so the Chinese edition may word them
 * differently: its drift check lets the text of text``, md``, html`` and svg`` templates differ and
 * nothing else (src/lib/notebook/drift.ts).
 */
function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, part, i) => out + String(values[i - 1]) + part);
}

/** A builtin: a value, or a function the runtime calls (once, lazily) to produce the value. */
export type Builtins = Record<string, unknown>;

export function standardBuiltins(measureWidth: () => number): Builtins {
  return {
    d3: () => import('d3'),
    tf: () => import('./tf.js').then((m) => m.loadTf()),
    html: () => html,
    svg: () => svg,
    md: () => import('./md.js').then((m) => m.md),
    tex: () => import('./tex.js').then((m) => m.tex),
    text: () => text,
    width: () => width(measureWidth),
    now: () => now(),
    Generators: () => Generators,
    Inputs: () => import('./inputs.js')
  };
}
