/**
 * FNV-1a, 32 bit: a short stable fingerprint of a cell's shipped source, kept with each draft so the page
 * can tell when the original changed after the reader started editing. Not a security hash.
 */
export function hashSource(source: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
