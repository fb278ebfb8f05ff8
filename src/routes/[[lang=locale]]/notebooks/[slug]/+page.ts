import { error } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { hasEdition, loadNotebook, neighboursOf, notebookList } from '../../../notebooks';
import type { EntryGenerator, PageLoad } from './$types';

/** Prerender one page per notebook file, in each language it is written in. */
export const entries: EntryGenerator = () => [
  ...notebookList('en').map(({ slug }) => ({ slug })),
  ...notebookList('zh').map(({ slug }) => ({ lang: 'zh', slug }))
];

export const load: PageLoad = async ({ params, parent }) => {
  const { locale } = await parent();
  const notebook = await loadNotebook(params.slug, locale);
  if (!notebook) error(404, `There is no notebook called “${params.slug}”.`);
  // The same notebook in the other language, for the language switch, when it has one.
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  return {
    notebook,
    otherEdition: hasEdition(params.slug, other) ? other : null,
    neighbours: neighboursOf(params.slug, locale)
  };
};
