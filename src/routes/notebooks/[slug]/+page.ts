import { error } from '@sveltejs/kit';
import { loadNotebook, notebookList } from '../../notebooks';
import type { EntryGenerator, PageLoad } from './$types';

/** Prerender one page per notebook file. */
export const entries: EntryGenerator = () => notebookList.map(({ slug }) => ({ slug }));

export const load: PageLoad = async ({ params }) => {
  const notebook = await loadNotebook(params.slug);
  if (!notebook) error(404, `There is no notebook called “${params.slug}”.`);
  return { notebook };
};
