import { createHash } from 'node:crypto';

/** MD5 hex of the parts joined, as the mainserver's import dedupe key (not a security hash). */
export function md5(...parts: unknown[]): string {
  return createHash('md5').update(parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('')).digest('hex');
}

/** Stable hash of a JSON-like value (object keys sorted), to tell whether an import changed. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as any)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as any)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
