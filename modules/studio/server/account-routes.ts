import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import type { Mailer } from '../../../core/mail/mailer.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import { csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { STAFF_ROLES } from '../../../core/auth/account-directory.ts';
import { AccountsPage } from '../pages/accounts-page.tsx';
import { studioTexts, roleLabels, fill } from '../pages/studio-texts.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';
import { adminSession } from './admin-guard.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';

const providerId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable());
const ActionSchema = z.discriminatedUnion('aktion', [
  z.object({ aktion: z.literal('einladen'), _csrf: z.string().max(100), email: z.string().trim().max(320).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/), name: z.string().trim().max(200).default(''), rolle: z.enum(STAFF_ROLES), anbieter: providerId }),
  z.object({ aktion: z.literal('aendern'), _csrf: z.string().max(100), konto: z.coerce.number().int().positive(), rolle: z.enum(STAFF_ROLES), anbieter: providerId }),
  z.object({ aktion: z.literal('entfernen'), _csrf: z.string().max(100), konto: z.coerce.number().int().positive() }),
]);

/** /studio/konten: tenant admins invite accounts, change and remove roles. Refused on the server for everyone else. */
export const accountRoutes: RoutePlugin = (app, scopeOf, services) => {
  const { sessions, accounts } = services;

  const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, error: string | null, notice: string | null) => {
    const t = studioTexts(langOf(req));
    const scope = await scopeOf(req);
    const [members, providers] = await Promise.all([accounts.members(req.tenant.id), dataProviders(scope)]);
    return sendStudioPage(req, reply, status, t.accounts, h(AccountsPage, { csrf: session.csrf, members, selfId: session.principal.accountId, providers, error, notice }), session.csrf);
  };

  const guard = (req: FastifyRequest, reply: FastifyReply) => adminSession(sessions, req, reply, '/studio/konten', studioTexts(langOf(req)).accounts);

  app.get('/studio/konten', async (req, reply) => {
    const session = await guard(req, reply);
    return session ? page(req, reply, session, 200, null, null) : reply;
  });

  app.post('/studio/konten', async (req, reply) => {
    const session = await guard(req, reply);
    if (!session) return reply;
    const lang = langOf(req);
    const t = studioTexts(lang);
    const parsed = ActionSchema.safeParse(req.body ?? {});
    if (!parsed.success) return page(req, reply, session, 400, t.badAccountInput, null);
    const form = parsed.data;
    if (!sameOrigin(req) || !csrfMatches(session.csrf, form._csrf)) return page(req, reply, session, 403, t.formExpired, null);
    const tenantId = req.tenant.id;

    if (form.aktion !== 'entfernen' && form.rolle === 'data_provider') {
      const providers = await dataProviders(await scopeOf(req));
      if (!providers.some((p) => p.id === form.anbieter)) return page(req, reply, session, 400, t.needsProvider, null);
    }

    if (form.aktion === 'einladen') {
      const result = await accounts.invite(tenantId, { email: form.email, name: form.name, role: form.rolle, dataProviderId: form.anbieter });
      await auditStudio(scopeOf, req, sessionActor(session), 'account.invite', { targetType: 'account', targetId: String(result.accountId), detail: { email: form.email, role: form.rolle, dataProviderId: form.anbieter } });
      await sendInvitation(services.mailer, lang, { email: form.email, name: form.name, role: roleLabels[form.rolle][lang], token: result.token, tenantName: req.tenant.name, base: studioBase(req) });
      return page(req, reply, session, 200, null, fill(t.invited, { email: form.email }));
    }

    const members = await accounts.members(tenantId);
    const member = members.find((m) => m.accountId === form.konto);
    if (!member) return page(req, reply, session, 404, t.unknownAccount, null);
    if (member.accountId === session.principal.accountId) return page(req, reply, session, 400, t.ownAccount, null);
    const losesAdmin = member.role === 'admin' && (form.aktion === 'entfernen' || form.rolle !== 'admin');
    if (losesAdmin && (await accounts.adminCount(tenantId)) <= 1) return page(req, reply, session, 409, t.lastAdmin, null);

    if (form.aktion === 'aendern') {
      await accounts.changeRole(tenantId, member.accountId, form.rolle, form.anbieter);
      await auditStudio(scopeOf, req, sessionActor(session), 'account.role', { targetType: 'account', targetId: String(member.accountId), detail: { email: member.email, role: form.rolle, dataProviderId: form.anbieter } });
      return page(req, reply, session, 200, null, fill(t.changed, { email: member.email }));
    }
    await accounts.remove(tenantId, member.accountId);
    await auditStudio(scopeOf, req, sessionActor(session), 'account.remove', { targetType: 'account', targetId: String(member.accountId), detail: { email: member.email } });
    return page(req, reply, session, 200, null, fill(t.removed, { email: member.email }));
  });
};

/** The tenant's data providers, for the author role of accounts and integrations. */
export async function dataProviders(scope: RequestScope): Promise<{ id: number; name: string }[]> {
  return (await scope.db.selectFrom('data_providers').select(['id', 'name']).orderBy('name').execute()) as { id: number; name: string }[];
}

/** Studio address of the request's own host (scheme and port as the client used them). */
const studioBase = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * The invitation mail: a set-password link for a new account, a notice for one that has a
 * password already. `base` is the host of the tenant invited to, which may not be the request's.
 */
export async function sendInvitation(mailer: Mailer, lang: Lang, o: { email: string; name: string; role: string; token: string | null; tenantName: string; base: string }) {
  const t = studioTexts(lang);
  const values = { name: o.name || o.email, tenant: o.tenantName, role: o.role, login: `${o.base}/studio/anmelden`, link: o.token ? `${o.base}/studio/passwort-neu?token=${o.token}` : '' };
  await mailer.send(
    o.token
      ? { to: o.email, subject: fill(t.inviteSubject, values), text: fill(t.inviteBody, values) }
      : { to: o.email, subject: fill(t.accessSubject, values), text: fill(t.accessBody, values) },
  );
}
