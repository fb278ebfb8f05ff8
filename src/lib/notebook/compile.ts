/**
 * The cell compiler: turns the plain JavaScript of one cell into a function the reactive runtime can call.
 *
 * A cell is either a single expression (its value is displayed) or a list of statements whose top-level
 * declarations become named values other cells can use. The same compiler runs at build time (for the
 * shipped notebook) and in the browser (for a reader's edit, then with loop guards).
 */
import { Parser, tokTypes, type Node, type Options } from 'acorn';
import { analyze, extract_names } from 'periscopic';
import type * as ESTree from 'estree';
import { word, type Wording } from '../i18n/worded.js';
import { knownGlobals } from './globals.js';
import { guardLoops } from './loop-guard.js';

/** The result of compiling one cell. */
export interface CompiledCell {
  /** names the cell reads from other cells or builtins, in order of first use */
  inputs: string[];
  /** names the cell declares at top level, visible to other cells */
  outputs: string[];
  /** true when the cell is a single expression whose value is shown */
  autodisplay: boolean;
  /** true when the body uses `await` at top level */
  async: boolean;
  /** true when the body uses `yield` at top level; each yielded value is shown in turn */
  generator: boolean;
  /** source of a function expression `(display, view, __loopGuard, ...inputs) => …` */
  body: string;
  /** the line of `body` on which the cell's own first line is (an error on body line n is cell line n − firstLine + 1) */
  firstLine: number;
  /** a friendly note for the reader about a likely mistake (not an error), if any; the page words it */
  hint?: Wording;
}

/** A compile error with a position in the cell's own source (1-based line, 0-based column). */
export class CellSyntaxError extends SyntaxError {
  /** 1-based line in the cell's source */
  line: number;
  /** 0-based column in that line */
  column: number;
  /** offset in the cell's source */
  pos: number;
  /** what to say, when it is one of our own messages (the page words it in its language) */
  wording?: Wording;
  constructor(message: string, line: number, column: number, pos: number, wording?: Wording) {
    super(message);
    this.name = 'SyntaxError';
    this.line = line;
    this.column = column;
    this.pos = pos;
    this.wording = wording;
  }
}

export interface CompileOptions {
  /** inject time-based guards into every loop (used for reader edits) */
  loopGuards?: boolean;
}

/** Parameters every cell function receives before its inputs. */
export const cellParameters = ['display', 'view', '__loopGuard'] as const;

const parameterNames = new Set<string>(cellParameters);

/**
 * Names the notebook gives each cell: its parameters, and the runtime's per-cell `invalidation` and
 * `visibility`. A cell that declared one would hide it from every other cell (the runtime resolves names
 * in the notebook before its own), so declaring one is an error in that cell.
 */
export const reservedNames: ReadonlySet<string> = new Set([...cellParameters, 'invalidation', 'visibility']);

const acornOptions: Options = {
  ecmaVersion: 'latest',
  sourceType: 'module',
  allowAwaitOutsideFunction: true,
  locations: true
};

// The statements of a cell are parsed as the body of an async generator function, so that both top-level
// `await` and `yield` parse. The prefix ends in a newline so columns in the cell are unchanged.
const wrapperPrefix = 'async function* cell() {\n';

export function compileCell(source: string, options: CompileOptions = {}): CompiledCell {
  rejectImports(source);
  const expression = parseAsExpression(source);
  if (expression) return compileExpression(source, expression, options);
  return compileStatements(source, options);
}

function compileExpression(source: string, expression: Node, options: CompileOptions): CompiledCell {
  // An expression is analysed as the program `(expr);` so that periscopic sees a complete tree.
  const program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression }]
  };
  const inputs = freeNames(program as unknown as ESTree.Program);
  const isAsync = usesTopLevel(expression, 'AwaitExpression');
  const code = options.loopGuards ? guardLoops(source, expression as unknown as ESTree.Node) : source;
  const body = functionSource(isAsync, false, inputs, `return (\n${code}\n);`);
  return { inputs, outputs: [], autodisplay: true, async: isAsync, generator: false, body, firstLine: 3 };
}

