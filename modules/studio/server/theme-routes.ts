import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import type { Tenant } from '../../../core/tenancy/tenant.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import { findMedia, searchMedia } from '../../media/media-library.ts';
import { ThemePage, type ThemeValues } from '../pages/theme-page.tsx';
import { appConfigTexts } from '../pages/app-config-texts.ts';
import { fill } from '../pages/studio-texts.ts';
import { configSession, writeAllowed, type ConfigSession } from './app-config-access.ts';
import { colorPairs } from './theme-contrast.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';
import { langOf, sendStudioPage } from './studio-http.ts';

const hex = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/).transform((c) => c.toLowerCase());
const optionalHex = z.preprocess((v) => (v === '' ? undefined : v), hex.optional());
const mediaId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable());

/** The theme fields of a form (theme page or its preview); colours as #rrggbb. */
export const ThemeForm = z.object({
  primaryColor: hex,
  onPrimaryColor: hex,
  secondaryColor: optionalHex,
  onSecondaryColor: optionalHex,
  logo: mediaId,
  icon: mediaId,
});
const SaveForm = ThemeForm.extend({ _csrf: z.string().max(100) });

const valuesOf = (theme: Tenant['theme']): ThemeValues => ({
  primaryColor: theme.primaryColor ?? '#1b5e7a',
  onPrimaryColor: theme.onPrimaryColor ?? '#ffffff',
  secondaryColor: String(theme.secondaryColor ?? ''),
  onSecondaryColor: String(theme.onSecondaryColor ?? ''),
  logo: theme.logoMediaId ? String(theme.logoMediaId) : '',
  icon: theme.iconMediaId ? String(theme.iconMediaId) : '',
});

/**
 * /studio/einstellungen/erscheinungsbild: colours (a pair below 4.5:1 is refused, with its ratio),
 * logo and app icon from the media library. Saved on the tenant through the core's directory, so
 * every process reloads it; the web app's header, colours and install manifest follow.
 */
export const themeRoutes: RoutePlugin = (app, scopeOf, services) => {
  const { sessions, tenants } = services;
  const path = '/studio/einstellungen/erscheinungsbild';

  const page = async (req: FastifyRequest, reply: FastifyReply, cs: ConfigSession, status: number, values: ThemeValues, error: string | null, notice: string | null) => {
    const { items } = await searchMedia((await scopeOf(req)).db, { kind: 'image', perPage: 100 });
    const images = items.map((i) => ({ id: i.id, label: i.alt ? `${i.alt} (${i.fileName})` : i.fileName }));
    const pairs = colorPairs({ ...values, secondaryColor: values.secondaryColor || undefined, onSecondaryColor: values.onSecondaryColor || undefined });
    const content = h(ThemePage, { csrf: cs.session.csrf, values, pairs, images, canEdit: cs.canEdit, error, notice });
    return sendStudioPage(req, reply, status, appConfigTexts(langOf(req)).theme, content, cs.session.csrf);
  };

  app.get(path, async (req, reply) => {
    const cs = await configSession(sessions, req, reply, path);
    return cs ? page(req, reply, cs, 200, valuesOf(req.tenant.theme), null, null) : reply;
  });

  app.post(path, async (req, reply) => {
    const cs = await configSession(sessions, req, reply, path);
    if (!cs) return reply;
    const t = appConfigTexts(langOf(req));
    const body = (req.body ?? {}) as Record<string, string>;
    const sent: ThemeValues = { ...valuesOf({}), ...Object.fromEntries(Object.entries(body).filter(([k]) => k in valuesOf({}))) };
    const form = SaveForm.safeParse(body);
    if (!writeAllowed(req, reply, cs, body._csrf)) return reply;
    if (!form.success) return page(req, reply, cs, 400, sent, t.badColor, null);
    const low = colorPairs(form.data).find((p) => !p.ok);
    if (low) {
      const pair = `${low.key === 'primary' ? t.onPrimaryColor : t.onSecondaryColor} (${low.text}) / ${low.background}`;
      return page(req, reply, cs, 400, sent, fill(t.contrastRefused, { pair, ratio: low.ratio.toLocaleString('de-DE') }), null);
    }
    const scope = await scopeOf(req);
    const images = await themeImages(scope, form.data.logo, form.data.icon);
    if (!images) return page(req, reply, cs, 400, sent, t.unknownMedia, null);
    const { _csrf, logo, icon, ...colors } = form.data;
    const theme = { ...req.tenant.theme, ...colors, ...images };
    for (const k of ['secondaryColor', 'onSecondaryColor'] as const) if (!colors[k]) delete theme[k];
    const updated = await tenants.update(req.tenant.id, { theme });
    await auditStudio(scopeOf, req, sessionActor(cs.session), 'theme.save', { targetType: 'tenant', targetId: String(req.tenant.id), detail: { ...colors, logoMediaId: logo, iconMediaId: icon } });
    return page(req, reply, cs, 200, valuesOf(updated.theme), null, t.themeSaved);
  });
};

/** Logo URL and manifest icons of the chosen library images; null when one is not in this tenant's library. */
async function themeImages(scope: RequestScope, logoId: number | null, iconId: number | null) {
  const [logo, icon] = await Promise.all([logoId ? findMedia(scope.db, logoId) : null, iconId ? findMedia(scope.db, iconId) : null]);
  if ((logoId && logo?.kind !== 'image') || (iconId && icon?.kind !== 'image')) return null;
  const type = { webp: 'image/webp', avif: 'image/avif', jpeg: 'image/jpeg' } as const;
  return {
    logoUrl: logo?.url,
    logoMediaId: logoId ?? undefined,
    iconMediaId: iconId ?? undefined,
    icons: icon?.variants.map((v) => ({ src: v.url, sizes: `${v.width}x${v.height}`, type: type[v.format] })),
  };
}
