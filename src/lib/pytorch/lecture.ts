/**
 * The lecture's PyTorch classes as the lessons show them beside the builder cells. The one source is
 * scripts/pytorch/lecture_nets.py (the module the parity checks import too); the page reads it at build time and
 * these functions cut out the classes a lesson shows and split lines into names a reader can point at.
 */

/** The classes shown for each lecture name (a net comes with its block class, as the lecture prints them). */
const shown: Record<string, string[]> = {
  SimpleCNN: ['SimpleCNN'],
  InceptionA: ['InceptionA'],
  InceptionNet: ['InceptionA', 'InceptionNet'],
  ResidualBlock: ['ResidualBlock'],
  ResidualNet: ['ResidualBlock', 'ResidualNet']
};

/** The lecture names lectureCode() knows. */
export const lectureNames = Object.keys(shown);

/** The source of one top-level class of `source`, from `class Name(` to the line before the next top-level line. */
export function lectureClass(source: string, name: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`class ${name}(`));
  if (start < 0) throw new RangeError(`lecture_nets.py has no class ${name}`);
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]))) end++;
  const body = lines.slice(start, end);
  while (body.at(-1) === '') body.pop();
  // The class docstrings are ours, not the lecture's: the lessons show the code as the lecture has it.
  return body
    .join('\n')
    .replace(/\n {4}"""[\s\S]*?"""\n(\n)?/, '\n')
    .trimEnd();
}

/** The code a lesson shows for a lecture name: its classes, in the lecture's order. */
export function lectureCode(source: string, name: string): string {
  const classes = shown[name];
  if (!classes) throw new RangeError(`no lecture code called ${name}; known: ${lectureNames.join(', ')}`);
  return classes.map((c) => lectureClass(source, c)).join('\n\n\n');
}

/** One piece of a line: plain text, or a name (identifier) a reader can point at. */
export interface Token {
  /** The text. */
  text: string;
  /** True for an identifier other than Python's keywords. */
  name: boolean;
}

const pyKeywords = new Set([
  'class',
  'def',
  'return',
  'self',
  'super',
  'import',
  'as',
  'for',
  'in',
  'if',
  'else'
]);

/** Splits a line of Python into names and the text between them. */
export function tokens(line: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of line.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (m.index > last) out.push({ text: line.slice(last, m.index), name: false });
    out.push({ text: m[0], name: !pyKeywords.has(m[0]) });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last), name: false });
  return out;
}
