import type { FastifyError, FastifyInstance } from 'fastify';
import { toAppError } from '../errors.ts';
import { errorPage, wantsHtml } from './error-page.ts';

/**
 * The one place where errors become HTTP responses: AppErrors with their status and message,
 * everything else as a 500 without details (logged with its stack).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appErr = toAppError(err);
    if (!appErr || appErr.httpStatus >= 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Internal server error.' } });
    }
    const oauth = appErr.details?.oauthError;
    if (typeof oauth === 'string') return reply.code(appErr.httpStatus).send({ error: oauth, error_description: appErr.message });
    if (req.url.startsWith('/graphql')) {
      return reply.code(appErr.httpStatus).send({ errors: [{ message: appErr.message, extensions: { code: appErr.code } }] });
    }
    if (wantsHtml(req)) return reply.code(appErr.httpStatus).type('text/html; charset=utf-8').send(errorPage(req, appErr));
    return reply.code(appErr.httpStatus).send({ error: { code: appErr.code, message: appErr.message } });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `Nothing here: ${req.method} ${req.url.split('?')[0]}` } });
  });
}
