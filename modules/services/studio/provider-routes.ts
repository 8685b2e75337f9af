import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { langOf } from '../../studio/server/studio-http.ts';
import { readZufiSettings, saveZufiSettings, type ZufiSettings } from '../settings/zufi-settings.ts';
import { providerFormValues, readProviderForm, type ProviderFormErrors, type ProviderFormValues } from './provider-form.ts';
import { canConfigureServices } from './services-access.ts';
import { SERVICES_PATH, type ServicesKit } from './services-studio-kit.ts';
import { ProviderPage } from './pages/provider-page.tsx';

const PATH = `${SERVICES_PATH}/anbieter`;

/** /studio/verwaltungsleistungen/anbieter: the ZuFi provider's settings, admins only. The key is written, never shown. */
export function providerRoutes(app: FastifyInstance, kit: ServicesKit) {
  type Shown = { values?: ProviderFormValues; errors?: ProviderFormErrors; error?: string; saved?: boolean };
  const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, settings: ZufiSettings, shown: Shown = {}) => {
    const t = kit.texts(req);
    const content = h(ProviderPage, {
      csrf: session.csrf,
      values: shown.values ?? providerFormValues(settings, req.tenant.officialKey),
      errors: shown.errors ?? {},
      error: shown.error ?? null,
      notice: shown.saved ? t.settingsSaved : null,
      hasApiKey: settings.hasApiKey,
      apiKeyUnreadable: settings.apiKeyUnreadable,
      circuitOpenUntil: settings.circuitOpenUntil && settings.circuitOpenUntil > new Date() ? settings.circuitOpenUntil : null,
    });
    return kit.page(req, reply, status, t.providerTitle, content, session);
  };

  app.get(PATH, async (req, reply) => {
    const session = await kit.guard(req, reply, canConfigureServices);
    if (!session) return reply;
    const saved = (req.query as { gespeichert?: unknown } | undefined)?.gespeichert !== undefined;
    return page(req, reply, session, 200, await readZufiSettings(await kit.db(req)), { saved });
  });

  app.post(PATH, async (req, reply) => {
    const session = await kit.guard(req, reply, canConfigureServices);
    if (!session) return reply;
    const t = kit.texts(req);
    const db = await kit.db(req);
    const current = await readZufiSettings(db);
    const form = readProviderForm(req.body, current, t);
    if (!form) return page(req, reply, session, 400, current, { error: t.badForm });
    if (!kit.tokenValid(req, session, form.csrf)) return page(req, reply, session, 403, current, { values: form.values, error: studioTexts(langOf(req)).formExpired });
    const settings = form.settings;
    if (!settings) return page(req, reply, session, 400, current, { values: form.values, errors: form.errors, error: t.notSaved });
    await db.transaction().execute(async (trx) => {
      await saveZufiSettings(trx, settings);
      // Never the key itself: only what happened to it.
      const apiKey = settings.apiKey === undefined ? 'unchanged' : settings.apiKey === null ? 'removed' : 'replaced';
      const { apiKey: _sealed, ...detail } = settings;
      await kit.audit(req, session, 'settings', { targetType: 'ServicesProvider', targetId: 'zufi', detail: { ...detail, apiKey } }, trx);
    });
    return reply.code(303).header('location', `${PATH}?gespeichert=1`).send();
  });
}
