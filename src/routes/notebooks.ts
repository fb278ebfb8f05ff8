/**
 * Every notebook in `notebooks/`, found by file name: dropping in `NN-slug.md` is all it takes to
 * publish one. The index page reads only the metadata; a notebook page loads its module on demand.
 */
import type { NotebookMeta } from '$lib/notebook/types';
import type { NotebookModule } from '../runtime/types';

const metas = import.meta.glob<NotebookMeta>('/notebooks/*.md', { eager: true, import: 'meta' });
const modules = import.meta.glob<NotebookModule>('/notebooks/*.md', { import: 'default' });
const originals = import.meta.glob<string>('/notebooks/*.md', { query: '?raw', import: 'default' });

/** All notebooks, in their NN order. */
export const notebookList: NotebookMeta[] = Object.values(metas).sort((a, b) => a.order - b.order);

function pathOf(slug: string): string | undefined {
  return Object.keys(metas).find((path) => metas[path].slug === slug);
}

export async function loadNotebook(slug: string): Promise<NotebookModule | null> {
  const path = pathOf(slug);
  return path ? modules[path]() : null;
}

/** The notebook's Markdown as shipped (for "Download my version"); loaded only when asked. */
export async function loadOriginal(slug: string): Promise<string> {
  const path = pathOf(slug);
  if (!path) throw new Error(`No notebook "${slug}"`);
  return originals[path]();
}
