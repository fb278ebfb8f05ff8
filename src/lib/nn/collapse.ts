/**
 * Collapses blocks (an InceptionA, a ResidualBlock) of an analysed graph into single nodes, so a diagram can
 * show "incep1 → 88×12×12" as one step and expand it on demand.
 */
import type { GraphNode, ModelGraph } from './graph';

/** Which blocks to collapse: all of them, none, or the listed block ids. */
export type CollapseSpec = 'all' | 'none' | readonly string[];

/** A new graph in which each chosen block with a single output is one node of kind 'block'. */
export function collapseBlocks(graph: ModelGraph, which: CollapseSpec): ModelGraph {
  if (which === 'none' || which.length === 0) return graph;
  const chosen = graph.blocks.filter(
    (b) => (which === 'all' || which.includes(b.id)) && b.outputs.length === 1
  );
  if (chosen.length === 0) return graph;
  const owner = new Map<string, string>(); // member node id → block id
  for (const b of chosen) for (const id of b.nodes) owner.set(id, b.id);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rename = (id: string) => owner.get(id) ?? id;
  const unique = (ids: string[]) => [...new Set(ids)];

  const nodes: GraphNode[] = [];
  for (const n of graph.nodes) {
    const blockId = owner.get(n.id);
    if (blockId === undefined) {
      nodes.push({
        ...n,
        inputs: unique(n.inputs.map(rename)),
        outputs: unique(n.outputs.map(rename)),
        skipInput: n.skipInput === undefined ? undefined : rename(n.skipInput)
      });
      continue;
    }
    const b = chosen.find((c) => c.id === blockId)!;
    if (n.id !== b.outputs[0]) continue;
    // The block's node stands where its output node stands (the end of the block), carrying its shape.
    const members = b.nodes.map((id) => byId.get(id)!);
    const sum = (f: (m: GraphNode) => number) => members.reduce((s, m) => s + f(m), 0);
    nodes.push({
      ...n,
      id: b.id,
      name: b.id,
      shortName: b.id,
      kind: 'block',
      className: 'Block',
      block: null,
      inputs: unique(b.inputs.map(rename)), // the block before may be collapsed too
      outputs: unique(n.outputs.map(rename)),
      params: sum((m) => m.params),
      buffers: sum((m) => m.buffers),
      multAdds: sum((m) => m.multAdds),
      activationBytes: sum((m) => m.activationBytes),
      torch: `${b.id} (${members.length} layers)`,
      skipInput: undefined,
      kernelSize: undefined,
      strides: undefined,
      padding: undefined
    });
  }
  // Nodes inside a collapsed block that feed the outside other than through its output are not drawable as one
  // node; keeping `outputs.length === 1` blocks only guarantees every outside edge starts at the block node.
  const edges = nodes.flatMap((n) =>
    n.inputs.map((from) => ({ from, to: n.id, skip: n.skipInput === from }))
  );
  const blocks = graph.blocks.filter((b) => !owner.has(b.nodes[0]));
  return { ...graph, nodes, edges, blocks };
}
