/**
 * One nn.Module's body from a piece of the analysed graph: the sub-modules its __init__ creates and the lines of
 * its forward(). The graph is walked in topological order; a layer's call is written inside its consumer's (so a
 * chain reads `F.relu(self.mp(self.conv1(x)))`, as the lecture writes it) unless the value is used twice, feeds a
 * merge or a flatten, or would put two weighted calls on one line. Variables are named as the lecture names them:
 * `x` along the main line, a branch after its first weighted layer (`branch5x5` for branch5x5_1 → branch5x5_2),
 * `y` for any other side branch, and a name is reassigned only once nothing still reads its old value.
 */
import type { GraphNode } from '../nn/graph';

/** A node of the piece being written: a graph node, or a whole block standing for its layers. */
export interface BodyNode {
  /** Id (the graph node id, or the block id). */
  id: string;
  /** Ids of the nodes feeding it, in argument order. */
  inputs: string[];
  /** The graph node, for layers. */
  node?: GraphNode;
  /** For a block: the Python constructor call and the name of the attribute that holds it. */
  block?: { attr: string; ctor: string };
}

/** A sub-module created in __init__. */
export interface ModuleLine {
  /** Attribute name (`self.<attr>`). */
  attr: string;
  /** The constructor, e.g. "nn.Conv2d(in_channels, 16, kernel_size=1)". */
  ctor: string;
  /** The tfjs layer it stands for (blocks: the block id). */
  layer: string;
  /** What it is: a layer kind ("conv", "dense", "batchnorm", "pool", "dropout") or "block". */
  kind: string;
}

/** A layer the generator cannot write in PyTorch, and why. */
export interface Untranslatable {
  /** The layer's name. */
  layer: string;
  /** Its tfjs class. */
  className: string;
  /** Why, in words (English; it also appears as a comment in the code). */
  reason: string;
}

/** What a layer becomes: a call on a sub-module, or an expression on its inputs. */
export interface Translation {
  /** The sub-module, when the layer is one (`self.<attr>(x)`). */
  module?: { ctor: string; kind: string; weighted: boolean };
  /** Otherwise: the expression, given its inputs' expressions. */
  expr?: (args: string[]) => string;
  /** The expression is a sum (needs parentheses before `.view`). */
  binary?: boolean;
  /** A functional call with arguments that reads best on its own line (F.avg_pool2d before a conv). */
  ownLine?: boolean;
  /** The node only passes its input through (the permute of a flatten({ torchOrder: true })). */
  alias?: boolean;
  /** Why it cannot be written, if it cannot. */
  problem?: string;
}

/** The body of a module. */
export interface Body {
  /** Sub-modules, in order of first use. */
  modules: ModuleLine[];
  /** Lines of forward(self, x), without indentation. */
  forward: string[];
  /** Layers that could not be written. */
  problems: Untranslatable[];
}

const weightedKinds = new Set(['conv', 'dense', 'batchnorm', 'block']);
const keywords = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield self forward training x y in_size'.split(
    ' '
  )
);

/** A layer name as a Python identifier: "branch5x5_2" stays, "my-conv" → "my_conv", "1x1" → "_1x1". */
export function pyName(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (/^[0-9]/.test(s)) s = `_${s}`;
  return keywords.has(s) ? `${s}_` : s;
}

/** "branch5x5_1" → "branch5x5", "mp_2" → "mp": the name without a trailing "_<number>". */
export function baseName(name: string): string {
  return name.replace(/_\d+$/, '') || name;
}

/**
 * Writes the body of one module. `nodes` are in topological order; `inputId` is the value forward() receives
 * (as `x`, it may lie outside `nodes`), `outputId` the value it returns.
 */
