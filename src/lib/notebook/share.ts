/**
 * Share links: a notebook address that also carries where the reader was and what they had set.
 *
 *   /notebooks/inception?v.size=20&v.shown=[20,56]&code=…#the-inception-module
 *
 * - `#<heading id>` is the section (the browser's own anchor, so a link still works without any script);
 * - `v.<name>=<JSON>` is the value of the input a cell shows with `view(…)` and declares as `name`;
 * - `code=` holds the reader's edited cells, `{cell id: source}` as deflated, base64url-encoded JSON.
 *   Code that arrives this way is shown to whoever opens the link but never runs until they ask
 *   (the session pauses those cells).
 *
 * Pure apart from the standard CompressionStream, which browsers and Node 18+ both have.
 */
import { WordedError, wordingOf, type Wording } from '../i18n/worded.js';

/** What a share link carries. */
export interface SharedState {
  /** heading id of the section, if any */
  section: string | null;
  /** view name → value */
  values: Record<string, unknown>;
  /** cell id → source */
  code: Record<string, string>;
}

const valuePrefix = 'v.';
const codeParam = 'code';
/** Longest code a link may unpack to: a link is not a way to ship a megabyte of script. */
export const maxSharedCode = 200_000;
/** Longest JSON value a view may put in a link (a drawn digit or a file does not belong there). */
export const maxSharedValue = 500;

/** The value as link-ready JSON, or null when it cannot go in a link (functions, elements, big data…). */
export function shareableValue(value: unknown): string | null {
  if (value === undefined || typeof value === 'function') return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null; // JSON would turn it into null
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Object.prototype) return null; // Files, tensors, elements…
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return null; // cyclic
  }
  return json === undefined || json.length > maxSharedValue ? null : json;
}

/** Builds the query string and hash of a share link (without the path). */
export async function encodeShare(state: SharedState): Promise<string> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(state.values)) {
    const json = shareableValue(value);
    if (json !== null) params.set(valuePrefix + name, json);
  }
  if (Object.keys(state.code).length > 0) params.set(codeParam, await pack(JSON.stringify(state.code)));
  const query = params.toString();
  return (query ? `?${query}` : '') + (state.section ? `#${encodeURIComponent(state.section)}` : '');
}

/** What a link carried, plus the problems with the parts that could not be used (for the page to word). */
export interface DecodedShare extends SharedState {
  problems: Wording[];
}

/** Reads a share link's query and hash. Bad parts are reported, never thrown: the rest of the link still works. */
export async function decodeShare(search: string, hash: string): Promise<DecodedShare> {
  const params = new URLSearchParams(search);
  const values: Record<string, unknown> = {};
  const problems: Wording[] = [];
  for (const [key, raw] of params) {
    if (!key.startsWith(valuePrefix)) continue;
    const name = key.slice(valuePrefix.length);
    if (raw.length > maxSharedValue) {
      problems.push({ key: 'linkValueTooLong', params: { name, max: maxSharedValue } });
      continue;
    }
    try {
      values[name] = JSON.parse(raw);
    } catch {
      problems.push({ key: 'linkValue', params: { name, raw: shorten(raw) } });
    }
  }
  let code: Record<string, string> = {};
  const packed = params.get(codeParam);
  if (packed) {
    try {
      code = parseCode(await unpack(packed));
    } catch (error) {
      problems.push(wordingOf(error) ?? { key: 'linkCodeCut', params: undefined });
    }
  }
  // `#/3` is a slide number (presentation mode), not a section.
  const anchor = hash.replace(/^#/, '');
  let section: string | null = null;
  if (anchor && !anchor.startsWith('/')) {
    try {
      section = decodeURIComponent(anchor);
    } catch {
      problems.push({ key: 'linkSection', params: { section: shorten(anchor) } });
    }
  }
  return { section, values, code, problems };
}

function parseCode(json: string): Record<string, string> {
  const data: unknown = JSON.parse(json);
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new WordedError('linkCodeNotCells', undefined);
  const code: Record<string, string> = {};
  for (const [id, source] of Object.entries(data)) {
    if (typeof source !== 'string') throw new WordedError('linkCodeNoSource', { cell: id });
    code[id] = source;
  }
  return code;
}

const shorten = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** Text → deflate → base64url. */
async function pack(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → inflate → text, refusing anything that unpacks to more than maxSharedCode characters. */
async function unpack(packed: string): Promise<string> {
  let binary: string;
  try {
    binary = atob(packed.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw new WordedError('linkCodeCut', undefined);
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const reader = new Blob([bytes])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .pipeThrough(new TextDecoderStream())
    .getReader();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
      // Checked while unpacking, so a tiny link that inflates to gigabytes stops early.
      if (text.length > maxSharedCode) {
        await reader.cancel();
        throw new WordedError('linkCodeTooBig', { max: maxSharedCode });
      }
    }
  } catch (error) {
    if (error instanceof WordedError) throw error;
    throw new WordedError('linkCodeCut', undefined);
  }
  return text;
}
