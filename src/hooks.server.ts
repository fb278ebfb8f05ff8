/** Prerendering: each page's `<html lang>` is its edition's language (`/zh/…` is Chinese). */
import type { Handle } from '@sveltejs/kit';

export const handle: Handle = ({ event, resolve }) => {
  const lang = /^\/zh(\/|$)/.test(event.url.pathname) ? 'zh-CN' : 'en';
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
