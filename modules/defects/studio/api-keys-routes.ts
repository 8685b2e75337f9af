import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { moduleStudioKit } from '../../studio/server/module-studio-kit.ts';
import { langOf } from '../../studio/server/studio-http.ts';
import { issueApiKey, listApiKeys, revokeApiKey } from '../open311/api-keys.ts';
import { OPEN311_BASE } from '../open311/open311-discovery.ts';
import { canManageApiKeys } from './api-keys-access.ts';
import { API_KEYS_PATH, ApiKeysPage, type ApiKeysPageProps } from './api-keys-page.tsx';
import { apiKeysTexts } from './api-keys-texts.ts';

const ActionSchema = z.discriminatedUnion('aktion', [
  z.object({ aktion: z.literal('anlegen'), _csrf: z.string().max(100), name: z.string().trim().min(1).max(200) }),
  z.object({ aktion: z.literal('widerrufen'), _csrf: z.string().max(100), schluessel: z.coerce.number().int().positive().max(2_147_483_647) }),
]);

type Outcome = Pick<ApiKeysPageProps, 'created' | 'error' | 'notice'>;
const none: Outcome = { created: null, error: null, notice: null };

/**
 * /studio/open311-schluessel: admins issue a key per Open311 client app (shown once, only its
 * SHA-256 kept) and revoke it. Every write is audited in the same transaction.
 */
export const apiKeysStudioRoutes: RoutePlugin = (app, scopeOf, { sessions }) => {
  const kit = moduleStudioKit(scopeOf, sessions, { texts: apiKeysTexts, auditPrefix: 'defects' });
  const guard = (req: FastifyRequest, reply: FastifyReply) => kit.guard(req, reply, canManageApiKeys, API_KEYS_PATH);

  const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, outcome: Outcome) => {
    const scope = await scopeOf(req);
    const content = h(ApiKeysPage, { csrf: session.csrf, keys: await listApiKeys(scope.db), endpoint: `${scope.origin}${OPEN311_BASE}`, ...outcome });
    return kit.page(req, reply, status, kit.texts(req).title, content, session);
  };

  app.get(API_KEYS_PATH, async (req, reply) => {
    const session = await guard(req, reply);
    return session ? page(req, reply, session, 200, none) : reply;
  });

  app.post(API_KEYS_PATH, async (req, reply) => {
    const session = await guard(req, reply);
    if (!session) return reply;
    const t = kit.texts(req);
    const parsed = ActionSchema.safeParse(req.body ?? {});
    if (!parsed.success) return page(req, reply, session, 400, { ...none, error: t.badInput });
    const form = parsed.data;
    if (!kit.tokenValid(req, session, form._csrf)) return page(req, reply, session, 403, { ...none, error: studioTexts(langOf(req)).formExpired });
    const db = await kit.db(req);

    if (form.aktion === 'anlegen') {
      const issued = await db.transaction().execute(async (trx) => {
        const k = await issueApiKey(trx, form.name);
        await kit.audit(req, session, 'api_key.issue', { targetType: 'DefectApiKey', targetId: String(k.id), detail: { name: form.name } }, trx);
        return k;
      });
      return page(req, reply, session, 200, { ...none, created: { name: form.name, key: issued.key } });
    }

    const name = await db.transaction().execute(async (trx) => {
      const revoked = await revokeApiKey(trx, form.schluessel);
      if (revoked !== null) await kit.audit(req, session, 'api_key.revoke', { targetType: 'DefectApiKey', targetId: String(form.schluessel), detail: { name: revoked } }, trx);
      return revoked;
    });
    if (name === null) return page(req, reply, session, 404, { ...none, error: t.unknown });
    return page(req, reply, session, 200, { ...none, notice: fillText(t.revokedNotice, { name }) });
  });
};
