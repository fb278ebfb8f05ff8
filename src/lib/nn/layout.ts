/**
 * A deterministic top-to-bottom layout of an analysed model for the shape-flow diagram: one box per layer
 * output (its tensor), branches side by side in lanes that fan out from a fork and join at a concat, residual
 * skips as arcs on the right joining the `+` node. Pure data, all numbers rounded, so it snapshot-tests.
 *
 * Algorithm (a small layered layout, enough for the lecture's series-parallel graphs):
 * 1. rank = longest path from an input (each rank is one row);
 * 2. lane (x in lane units): a node inherits its parent's lane; the k children of a fork spread around it at
 *    lane offsets i − (k − 1)/2; a join (several inputs) sits at the mean of its inputs' lanes; skip edges don't
 *    count as forks;
 * 3. rows are swept left to right so boxes never overlap (this is what keeps unusual graphs drawable).
 */
import { WordedError } from '../i18n/worded';
import { collapseBlocks, type CollapseSpec } from './collapse';
import type { GraphNode, ModelGraph, NodeKind } from './graph';

/** Options of layoutGraph. */
export interface LayoutOptions {
  /** Blocks to draw as one node. Default 'none'. */
  collapse?: CollapseSpec;
  /** Horizontal distance between branch lanes, px. Default 200 (room for a box and its label). */
  laneWidth?: number;
  /** Vertical gap between rows, px. Default 28. */
  gap?: number;
  /** Margin around the drawing, px. Default 20 (skip arcs and labels need room on the right). */
  margin?: number;
}

/** A positioned node: its output tensor as a box (or a circle for `+`). */
export interface LayoutNode {
  /** Node id from the graph (a block id when collapsed). */
  id: string;
  /** What to write on it: the short layer name or the block id. */
  label: string;
  /** The node kind ('block' for a collapsed block). */
  kind: NodeKind;
  /** The block it belongs to when expanded, or null. */
  block: string | null;
  /** Output shape text, "88×12×12". */
  shapeLabel: string;
  /** The channel sum or flatten product, "16+24+24+24 = 88", or "". */
  note: string;
  /** Centre x, px. */
  x: number;
  /** Centre y, px. */
  y: number;
  /** Box width, px: grows with √channels (features for vectors), clamped to 16..120. */
  width: number;
  /** Box height, px: grows with √(H·W), clamped to 6..56 (vectors are 6 px bars). */
  height: number;
  /** Row index. */
  rank: number;
}

/** A drawn edge. */
export interface LayoutEdge {
  /** Producer id. */
  from: string;
  /** Consumer id. */
  to: string;
  /** A residual skip (drawn as an arc on the left). */
  skip: boolean;
  /** SVG path data, integer coordinates. */
  path: string;
}

/** The frame around an expanded block. */
export interface LayoutBlock {
  /** Block id. */
  id: string;
  /** Left edge, px. */
  x: number;
  /** Top edge, px. */
  y: number;
  /** Width, px. */
  width: number;
  /** Height, px. */
  height: number;
}

