import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { recordAudit } from '../../../core/audit/audit-log.ts';
import { isVersion } from '../../../lib/semver.ts';
import { configSchema } from '../../static-content/studio/config-schemas.ts';
import { createConfigVersion, findConfigFile, listConfigFiles, saveConfigFile, stampOf, type ConfigFile } from '../../static-content/studio/config-files.ts';
import { fieldsOf } from '../config-form/schema-fields.ts';
import { messagesByPath, shownField, validate, type Violation } from '../config-form/validate.ts';
import { AppConfigPage } from '../pages/app-config-page.tsx';
import { ConfigFilePage, type ConfigFilePageProps } from '../pages/config-file-page.tsx';
import { appConfigTexts } from '../pages/app-config-texts.ts';
import { fill } from '../pages/studio-texts.ts';
import { configSession, writeAllowed, type ConfigSession } from './app-config-access.ts';
import { isAdmin } from './admin-guard.ts';
import { readSubmission, jsonProblem } from './config-submission.ts';
import { sessionActor } from './studio-audit.ts';
import { langOf, sendStudioPage } from './studio-http.ts';

const VersionForm = z.object({ _csrf: z.string().max(100), datei: z.string().trim().min(1).max(200), version: z.string().trim().max(20) });
const EditForm = z.looseObject({ _csrf: z.string().max(100), _stand: z.string().max(40), _modus: z.enum(['form', 'json']), _op: z.string().max(300).optional() });
const IdParam = z.object({ id: z.coerce.number().int().positive() });

type Outcome = { error: string | null; notice: string | null };

/**
 * /studio/einstellungen: the app's JSON configuration files. A form generated from each file's
 * schema or its raw JSON, both checked before saving (nothing is saved on any error); a form
 * from an older state gets 409; every save and new version is audited in its transaction.
 */
