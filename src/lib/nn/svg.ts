/**
 * A plain SVG text rendering of a shape-flow layout. The Svelte/d3 component draws the real diagram; this
 * string is its normalised, dependency-free twin for snapshot tests, logs and static fallbacks.
 */
import type { LayoutNode, ShapeFlowLayout } from './layout';

const labelOf = (n: LayoutNode) => [n.label, n.shapeLabel, n.note].filter(Boolean).join(' · ');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The layout as an SVG document: a frame per block, a path per edge, a box (or `+` circle) and labels per node. */
export function layoutToSvg(layout: ShapeFlowLayout): string {
  // Labels sit right of their box; widen the view box for them at ~6.5 px per character (11 px sans-serif).
  const labelRight = Math.max(...layout.nodes.map((n) => n.x + n.width / 2 + 6 + 6.5 * labelOf(n).length));
  const width = Math.max(layout.width, Math.ceil(labelRight));
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${layout.height}" font-family="sans-serif" font-size="11">`,
    '  <style>.block{fill:none;stroke:#999;stroke-dasharray:4 3}.edge{fill:none;stroke:#555}.skip{stroke:#d55e00}' +
      '.node{fill:#56b4e9;stroke:#0072b2}.add{fill:#fff}text{dominant-baseline:middle}</style>'
  ];
  for (const b of layout.blocks) {
    lines.push(
      `  <rect class="block" data-block="${escape(b.id)}" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}"/>`
    );
  }
  for (const e of layout.edges) {
    lines.push(
      `  <path class="${e.skip ? 'edge skip' : 'edge'}" data-from="${escape(e.from)}" data-to="${escape(e.to)}" d="${e.path}"/>`
    );
  }
  for (const n of layout.nodes) {
    const id = escape(n.id);
    if (n.kind === 'add') {
      lines.push(`  <circle class="node add" data-id="${id}" cx="${n.x}" cy="${n.y}" r="${n.width / 2}"/>`);
      lines.push(`  <text x="${n.x}" y="${n.y}" text-anchor="middle">+</text>`);
      continue;
    }
    const x = Math.round(n.x - n.width / 2);
    const y = Math.round(n.y - n.height / 2);
    lines.push(
      `  <rect class="node ${n.kind}" data-id="${id}" x="${x}" y="${y}" width="${n.width}" height="${n.height}"/>`
    );
    lines.push(`  <text x="${x + n.width + 6}" y="${n.y}">${escape(labelOf(n))}</text>`);
  }
  lines.push('</svg>');
  return lines.join('\n');
}