function compileStatements(source: string, options: CompileOptions): CompiledCell {
  const fn = parseStatements(source);
  const statements = fn.body.body;
  for (const statement of statements) {
    findTopLevel(statement, 'ReturnStatement', (node) => {
      throw errorAt(source, node.start - wrapperPrefix.length, { key: 'topLevelReturn', params: undefined });
    });
  }
  const outputs = declaredNames(statements);
  rejectReserved(source, statements);
  const program = { type: 'Program', sourceType: 'module', body: statements } as unknown as ESTree.Program;
  const inputs = freeNames(program).filter((name) => !outputs.includes(name));
  const isAsync = statements.some((s) => usesTopLevel(s, 'AwaitExpression'));
  const isGenerator = statements.some((s) => usesTopLevel(s, 'YieldExpression'));
  if (isGenerator && outputs.length > 0) {
    throw errorAt(source, 0, { key: 'yieldWithNames', params: { names: outputs } });
  }
  let code = source;
  if (options.loopGuards) {
    const offset = wrapperPrefix.length;
    code = guardLoops(source, { type: 'Program', body: statements } as unknown as ESTree.Node, offset);
  }
  const ret = outputs.length ? `\nreturn {${outputs.join(', ')}};` : '';
  const body = functionSource(isAsync || isGenerator, isGenerator, inputs, `${code}${ret}`);
  return {
    inputs,
    outputs,
    autodisplay: isGenerator,
    async: isAsync,
    generator: isGenerator,
    body,
    firstLine: 2,
    hint: trailingSemicolonHint(statements, source)
  };
}

/** The generated function: its header on line 1, `code` from line 2. */
function functionSource(isAsync: boolean, isGenerator: boolean, inputs: string[], code: string): string {
  const keyword = `${isAsync ? 'async ' : ''}function${isGenerator ? '*' : ''}`;
  return `${keyword} (${[...cellParameters, ...inputs].join(', ')}) {\n${code}\n}`;
}

/** The parts of acorn's Parser used to read a single expression (public at run time, protected in the types). */
type ExpressionParser = new (
  options: Options,
  input: string,
  startPos: number
) => { nextToken(): void; parseExpression(): Node; type: unknown };

/** A cell that is a whole expression: `x * 2`, `({a: 1})`, `await fetch(…)`. Null when it is not one. */
function parseAsExpression(source: string): Node | null {
  let expression: Node;
  // Parse one expression, then require the parser to be at the end: `a; b` is a program, and a node's own
  // range is no guide because it leaves out surrounding parentheses.
  const parser = new (Parser as unknown as ExpressionParser)(acornOptions, source, 0);
  try {
    parser.nextToken();
    expression = parser.parseExpression();
    if (parser.type !== tokTypes.eof) return null;
  } catch {
    return null;
  }
  // `function f() {}` and `class K {}` parse as expressions too, but a reader means a declaration
  // that other cells can use (only a parenthesised `(function () {})` is a value to display).
  const isDeclarationLike = expression.type === 'FunctionExpression' || expression.type === 'ClassExpression';
  if (isDeclarationLike && source.trimStart()[0] !== '(') return null;
  return expression;
}

function parseStatements(source: string): ESTree.FunctionDeclaration {
  try {
    const program = Parser.parse(`${wrapperPrefix}${source}\n}`, acornOptions) as unknown as ESTree.Program;
    return program.body[0] as ESTree.FunctionDeclaration;
  } catch (error) {
    const e = error as SyntaxError & { pos: number };
    const pos = Math.min(Math.max(0, e.pos - wrapperPrefix.length), source.length);
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw errorAt(source, pos, explainSyntaxError(message));
  }
}

/**
 * acorn's message as a catalogue wording, so the page can say it in its language: the common ones by name
 * (with the identifier or character they quote), any other as acorn words it (syntaxOther).
 */
export function explainSyntaxError(message: string): Wording {
  if (message.startsWith("'return' outside")) return { key: 'topLevelReturn', params: undefined };
  for (const [pattern, toWording] of acornMessages) {
    const match = pattern.exec(message);
    if (match) return toWording(match);
  }
  return { key: 'syntaxOther', params: { message } };
}

const acornMessages: [RegExp, (match: RegExpExecArray) => Wording][] = [
  [/^Unexpected token$/, () => ({ key: 'syntaxUnexpectedToken', params: undefined })],
  [/^Unexpected character '(.+)'$/, (m) => ({ key: 'syntaxUnexpectedCharacter', params: { char: m[1] } })],
  [/^Unterminated string constant$/, () => ({ key: 'syntaxUnterminatedString', params: undefined })],
  [/^Unterminated template( literal)?$/, () => ({ key: 'syntaxUnterminatedTemplate', params: undefined })],
  [/^Unterminated comment$/, () => ({ key: 'syntaxUnterminatedComment', params: undefined })],
  [/^Unterminated regular expression$/, () => ({ key: 'syntaxUnterminatedRegExp', params: undefined })],
  [
    /^Identifier '(.+)' has already been declared$/,
    (m) => ({ key: 'syntaxRedeclared', params: { name: m[1] } })
  ],
  [
    /^Missing initializer in (\w+) declaration$/,
    (m) => ({ key: 'syntaxMissingInitializer', params: { kind: m[1] } })
  ],
  [/^Assigning to rvalue$/, () => ({ key: 'syntaxAssignToRvalue', params: undefined })],
  [/^Unexpected keyword '(.+)'$/, (m) => ({ key: 'syntaxUnexpectedKeyword', params: { name: m[1] } })],
  [/^The keyword '(.+)' is reserved$/, (m) => ({ key: 'syntaxReservedWord', params: { name: m[1] } })],
  [/^Invalid number$/, () => ({ key: 'syntaxInvalidNumber', params: undefined })],
  [/^Identifier directly after number$/, () => ({ key: 'syntaxIdentifierAfterNumber', params: undefined })]
];

