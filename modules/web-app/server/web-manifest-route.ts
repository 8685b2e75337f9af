import sharp from 'sharp';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { tenantColors } from './theme-colors.ts';

/**
 * Per-tenant install manifest and icon: the municipality's name and colour, so the installed app
 * carries them. The icon is drawn (SVG, any size): the initial of the tenant on its colour.
 */
export const webManifestRoutes: RoutePlugin = (app, scopeOf) => {
  app.get('/manifest.webmanifest', async (req, reply) => {
    const { tenant } = await scopeOf(req);
    const colors = tenantColors(tenant.theme);
    const manifest = {
      id: '/',
      name: tenant.name,
      short_name: tenant.name.replace(/\s*\(.*\)\s*$/, '').slice(0, 12),
      description: `Die App für ${tenant.name}: Nachrichten, Veranstaltungen, Orte und Service.`,
      lang: 'de',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: colors.primary,
      // Icons chosen in the studio (from the media library) replace the drawn ones.
      icons: tenant.theme.icons?.length
        ? tenant.theme.icons.map((i) => ({ ...i, purpose: 'any' }))
        : [
            { src: '/app-icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
            { src: '/app-icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: '/app-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
          ],
    };
    return reply.type('application/manifest+json; charset=utf-8').header('cache-control', 'no-cache').send(JSON.stringify(manifest));
  });
  app.get('/app-icon.svg', async (req, reply) => {
    const { tenant } = await scopeOf(req);
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(iconSvg(tenant.name, tenantColors(tenant.theme)));
  });
  // PNG for platforms that do not install from SVG icons (iOS home screen, older Chromium).
  const pngs = new Map<string, Promise<Buffer>>();
  for (const size of [192, 512]) {
    app.get(`/app-icon-${size}.png`, async (req, reply) => {
      const { tenant } = await scopeOf(req);
      const svg = iconSvg(tenant.name, tenantColors(tenant.theme));
      const key = `${size}:${svg}`;
      if (!pngs.has(key)) pngs.set(key, sharp(Buffer.from(svg), { density: (72 * size) / 512 }).resize(size, size).png().toBuffer());
      return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(await pngs.get(key));
    });
  }
};

export function iconSvg(name: string, colors: { primary: string; onPrimary: string }): string {
  const initial = (name.trim()[0] ?? 'D').toUpperCase().replace(/[&<>]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="${colors.primary}"/><text x="256" y="340" font-family="sans-serif" font-size="280" font-weight="700" text-anchor="middle" fill="${colors.onPrimary}">${initial}</text></svg>`;
}
