/**
 * Every notebook in `notebooks/` (English) and `notebooks/zh/` (its Chinese edition), found by file
 * name: dropping in `NN-slug.md` is all it takes to publish one. The index page reads only the metadata;
 * a notebook page loads its module on demand.
 */
import type { Locale } from '$lib/i18n';
import type { Neighbours, NotebookMeta } from '$lib/notebook/types';
import type { NotebookModule } from '../runtime/types';

const metas = import.meta.glob<NotebookMeta>(['/notebooks/*.md', '/notebooks/zh/*.md'], {
  eager: true,
  import: 'meta'
});
const modules = import.meta.glob<NotebookModule>(['/notebooks/*.md', '/notebooks/zh/*.md'], {
  import: 'default'
});
const originals = import.meta.glob<string>(['/notebooks/*.md', '/notebooks/zh/*.md'], {
  query: '?raw',
  import: 'default'
});

/** The notebooks written in `locale`, in their NN order. */
export function notebookList(locale: Locale = 'en'): NotebookMeta[] {
  return Object.values(metas)
    .filter((meta) => meta.locale === locale)
    .sort((a, b) => a.order - b.order);
}

/** The listed notebooks just before and after `slug` in `locale` (none for a hidden one, a test page). */
export function neighboursOf(slug: string, locale: Locale): Neighbours {
  const list = notebookList(locale).filter((meta) => !meta.hidden);
  const at = list.findIndex((meta) => meta.slug === slug);
  if (at < 0) return { previous: null, next: null };
  return { previous: list[at - 1] ?? null, next: list[at + 1] ?? null };
}

/** Whether `slug` has an edition in `locale`. */
export function hasEdition(slug: string, locale: Locale): boolean {
  return pathOf(slug, locale) !== undefined;
}

function pathOf(slug: string, locale: Locale): string | undefined {
  return Object.keys(metas).find((path) => metas[path].slug === slug && metas[path].locale === locale);
}

export async function loadNotebook(slug: string, locale: Locale = 'en'): Promise<NotebookModule | null> {
  const path = pathOf(slug, locale);
  return path ? modules[path]() : null;
}

/** The notebook's Markdown as shipped (for "Download my version"); loaded only when asked. */
export async function loadOriginal(slug: string, locale: Locale = 'en'): Promise<string> {
  const path = pathOf(slug, locale);
  if (!path) throw new Error(`No notebook "${slug}"`);
  return originals[path]();
}
