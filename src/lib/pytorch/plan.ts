/**
 * Plans the PyTorch module of a model: one nn.Module class per kind of block (found from the "incep1/…" name
 * prefixes, so it works on a model rebuilt from JSON), the net's own class, and the `state_dict()` keys with the
 * tfjs weight each one comes from.
 *
 * A block's class is its written body with the block's input channels turned into the constructor argument:
 * `channels` when every conv and BatchNorm in it keeps the channel count (ResidualBlock), else `in_channels` for
 * the layers that read the block's input (InceptionA). Blocks whose bodies read the same share a class; a body that
 * is exactly the lecture's (or a builder's) takes that class's name, one whose layers are a known block's but
 * differ (a reader's widened branch) becomes `EditedInceptionA` with a comment saying what changed.
 */
import * as tf from '@tensorflow/tfjs';
import { analyseModel, type GraphNode, type ModelGraph } from '../nn/graph';
import { ConvBnRelu, InceptionA, ResidualBlock, ResidualPair } from '../nn/blocks';
import { buildModel, input } from '../nn/layers';
import type { Module } from '../nn/layers';
import { baseName, pyName, writeBody, type BodyNode, type ModuleLine, type Untranslatable } from './forward';
import { digits, translate, type ChannelWords } from './translate';

/** One class of the generated module. */
export interface TorchClass {
  /** Class name, e.g. "InceptionA". */
  name: string;
  /** Constructor parameter, if any ("in_channels", "channels"). */
  param?: string;
  /** Sub-modules of __init__. */
  modules: ModuleLine[];
  /** Lines of forward(). */
  forward: string[];
  /** A comment above the class (what a reader changed), or "". */
  comment: string;
}

/** Where one tensor of the state_dict comes from. */
export interface StateEntry {
  /** The state_dict key, e.g. "incep1.branch5x5_2.weight". */
  key: string;
  /** The tfjs layer holding it. */
  layer: string;
  /** Which tfjs weight: "kernel", "bias", "gamma", "beta", "moving_mean", "moving_variance", or "count". */
  weight: string;
  /** How the values are laid out: conv kernel, dense kernel, a vector, or BatchNorm's int64 step count. */
  layout: 'conv' | 'dense' | 'vector' | 'count';
  /** PyTorch's shape. */
  shape: number[];
  /** For a dense kernel after a tfjs flatten: the [C, H, W] whose H×W×C order must become C×H×W. */
  flattenFrom?: [number, number, number];
}

/** The planned module. */
export interface TorchPlan {
  /** Block classes, in order of first use. */
  classes: TorchClass[];
  /** The net's class. */
  net: TorchClass;
  /** The state_dict, in PyTorch's order. */
  state: StateEntry[];
  /** Layers that could not be written. */
  problems: Untranslatable[];
  /** The input shape, C×H×W (or [features]). */
  inputShape: number[];
}

interface BlockInstance {
  id: string;
  members: GraphNode[];
  input: GraphNode;
  output: GraphNode;
  classKey: string;
  param?: string;
  arg?: number;
  cls: TorchClass;
  problems: Untranslatable[];
}

const known: [string, (c: number) => Module][] = [
  ['InceptionA', (c) => InceptionA(c, { name: 'b' })],
  ['ResidualBlock', (c) => ResidualBlock(c, { name: 'b' })],
  ['ResidualPair', (c) => ResidualPair(c, { name: 'b' })],
  ['ConvBnRelu', (c) => ConvBnRelu(c, { name: 'b' })]
];

/** The known blocks as written by this generator: name → body text and layer names (built once, on first use). */
let canon: { name: string; text: string; names: string; modules: ModuleLine[] }[] | undefined;
function canonical() {
  if (canon) return canon;
  canon = known.map(([name, make]) => {
    const x0 = input([12, 8, 8]);
    const model = buildModel(x0, make(12)(x0));
    const block = blockInstances(model, analyseModel(model)).find((b) => b.id === 'b') as BlockInstance;
    model.dispose();
    return {
      name,
      text: block.classKey,
      names: shortNames(block.members),
      modules: block.cls.modules
    };
  });
  return canon;
}

const shortNames = (nodes: GraphNode[]) =>
  nodes
    .map((n) => n.shortName)
    .sort()
    .join(',');

function classText(c: Pick<TorchClass, 'param' | 'modules' | 'forward'>): string {
  return [c.param ?? '', ...c.modules.map((m) => `${m.attr} = ${m.ctor}`), ...c.forward].join('\n');
}

/** The shape (PyTorch order) of each node's first input. */
function inShapes(graph: ModelGraph): Map<string, number[]> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return new Map(graph.nodes.map((n) => [n.id, byId.get(n.inputs[0])?.shape ?? n.shape]));
}