/** Everything a renderer needs. */
export interface ShapeFlowLayout {
  /** Total width, px. */
  width: number;
  /** Total height, px. */
  height: number;
  /** Nodes in the graph's topological order. */
  nodes: LayoutNode[];
  /** Edges, in the graph's order. */
  edges: LayoutEdge[];
  /** Frames of expanded blocks. */
  blocks: LayoutBlock[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Box size of a tensor of PyTorch shape [C, H, W] or [features]. */
export function boxSize(shape: number[], kind: NodeKind): { width: number; height: number } {
  if (kind === 'add') return { width: 20, height: 20 };
  const channels = shape[0] ?? 1;
  const area = shape.length === 3 ? shape[1] * shape[2] : 0;
  return {
    width: Math.round(clamp(10 * Math.sqrt(channels), 16, 120)),
    height: area ? Math.round(clamp(2 * Math.sqrt(area), 8, 56)) : 6
  };
}

/** Lays out an analysed model. Throws a clear message for an empty or too large graph. */
export function layoutGraph(graph: ModelGraph, options: LayoutOptions = {}): ShapeFlowLayout {
  const g = collapseBlocks(graph, options.collapse ?? 'none');
  const laneWidth = options.laneWidth ?? 200;
  const gap = options.gap ?? 28;
  const margin = options.margin ?? 20;
  if (g.nodes.length === 0) throw new WordedError('nothingToDraw', { model: g.name });
  if (g.nodes.length > 400) throw new WordedError('tooManyToDraw', { model: g.name, layers: g.nodes.length });
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const mainInputs = (n: GraphNode) => n.inputs.filter((i) => i !== n.skipInput);
  const mainOutputs = (n: GraphNode) => n.outputs.filter((o) => byId.get(o)?.skipInput !== n.id);

  const rank = new Map<string, number>();
  const lane = new Map<string, number>();
  g.nodes.forEach((n, index) => {
    rank.set(n.id, n.inputs.length ? Math.max(...n.inputs.map((i) => rank.get(i)! + 1)) : 0);
    const parents = mainInputs(n);
    if (parents.length === 0) {
      lane.set(n.id, g.nodes.filter((m, j) => j < index && m.inputs.length === 0).length);
    } else if (parents.length > 1) {
      lane.set(n.id, parents.reduce((s, p) => s + lane.get(p)!, 0) / parents.length);
    } else {
      const siblings = mainOutputs(byId.get(parents[0])!);
      const k = siblings.length;
      lane.set(n.id, lane.get(parents[0])! + (k > 1 ? siblings.indexOf(n.id) - (k - 1) / 2 : 0));
    }
  });

  const sized = g.nodes.map((n) => ({
    node: n,
    rank: rank.get(n.id)!,
    x: lane.get(n.id)! * laneWidth,
    ...boxSize(n.shape, n.kind)
  }));
  const rows = Math.max(...sized.map((s) => s.rank)) + 1;
  const rowHeight = Array.from({ length: rows }, (_, r) =>
    Math.max(...sized.filter((s) => s.rank === r).map((s) => s.height))
  );
  const rowTop: number[] = [];
  rowHeight.reduce((top, h, r) => ((rowTop[r] = top), top + h + gap), 0);

  // Sweep each row left to right so boxes keep at least a third of a lane between them.
  for (let r = 0; r < rows; r++) {
    const row = sized.filter((s) => s.rank === r).sort((a, b) => a.x - b.x);
    for (let i = 1; i < row.length; i++) {
      const min = row[i - 1].x + (row[i - 1].width + row[i].width) / 2 + laneWidth / 3;
      if (row[i].x < min) row[i].x = min;
    }
  }
  // Leave room on the left for skip arcs (they run 24 px left of the boxes they pass).
  const skipRoom = g.edges.some((e) => e.skip) ? 24 : 0;
  const left = Math.min(...sized.map((s) => s.x - s.width / 2)) - skipRoom;
  const nodes: LayoutNode[] = sized.map((s) => ({
    id: s.node.id,
    label: s.node.shortName,
    kind: s.node.kind,
    block: s.node.block,
    shapeLabel: s.node.shapeLabel,
    note: s.node.note,
    rank: s.rank,
    x: Math.round(s.x - left + margin),
    y: Math.round(rowTop[s.rank] + rowHeight[s.rank] / 2 + margin),
    width: s.width,
    height: s.height
  }));
  const at = new Map(nodes.map((n) => [n.id, n]));

  const edges: LayoutEdge[] = g.edges.map((e) => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    if (e.skip) return { ...e, path: skipArc(a, b, nodes) };
    const x1 = a.x,
      y1 = a.y + a.height / 2,
      x2 = b.x,
      y2 = b.y - b.height / 2;
    if (x1 === x2) return { ...e, path: `M${x1},${r(y1)}V${r(y2)}` };
    // Bend in the gap below a fork or above a join, so long branch edges run straight down their lane.
    const isJoin = mainInputs(byId.get(e.to)!).length > 1;
    const bendTop = isJoin ? y2 - gap : y1;
    const bendBottom = isJoin ? y2 : y1 + gap;
    const mid = (bendTop + bendBottom) / 2;
    const path = isJoin
      ? `M${x1},${r(y1)}${vertical(y1, bendTop)}C${x1},${r(mid)} ${x2},${r(mid)} ${x2},${r(y2)}`
      : `M${x1},${r(y1)}C${x1},${r(mid)} ${x2},${r(mid)} ${x2},${r(bendBottom)}${vertical(bendBottom, y2)}`;
    return { ...e, path };
  });

  const blocks = g.blocks.map((b) => {
    const members = b.nodes.map((id) => at.get(id)!).filter(Boolean);
    const x0 = Math.min(...members.map((n) => n.x - n.width / 2)) - 10;
    const x1 = Math.max(...members.map((n) => n.x + n.width / 2)) + 10;
    const y0 = Math.min(...members.map((n) => n.y - n.height / 2)) - 10;
    const y1 = Math.max(...members.map((n) => n.y + n.height / 2)) + 10;
    return { id: b.id, x: r(x0), y: r(y0), width: r(x1 - x0), height: r(y1 - y0) };
  });
  const right = Math.max(...nodes.map((n) => n.x + n.width / 2), ...edges.map((e) => maxX(e.path)));
  const bottom = Math.max(...nodes.map((n) => n.y + n.height / 2));
  return { width: r(right + margin), height: r(bottom + margin), nodes, edges, blocks };
}

const r = Math.round;

/** A vertical segment to y2, or nothing when already there. */
const vertical = (y1: number, y2: number) => (r(y1) === r(y2) ? '' : `V${r(y2)}`);

/**
 * The skip connection: out of the source's left side, down past everything between, into the `+` from the left.
 * Left, because labels sit to the right of the boxes.
 */
function skipArc(a: LayoutNode, b: LayoutNode, nodes: LayoutNode[]): string {
  const between = nodes.filter((n) => n.rank >= a.rank && n.rank <= b.rank);
  const xl = Math.min(...between.map((n) => n.x - n.width / 2)) - 24;
  const radius = 10;
  const x1 = a.x - a.width / 2,
    y1 = a.y,
    x2 = b.x - b.width / 2,
    y2 = b.y;
  return (
    `M${r(x1)},${r(y1)}H${r(xl + radius)}Q${r(xl)},${r(y1)} ${r(xl)},${r(y1 + radius)}` +
    `V${r(y2 - radius)}Q${r(xl)},${r(y2)} ${r(xl + radius)},${r(y2)}H${r(x2)}`
  );
}

function maxX(path: string): number {
  const xs = [...path.matchAll(/[MCQ ](-?\d+),/g)].map((m) => Number(m[1]));
  const hs = [...path.matchAll(/H(-?\d+)/g)].map((m) => Number(m[1]));
  return Math.max(0, ...xs, ...hs);
}
