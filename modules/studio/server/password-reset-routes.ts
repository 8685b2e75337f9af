import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { FolderMailer } from '../../../core/mail/mailer.ts';
import { AppError } from '../../../core/errors.ts';
import { ForgotPasswordPage, NewPasswordPage } from '../pages/password-reset-pages.tsx';
import { MailboxPage } from '../pages/mailbox-page.tsx';
import { studioTexts, fill } from '../pages/studio-texts.ts';
import { devMailboxEnabled, formCsrf, formCsrfValid, langOf, sendStudioPage } from './studio-http.ts';
import { auditStudio } from './studio-audit.ts';

const ForgotSchema = z.object({ email: z.string().trim().min(3).max(320), _csrf: z.string().max(100) });
const NewPasswordSchema = z.object({ token: z.string().max(100), password: z.string().max(200), repeat: z.string().max(200), _csrf: z.string().max(100) });

/** "Forgot password": request a one-time link by e-mail, then set a new password with it. */
export const passwordResetRoutes: RoutePlugin = (app, scopeOf, { passwordResets, mailer }) => {
  app.get('/studio/passwort-vergessen', (req, reply) => {
    const t = studioTexts(langOf(req));
    return sendStudioPage(req, reply, 200, t.forgotTitle, h(ForgotPasswordPage, { csrf: formCsrf(req, reply), email: '', error: null, notice: null }));
  });

  app.post('/studio/passwort-vergessen', async (req, reply) => {
    const t = studioTexts(langOf(req));
    const parsed = ForgotSchema.safeParse(req.body ?? {});
    const page = (status: number, email: string, error: string | null, notice: string | null) =>
      sendStudioPage(req, reply, status, t.forgotTitle, h(ForgotPasswordPage, { csrf: formCsrf(req, reply), email, error, notice }));
    if (!parsed.success) return page(400, '', t.badInput, null);
    if (!formCsrfValid(req, parsed.data._csrf)) return page(403, parsed.data.email, t.formExpired, null);
    const reset = await passwordResets.request(parsed.data.email, req.tenant.id);
    if (reset) {
      await auditStudio(scopeOf, req, { accountId: reset.accountId, actor: reset.email }, 'password.reset-requested');
      const link = `${req.protocol}://${req.host}/studio/passwort-neu?token=${reset.token}`;
      await mailer.send({
        to: reset.email,
        subject: fill(t.mailSubject, { tenant: req.tenant.name }),
        text: fill(t.mailBody, { name: reset.name || reset.email, tenant: req.tenant.name, link }),
      });
    }
    // The same answer either way, so the form does not reveal which addresses have accounts.
    return page(200, '', null, t.linkSent);
  });

  const newPasswordPage = (req: any, reply: any, status: number, token: string, error: string | null) => {
    const t = studioTexts(langOf(req));
    return sendStudioPage(req, reply, status, t.newPasswordTitle, h(NewPasswordPage, { csrf: formCsrf(req, reply), token, error }));
  };

  app.get('/studio/passwort-neu', async (req, reply) => {
    const token = String((req.query as Record<string, unknown>)?.token ?? '').slice(0, 100);
    const valid = await passwordResets.isValid(token);
    return newPasswordPage(req, reply, valid ? 200 : 400, token, valid ? null : studioTexts(langOf(req)).linkInvalid);
  });

  app.post('/studio/passwort-neu', async (req, reply) => {
    const t = studioTexts(langOf(req));
    const parsed = NewPasswordSchema.safeParse(req.body ?? {});
    if (!parsed.success) return newPasswordPage(req, reply, 400, '', t.linkInvalid);
    const form = parsed.data;
    if (!formCsrfValid(req, form._csrf)) return newPasswordPage(req, reply, 403, form.token, t.formExpired);
    if (form.password !== form.repeat) return newPasswordPage(req, reply, 400, form.token, t.mismatch);
    const outcome = await passwordResets.complete(form.token, form.password);
    if (!outcome.ok) return newPasswordPage(req, reply, 400, form.token, outcome.reason === 'weak-password' ? (outcome.message ?? t.badInput) : t.linkInvalid);
    await auditStudio(scopeOf, req, { accountId: outcome.accountId, actor: outcome.email }, 'password.reset');
    return reply.code(303).header('location', '/studio/anmelden?passwort=neu').send();
  });

  app.get('/studio/postfach', (req, reply) => {
    if (!devMailboxEnabled(mailer) || !(mailer instanceof FolderMailer)) throw new AppError('NOT_FOUND', 'This server has no development mailbox (SMTP is configured or NODE_ENV=production).');
    const t = studioTexts(langOf(req));
    return sendStudioPage(req, reply, 200, t.mailbox, h(MailboxPage, { mails: mailer.list() }));
  });
};
