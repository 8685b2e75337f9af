import { tileOrigin } from './map-settings.ts';

/**
 * The pages' Content-Security-Policy: scripts and everything else only from this server (no CDN,
 * no tracking); the one inline style (tenant colours) by hash; map tiles from the tenant's
 * configured tile host, the only other origin a page may load from.
 */
export function contentSecurityPolicy(styleHash: string, mapSettings: Record<string, any>): string {
  const tiles = tileOrigin(mapSettings);
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'sha256-${styleHash}'`,
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    `connect-src 'self'${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join('; ');
}
