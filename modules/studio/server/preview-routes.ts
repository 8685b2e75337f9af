import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { csrfMatches } from '../../../core/auth/sessions.ts';
import type { PagePreview } from '../../web-app/server/page-route.ts';
import { sendAppPreview } from './app-preview.ts';
import { configSchema } from '../../static-content/studio/config-schemas.ts';
import { findConfigFile } from '../../static-content/studio/config-files.ts';
import { fieldsOf } from '../config-form/schema-fields.ts';
import { configSession } from './app-config-access.ts';
import { readSubmission } from './config-submission.ts';
import { ThemeForm } from './theme-routes.ts';
import { langOf, sameOrigin } from './studio-http.ts';

const PATH = '/studio/einstellungen/vorschau';
const FileId = z.coerce.number().int().positive();

/**
 * The preview in the settings pages' iframe: the citizen app's home, rendered by the web app's
 * own loader and components with the form's unsaved file or theme (POST, targeted at the iframe
 * by formtarget) or with the stored state (GET). Its CSP allows framing by this origin only.
 */
export const previewRoutes: RoutePlugin = (app, scopeOf, services) => {
  app.get(PATH, async (req, reply) => {
    const cs = await configSession(services.sessions, req, reply, PATH);
    return cs ? sendAppPreview(app, req, reply, {}) : reply;
  });

  app.post(PATH, async (req, reply) => {
    const cs = await configSession(services.sessions, req, reply, PATH);
    if (!cs) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!sameOrigin(req) || !csrfMatches(cs.session.csrf, body._csrf)) return reply.code(403).type('text/plain; charset=utf-8').send('403');
    const preview: PagePreview & { files: Record<string, unknown> } = { files: {} };
    const id = FileId.safeParse(body._datei);
    const file = id.success ? await findConfigFile((await scopeOf(req)).db, id.data) : undefined;
    if (file) {
      const sent = readSubmission(fieldsOf(configSchema(file.name)), body, langOf(req));
      // Text that is no JSON yet shows the stored file.
      if (!sent.problem) preview.files[file.name.toLowerCase()] = sent.value;
    }
    const theme = body._thema ? ThemeForm.pick({ primaryColor: true, onPrimaryColor: true }).safeParse(body) : null;
    if (theme?.success) preview.theme = theme.data;
    return sendAppPreview(app, req, reply, preview);
  });
};