/** `import` cannot work in an edited cell (there is no bundler in the page); say which names exist instead. */
function rejectImports(source: string): void {
  let program: ESTree.Program;
  try {
    program = Parser.parse(source, acornOptions) as unknown as ESTree.Program;
  } catch {
    return; // not a valid module either: the real parse reports the error
  }
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' || statement.type === 'ExportNamedDeclaration') {
      const start = (statement as unknown as Node).start;
      const from = statement.type === 'ImportDeclaration' ? String(statement.source.value) : null;
      throw errorAt(source, start, { key: 'importRefused', params: { source: from } });
    }
  }
}

/** Names referenced but never declared in the cell, minus the browser's own globals. */
function freeNames(program: ESTree.Program): string[] {
  const { globals } = analyze(program);
  // Sorted by first use, so a cell's inputs read in the order the reader wrote them.
  const byPosition = [...globals].sort(([, a], [, b]) => (a as AnyNode).start - (b as AnyNode).start);
  return byPosition
    .map(([name]) => name)
    .filter((name) => !knownGlobals.has(name) && !parameterNames.has(name));
}

/** A top-level declaration of a name the notebook gives every cell is an error at that declaration. */
function rejectReserved(source: string, statements: ESTree.Statement[]): void {
  for (const statement of statements) {
    const name = declaredNames([statement]).find((n) => reservedNames.has(n));
    if (name) {
      const start = (statement as unknown as Node).start - wrapperPrefix.length;
      throw errorAt(source, start, { key: 'reservedName', params: { name } });
    }
  }
}

function declaredNames(statements: ESTree.Statement[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) names.push(...extract_names(declarator.id));
    } else if (
      (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') &&
      statement.id
    ) {
      names.push(statement.id.name);
    }
  }
  return names;
}

/** A cell like `x * 2;` shows nothing; the reader almost always meant to see the value. */
function trailingSemicolonHint(statements: ESTree.Statement[], source: string): Wording | undefined {
  if (statements.length !== 1 || statements[0].type !== 'ExpressionStatement') return undefined;
  const expression = statements[0].expression;
  if (expression.type === 'AssignmentExpression' || expression.type === 'UpdateExpression') return undefined;
  if (expression.type === 'CallExpression') return undefined; // display(x); and console.log(x); are fine
  if (!source.trimEnd().endsWith(';')) return undefined;
  return { key: 'trailingSemicolon', params: undefined };
}

type AnyNode = ESTree.Node & { start: number; end: number };

/** Calls `visit` for each node of `type` that is not inside a nested function or class. */
function findTopLevel(node: ESTree.Node | Node, type: string, visit: (node: AnyNode) => void): void {
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const current = n as AnyNode;
    if (typeof current.type !== 'string') return;
    if (current.type === type) visit(current);
    if (isFunctionBoundary(current.type)) return;
    for (const key of Object.keys(current)) {
      if (key !== 'loc') walk((current as unknown as Record<string, unknown>)[key]);
    }
  };
  walk(node);
}

function isFunctionBoundary(type: string): boolean {
  return (
    type === 'FunctionDeclaration' ||
    type === 'FunctionExpression' ||
    type === 'ArrowFunctionExpression' ||
    type === 'ClassDeclaration' ||
    type === 'ClassExpression'
  );
}

function usesTopLevel(node: ESTree.Node | Node, type: string): boolean {
  let found = false;
  findTopLevel(node, type, () => (found = true));
  // `for await` is an await at top level too.
  findTopLevel(node, 'ForOfStatement', (n) => {
    if (type === 'AwaitExpression' && (n as unknown as ESTree.ForOfStatement).await) found = true;
  });
  return found;
}

/** A CellSyntaxError at `pos`, saying `what` (acorn's message mapped, or one of ours, from the catalogue). */
export function errorAt(source: string, pos: number, what: Wording): CellSyntaxError {
  const before = source.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - (before.lastIndexOf('\n') + 1);
  return new CellSyntaxError(`${word(what)} (line ${line}, column ${column + 1})`, line, column, pos, what);
}