function translator(model: tf.LayersModel, graph: ModelGraph, words: ChannelWords) {
  const shapes = inShapes(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return (node: GraphNode) => {
    const outs = node.outputs;
    const only = outs.length === 1 ? byId.get(outs[0]) : undefined;
    return translate(node, model.getLayer(node.name), shapes.get(node.id) ?? [], only, words);
  };
}

/** The blocks of a model that have one input and one output, with their class bodies. */
function blockInstances(model: tf.LayersModel, graph: ModelGraph): BlockInstance[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const shapes = inShapes(graph);
  const out: BlockInstance[] = [];
  for (const b of graph.blocks) {
    if (b.inputs.length !== 1 || b.outputs.length !== 1) continue;
    const members = b.nodes.map((id) => byId.get(id) as GraphNode);
    const inputNode = byId.get(b.inputs[0]) as GraphNode;
    const output = byId.get(b.outputs[0]) as GraphNode;
    const channels = inputNode.shape.length === 3 ? inputNode.shape[0] : undefined;
    let words = digits;
    let param: string | undefined;
    if (channels !== undefined) {
      const keeps = members
        .filter((n) => n.kind === 'conv' || n.kind === 'batchnorm')
        .every((n) => n.shape[0] === channels && shapes.get(n.id)?.[0] === channels);
      if (keeps) {
        param = 'channels';
        const w = (_n: GraphNode, v: number) => (v === channels ? 'channels' : String(v));
        words = { in: w, out: w };
      } else {
        param = 'in_channels';
        // Layers that read the block's input, directly or through pooling, padding or activations.
        const fromInput = new Set([inputNode.id]);
        for (const n of members) {
          if (['pool', 'pad', 'activation', 'dropout'].includes(n.kind) && fromInput.has(n.inputs[0]))
            fromInput.add(n.id);
        }
        words = {
          in: (n, v) => (fromInput.has(n.inputs[0]) ? 'in_channels' : String(v)),
          out: (_n, v) => String(v)
        };
      }
    }
    const nodes: BodyNode[] = members.map((n) => ({ id: n.id, inputs: n.inputs, node: n }));
    const body = writeBody(nodes, inputNode.id, output.id, translator(model, graph, words));
    const cls: TorchClass = { name: '', param, modules: body.modules, forward: body.forward, comment: '' };
    out.push({
      id: b.id,
      members,
      input: inputNode,
      output,
      classKey: classText(cls),
      param,
      arg: channels,
      cls,
      problems: body.problems
    });
  }
  return out;
}

function pascal(name: string): string {
  const s = pyName(baseName(name)).replace(/(^|_)([a-z0-9])/g, (_m, _u, ch: string) => ch.toUpperCase());
  return /^[A-Z]/.test(s) ? s : `Block${s}`;
}

/** What a reader changed in a known block: "branch5x5_2: nn.Conv2d(16, 32, …) (lecture: nn.Conv2d(16, 24, …))". */
function changes(modules: ModuleLine[], lecture: ModuleLine[]): string {
  const was = new Map(lecture.map((m) => [m.attr, m.ctor]));
  const now = new Map(modules.map((m) => [m.attr, m.ctor]));
  const parts: string[] = [];
  for (const m of modules) {
    const before = was.get(m.attr);
    if (before === undefined) parts.push(`added ${m.attr} = ${m.ctor}`);
    else if (before !== m.ctor) parts.push(`${m.attr} = ${m.ctor} (was ${before})`);
  }
  for (const m of lecture) if (!now.has(m.attr)) parts.push(`removed ${m.attr}`);
  return parts.length ? parts.join('; ') : 'forward() differs';
}

const netNames: Record<string, string> = {
  simpleCnn: 'SimpleCNN',
  inceptionNet: 'InceptionNet',
  residualNet: 'ResidualNet'
};

/** Plans the PyTorch module of `model` (see the module comment). */
export function planModel(model: tf.LayersModel): TorchPlan {
  const graph = analyseModel(model);
  const instances = blockInstances(model, graph);

  // Classes: one per distinct body; names from the known blocks, else from the prefix.
  const classes: TorchClass[] = [];
  const byKey = new Map<string, TorchClass>();
  const taken = new Set<string>();
  const claim = (want: string) => {
    let name = want;
    for (let i = 2; taken.has(name); i++) name = `${want}${i}`;
    taken.add(name);
    return name;
  };
  for (const inst of instances) {
    let cls = byKey.get(inst.classKey);
    if (!cls) {
      const names = shortNames(inst.members);
      const exact = canonical().find((k) => k.text === inst.classKey && k.names === names);
      const edited = exact ? undefined : canonical().find((k) => k.names === names);
      cls = { ...inst.cls };
      if (exact) cls.name = claim(exact.name);
      else if (edited) {
        cls.name = claim(`Edited${edited.name}`);
        cls.comment = `${edited.name} as changed in this model: ${changes(inst.cls.modules, edited.modules)}`;
      } else cls.name = claim(pascal(inst.id));
      byKey.set(inst.classKey, cls);
      classes.push(cls);
    }
    inst.cls = cls;
  }

  // The net: blocks stand for their layers.
  const inBlock = new Map<string, BlockInstance>();
  for (const inst of instances) for (const m of inst.members) inBlock.set(m.id, inst);
  const nodes: BodyNode[] = [];
  const refer = (id: string) => inBlock.get(id)?.id ?? id;
  const blockAttr = new Map<string, string>();
  for (const n of graph.nodes) {
    const inst = inBlock.get(n.id);
    if (!inst) {
      nodes.push({ id: n.id, inputs: n.inputs.map(refer), node: n });
    } else if (n.id === inst.output.id) {
      const attr = pyName(inst.id);
      blockAttr.set(inst.id, attr);
      const arg =
        inst.param === 'in_channels' ? `in_channels=${inst.arg}` : inst.param ? String(inst.arg) : '';
      nodes.push({
        id: inst.id,
        inputs: [refer(inst.input.id)],
        block: { attr, ctor: `${inst.cls.name}(${arg})` }
      });
    }
  }
  const inputNode = graph.nodes.find((n) => n.kind === 'input') as GraphNode;
  const outputNode = graph.nodes[graph.nodes.length - 1];
  const body = writeBody(nodes, inputNode.id, refer(outputNode.id), translator(model, graph, digits));
  let netName =
    netNames[model.name] ?? (/^(model|functional)\d*$/i.test(model.name) ? 'Net' : pascal(model.name));
  if (taken.has(netName)) netName = `${netName}Net`;
  const net: TorchClass = { name: claim(netName), modules: body.modules, forward: body.forward, comment: '' };

  const problems = [...instances.flatMap((i) => i.problems), ...body.problems];
  return {
    classes,
    net,
    state: stateOf(net, instances, graph),
    problems: dedupe(problems),
    inputShape: inputNode.shape
  };
}

function dedupe(ps: Untranslatable[]): Untranslatable[] {
  const seen = new Set<string>();
  return ps.filter((p) => (seen.has(p.layer) ? false : (seen.add(p.layer), true)));
}

/** The state_dict: modules in __init__ order, each module's tensors in PyTorch's order. */
function stateOf(net: TorchClass, instances: BlockInstance[], graph: ModelGraph): StateEntry[] {
  const byName = new Map(graph.nodes.map((n) => [n.id, n]));
  const shapes = inShapes(graph);
  const entries: StateEntry[] = [];
  const add = (prefix: string, m: ModuleLine, layerName: string) => {
    const node = byName.get(layerName);
    if (!node) return;
    const inShape = shapes.get(node.id) ?? [];
    const key = (s: string) => `${prefix}${m.attr}.${s}`;
    if (m.kind === 'conv') {
      const k = node.kernelSize as [number, number];
      entries.push({
        key: key('weight'),
        layer: layerName,
        weight: 'kernel',
        layout: 'conv',
        shape: [node.shape[0], inShape[0], k[0], k[1]]
      });
      if (!/bias=False/.test(m.ctor))
        entries.push({
          key: key('bias'),
          layer: layerName,
          weight: 'bias',
          layout: 'vector',
          shape: [node.shape[0]]
        });
    } else if (m.kind === 'dense') {
      const from = byName.get(node.inputs[0]);
      const flat = from?.kind === 'flatten' ? from : undefined;
      const chw = flat?.flattenFactors;
      const viaPermute = flat ? byName.get(flat.inputs[0])?.className === 'Permute' : false;
      const entry: StateEntry = {
        key: key('weight'),
        layer: layerName,
        weight: 'kernel',
        layout: 'dense',
        shape: [node.shape[0], inShape[0]]
      };
      if (chw && chw.length === 3 && chw[1] * chw[2] > 1 && !viaPermute)
        entry.flattenFrom = chw as [number, number, number];
      entries.push(entry);
      if (!/bias=False/.test(m.ctor))
        entries.push({
          key: key('bias'),
          layer: layerName,
          weight: 'bias',
          layout: 'vector',
          shape: [node.shape[0]]
        });
    } else if (m.kind === 'batchnorm') {
      const c = [node.shape[0]];
      for (const [k, w] of [
        ['weight', 'gamma'],
        ['bias', 'beta'],
        ['running_mean', 'moving_mean'],
        ['running_var', 'moving_variance']
      ]) {
        entries.push({ key: key(k), layer: layerName, weight: w, layout: 'vector', shape: c });
      }
      entries.push({
        key: key('num_batches_tracked'),
        layer: layerName,
        weight: 'count',
        layout: 'count',
        shape: []
      });
    }
  };
  for (const m of net.modules) {
    if (m.kind !== 'block') {
      add('', m, m.layer);
      continue;
    }
    const inst = instances.find((i) => i.id === m.layer) as BlockInstance;
    for (const sub of inst.cls.modules) {
      // The class's sub-module `attr` stands for this instance's layer "<block>/<short name>".
      const short = sub.layer.slice(sub.layer.lastIndexOf('/') + 1);
      const member = inst.members.find((n) => n.shortName === short);
      if (member) add(`${m.attr}.`, sub, member.name);
    }
  }
  return entries;
}
