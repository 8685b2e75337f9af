import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { langOf } from '../../studio/server/studio-http.ts';
import { loadDefectSettings, saveDefectSettings } from '../area/defect-settings.ts';
import { canConfigureDefects } from './defects-access.ts';
import type { DefectsKit } from './defects-studio-kit.ts';
import { MAX_AREA_BYTES, readSettings, readSettingsPost, settingsValues, type SettingsValues } from './settings-form.ts';
import { SETTINGS_PATH, SettingsPage } from './pages/settings-page.tsx';

/** /studio/maengelmelder/einstellungen: area, postal codes and moderation (admins; multipart for the file). */
export async function settingsRoutes(app: FastifyInstance, kit: DefectsKit) {
  // Own scope: only this form reads multipart bodies, with the area's size limit.
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_AREA_BYTES, fieldSize: MAX_AREA_BYTES, files: 1, fields: 6, parts: 8 } });
    type Shown = { errors?: Record<string, string>; error?: string; notice?: string };
    const page = (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, values: SettingsValues, shown: Shown = {}) =>
      kit.page(req, reply, status, kit.texts(req).settingsTitle, h(SettingsPage, { csrf: session.csrf, values, errors: shown.errors ?? {}, error: shown.error ?? null, notice: shown.notice ?? null }), session);

    scoped.get(SETTINGS_PATH, async (req, reply) => {
      const session = await kit.guard(req, reply, canConfigureDefects);
      if (!session) return reply;
      const saved = (req.query as { gespeichert?: unknown } | undefined)?.gespeichert !== undefined;
      return page(req, reply, session, 200, settingsValues(await loadDefectSettings(await kit.db(req))), { notice: saved ? kit.texts(req).settingsSaved : undefined });
    });

    scoped.post(SETTINGS_PATH, async (req, reply) => {
      const session = await kit.guard(req, reply, canConfigureDefects);
      if (!session) return reply;
      const t = kit.texts(req);
      const stored = async () => settingsValues(await loadDefectSettings(await kit.db(req)));
      const post = await readSettingsPost(req);
      if (post === 'tooLarge') return page(req, reply, session, 413, await stored(), { error: fillText(t.fileTooLarge, { max: MAX_AREA_BYTES / 1024 / 1024 }) });
      if (!post) return page(req, reply, session, 400, await stored(), { error: t.badForm });
      if (!kit.tokenValid(req, session, post.csrf)) return page(req, reply, session, 403, post.values, { error: studioTexts(langOf(req)).formExpired });
      const { errors, settings } = readSettings(post.values, t);
      if (!settings) return page(req, reply, session, 400, post.values, { errors });
      await (await kit.db(req)).transaction().execute(async (trx) => {
        await saveDefectSettings(trx, settings);
        await kit.audit(req, session, 'settings', { targetType: 'DefectSettings', detail: { area: settings.area !== null, postalCodes: settings.postalCodes.length, moderationRequired: settings.moderationRequired } }, trx);
      });
      return reply.code(303).header('location', `${SETTINGS_PATH}?gespeichert=1`).send();
    });
  });
}