export const appConfigRoutes: RoutePlugin = (app, scopeOf, services) => {
  const { sessions } = services;

  const overview = async (req: FastifyRequest, reply: FastifyReply, cs: ConfigSession, status: number, outcome: Outcome) => {
    const files = (await listConfigFiles((await scopeOf(req)).db)).map((f) => ({ id: f.id, name: f.name, version: f.version, updatedAt: f.updated_at }));
    const content = h(AppConfigPage, { csrf: cs.session.csrf, files, canEdit: cs.canEdit, isAdmin: isAdmin(cs.session), ...outcome });
    return sendStudioPage(req, reply, status, appConfigTexts(langOf(req)).title, content, cs.session.csrf);
  };

  app.get('/studio/einstellungen', async (req, reply) => {
    const cs = await configSession(sessions, req, reply, '/studio/einstellungen');
    return cs ? overview(req, reply, cs, 200, { error: null, notice: null }) : reply;
  });

  app.post('/studio/einstellungen/version', async (req, reply) => {
    const cs = await configSession(sessions, req, reply, '/studio/einstellungen');
    if (!cs) return reply;
    const t = appConfigTexts(langOf(req));
    const form = VersionForm.safeParse(req.body ?? {});
    if (!form.success) return overview(req, reply, cs, 400, { error: t.badInput, notice: null });
    if (!writeAllowed(req, reply, cs, form.data._csrf)) return reply;
    const { datei: name, version } = form.data;
    if (!isVersion(version)) return overview(req, reply, cs, 400, { error: t.badVersion, notice: null });
    const scope = await scopeOf(req);
    const outcome = await createConfigVersion(scope.db, name, version, (trx, row) =>
      recordAudit(trx, { tenantId: req.tenant.id, ...sessionActor(cs.session), action: 'studio:config.version', targetType: 'static_content', targetId: String(row.id), detail: { name: row.name, version }, ip: scope.ip }),
    );
    if (!outcome.ok) return overview(req, reply, cs, outcome.reason === 'exists' ? 409 : 404, { error: outcome.reason === 'exists' ? fill(t.versionExists, { name, version }) : t.unknownFile, notice: null });
    return overview(req, reply, cs, 200, { error: null, notice: fill(t.versionCreated, { name: outcome.row.name, version }) });
  });

  const fileOf = async (req: FastifyRequest, reply: FastifyReply, cs: ConfigSession): Promise<ConfigFile | null> => {
    const params = IdParam.safeParse(req.params);
    const file = params.success ? await findConfigFile((await scopeOf(req)).db, params.data.id) : undefined;
    if (file) return file;
    sendStudioPage(req, reply, 404, appConfigTexts(langOf(req)).title, h('p', { role: 'alert' }, appConfigTexts(langOf(req)).unknownFile), cs.session.csrf);
    return null;
  };

  type PageState = Omit<ConfigFilePageProps, 'csrf' | 'file' | 'node' | 'canEdit' | 'errors'>;
  const filePage = (req: FastifyRequest, reply: FastifyReply, cs: ConfigSession, file: ConfigFile, status: number, state: PageState) => {
    const node = fieldsOf(configSchema(file.name));
    const content = h(ConfigFilePage, { csrf: cs.session.csrf, file, node, canEdit: cs.canEdit, errors: messagesByPath(state.violations), ...state });
    const title = `${appConfigTexts(langOf(req)).title}: ${file.name}${file.version ? ` ${file.version}` : ''}`;
    return sendStudioPage(req, reply, status, title, content, cs.session.csrf);
  };

  app.get('/studio/einstellungen/datei/:id', async (req, reply) => {
    const cs = await configSession(sessions, req, reply, req.url);
    const file = cs && (await fileOf(req, reply, cs));
    if (!cs || !file) return reply;
    const query = req.query as Record<string, string | undefined>;
    const t = appConfigTexts(langOf(req));
    return filePage(req, reply, cs, file, 200, {
      stamp: stampOf(file),
      mode: query.modus === 'json' ? 'json' : 'form',
      value: JSON.parse(file.content),
      raw: file.content,
      jsonErrors: new Map(),
      violations: [],
      problem: null,
      notice: query.gespeichert ? t.saved : null,
    });
  });

  app.post('/studio/einstellungen/datei/:id', async (req, reply) => {
    const cs = await configSession(sessions, req, reply, req.url);
    const file = cs && (await fileOf(req, reply, cs));
    if (!cs || !file) return reply;
    const lang = langOf(req);
    const t = appConfigTexts(lang);
    const form = EditForm.safeParse(req.body ?? {});
    if (!form.success) return sendStudioPage(req, reply, 400, t.title, h('p', { role: 'alert' }, t.badInput), cs.session.csrf);
    if (!writeAllowed(req, reply, cs, form.data._csrf)) return reply;
    const schema = configSchema(file.name);
    const node = fieldsOf(schema);
    const sent = readSubmission(node, form.data, lang);
    const state = { stamp: form.data._stand, mode: sent.mode, value: sent.value, raw: sent.raw, jsonErrors: sent.jsonErrors, notice: null };
    if (sent.groupAction) return filePage(req, reply, cs, file, 200, { ...state, violations: [], problem: null });
    if (sent.problem) return filePage(req, reply, cs, file, 400, { ...state, violations: [], problem: sent.problem });

    const violations: Violation[] = [...sent.jsonErrors].map(([path, e]) => ({ ...shownField(node, path.split('.').slice(1), lang), message: jsonProblem({ ...e, problem: 'unexpected' }, lang) }));
    if (!violations.length) violations.push(...validate(schema, node, sent.value, lang));
    if (violations.length) return filePage(req, reply, cs, file, 400, { ...state, violations, problem: null });

    const scope = await scopeOf(req);
    const saved = await saveConfigFile(scope.db, file.id, sent.value, form.data._stand, (trx, row) =>
      recordAudit(trx, { tenantId: req.tenant.id, ...sessionActor(cs.session), action: 'studio:config.save', targetType: 'static_content', targetId: String(row.id), detail: { name: row.name, version: row.version, mode: sent.mode }, ip: scope.ip }),
    );
    if (!saved.ok && saved.reason === 'conflict') return filePage(req, reply, cs, file, 409, { ...state, violations: [], problem: t.conflict });
    if (!saved.ok) return fileOf(req, reply, cs);
    return reply.code(303).header('location', `/studio/einstellungen/datei/${file.id}?gespeichert=1${sent.mode === 'json' ? '&modus=json' : ''}`).send();
  });
};