export function writeBody(
  nodes: BodyNode[],
  inputId: string,
  outputId: string,
  translate: (node: GraphNode) => Translation
): Body {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const translations = new Map<string, Translation>();
  for (const n of nodes) if (n.node) translations.set(n.id, translate(n.node));

  // Aliases pass their input through: resolve every input to the value it really is.
  const resolve = (id: string): string => {
    const n = byId.get(id);
    return n && translations.get(id)?.alias ? resolve(n.inputs[0]) : id;
  };
  const live = nodes.filter((n) => n.id !== inputId && !translations.get(n.id)?.alias);
  const inputsOf = new Map(live.map((n) => [n.id, n.inputs.map(resolve)]));
  const consumers = new Map<string, string[]>();
  for (const n of live)
    for (const i of inputsOf.get(n.id) ?? []) consumers.set(i, [...(consumers.get(i) ?? []), n.id]);
  const outId = resolve(outputId);

  const modules: ModuleLine[] = [];
  const problems: Untranslatable[] = [];
  const attrOf = new Map<string, string>(); // node id → attribute
  const usedAttrs = new Map<string, string>(); // attribute → ctor
  const claimAttr = (want: string, ctor: string, share: boolean): [string, boolean] => {
    if (share && usedAttrs.get(want) === ctor) return [want, false];
    let attr = want;
    for (let i = 2; usedAttrs.has(attr); i++) attr = `${want}${i}`;
    usedAttrs.set(attr, ctor);
    return [attr, true];
  };

  const kindOfNode = (id: string) => {
    const n = byId.get(id);
    return n?.block ? 'block' : (n?.node?.kind ?? 'input');
  };
  const callsWeighted = new Map<string, boolean>(); // does the node's expression contain a weighted call?
  const materialized = new Set<string>([inputId]);
  const expr = new Map<string, string>([[inputId, 'x']]);
  const binary = new Set<string>();
  const varOf = new Map<string, string>([[inputId, 'x']]);
  const holders = new Map<string, string>([['x', inputId]]); // variable → node whose value it holds now
  const done = new Set<string>([inputId]);
  const forward: string[] = [];
  let usesInSize = false;

  // The first weighted layer along the single-consumer path from `id`, for naming a branch ('y' if none).
  const branchName = (id: string): string => {
    let cur: string | undefined = id;
    while (cur) {
      const n = byId.get(cur);
      if (n && weightedKinds.has(kindOfNode(cur))) {
        const short = n.block ? n.block.attr : (n.node?.shortName ?? cur);
        return pyName(baseName(short));
      }
      const next: string[] = consumers.get(cur) ?? [];
      cur = next.length === 1 && (inputsOf.get(next[0])?.length ?? 0) === 1 ? next[0] : undefined;
    }
    return 'y';
  };
  const wantedVar = (id: string): string => {
    const ins = inputsOf.get(id) ?? [];
    if (ins.length !== 1) return 'x';
    const p = ins[0];
    const siblings = consumers.get(p) ?? [];
    if (siblings.length > 1) {
      // Parallel branches are named after their first weighted layer (branch5x5, left, right); a lone side
      // branch beside a skip connection is the lecture's `y`.
      const merges = ['concat', 'add', 'merge'];
      const branches = siblings.filter((c) => !merges.includes(kindOfNode(c)));
      const name = branchName(id);
      return branches.length > 1 || name.startsWith('branch') ? name : 'y';
    }
    return varOf.get(p) ?? wantedVar(p);
  };
  // A variable may be reassigned when nobody still needs the value it holds.
  const free = (v: string, by: string, inlined: Set<string>) => {
    const holder = holders.get(v);
    if (holder === undefined) return true;
    return (consumers.get(holder) ?? []).every((c) => done.has(c) || c === by || inlined.has(c));
  };

  const mustMaterialize = (id: string): boolean => {
    if (id === outId) return true;
    const cs = consumers.get(id) ?? [];
    if (cs.length !== 1) return true;
    const c = cs[0];
    const ck = kindOfNode(c);
    if (ck === 'concat' || ck === 'add' || ck === 'merge' || ck === 'flatten') return true;
    if (kindOfNode(id) === 'flatten') return true;
    // A BatchNorm reads well inside its consumer's call (F.relu(self.bn1(self.conv1(x)))); a conv, a dense
    // layer or a block starts a line of its own once the value already went through one.
    const cWeighted = ck === 'conv' || ck === 'dense' || ck === 'block';
    if (cWeighted && (callsWeighted.get(id) || translations.get(id)?.ownLine)) return true;
    return false;
  };

  for (const n of live) {
    const t = translations.get(n.id);
    const ins = inputsOf.get(n.id) ?? [];
    // A sum read by a method call (`(x + y).view(…)`) needs parentheses; as a function's argument it does not.
    const postfix = n.node?.kind === 'flatten' || n.node?.className.startsWith('Global') === true;
    const args = ins.map((i) =>
      postfix && binary.has(i) && !materialized.has(i) ? `(${expr.get(i)})` : (expr.get(i) ?? 'x')
    );
    let text: string;
    let weighted = ins.some((i) => !materialized.has(i) && callsWeighted.get(i));
    if (n.block) {
      modules.push({ attr: n.block.attr, ctor: n.block.ctor, layer: n.id, kind: 'block' });
      text = `self.${n.block.attr}(${args[0]})`;
      weighted = true;
    } else if (!t || t.problem || !n.node) {
      const node = n.node as GraphNode;
      const reason = t?.problem ?? 'unknown layer';
      problems.push({ layer: node.name, className: node.className, reason });
      forward.push(`# ${node.name} (${node.className}): ${reason}`);
      forward.push(`raise NotImplementedError(${JSON.stringify(`${node.name}: ${reason}`)})`);
      text = args[0] ?? 'x';
    } else if (t.module) {
      const node = n.node;
      const shared = node.sharedWith ? attrOf.get(node.sharedWith) : undefined;
      let attr = shared;
      if (!attr) {
        const share = t.module.kind === 'pool' || t.module.kind === 'dropout';
        const [a, isNew] = claimAttr(
          pyName(share ? baseName(node.shortName) : node.shortName),
          t.module.ctor,
          share
        );
        attr = a;
        if (isNew) modules.push({ attr, ctor: t.module.ctor, layer: node.name, kind: t.module.kind });
      }
      attrOf.set(n.id, attr);
      text = `self.${attr}(${args[0]})`;
      weighted ||= t.module.weighted;
    } else {
      text = (t.expr as (a: string[]) => string)(args);
      if (t.binary) binary.add(n.id);
      if (n.node.kind === 'flatten') usesInSize = true;
    }
    expr.set(n.id, text);
    callsWeighted.set(n.id, weighted);
    if (!mustMaterialize(n.id)) continue;

    // Written out: as `return …`, or assigned to a variable.
    const inlined = new Set<string>();
    const collect = (id: string) => {
      for (const i of inputsOf.get(id) ?? []) {
        if (!materialized.has(i)) {
          inlined.add(i);
          collect(i);
        }
      }
    };
    collect(n.id);
    if (n.id === outId) {
      forward.push(`return ${text}`);
    } else {
      const want = wantedVar(n.id);
      let v = want;
      for (let i = 2; !free(v, n.id, inlined); i++) v = `${want}${i}`;
      forward.push(`${v} = ${text}`);
      varOf.set(n.id, v);
      holders.set(v, n.id);
      expr.set(n.id, v);
      binary.delete(n.id);
    }
    materialized.add(n.id);
    for (const i of inlined) done.add(i);
    done.add(n.id);
  }
  if (usesInSize) forward.unshift('in_size = x.size(0)');
  return { modules, forward, problems };
}
