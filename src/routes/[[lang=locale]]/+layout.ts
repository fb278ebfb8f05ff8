import type { Locale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

/** Every page under `/zh/` is the Chinese edition; the rest are English. */
export const load: LayoutLoad = ({ params }) => ({ locale: (params.lang ?? 'en') as Locale });
