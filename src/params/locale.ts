/** The language segment of an address: `/zh/…` is the Chinese edition; no segment is English. */
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'zh' => param === 'zh') satisfies ParamMatcher;
