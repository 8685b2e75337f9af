import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';
import { AppError, toAppError, validationError } from '../../../core/errors.ts';

/** German words for what the HTTP framework or multipart reader refuses before our code runs. */
function frameworkError(err: { statusCode?: number; code?: string }): AppError | undefined {
  switch (err.code) {
    case 'FST_FILES_LIMIT':
      return badForm('Höchstens 5 Fotos je Meldung.', 'too_many_photos', 'photo');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return badForm('Das Formular ist unvollständig oder fehlerhaft.', 'bad_form');
  }
  const status = err.statusCode ?? 0;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'Die Anfrage ist zu groß.', { code: 'too_large' });
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Bitte senden Sie die Meldung als multipart/form-data.', { code: 'unsupported_media_type' });
  if (status >= 400 && status < 500) return badForm('Die Anfrage ist fehlerhaft.', 'bad_request');
  return undefined;
}

export const badForm = (message: string, code: string, field?: string) => new AppError('BAD_REQUEST', message, { code, ...(field ? { field } : {}) });

/** A zod failure as one German message naming the first field ("location.lat: …"). */
export function fromZod(error: ZodError, prefix = ''): AppError {
  const issue = error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return validationError(field ? `${field}: ${issue.message}` : issue.message, { code: 'validation', field });
}

/**
 * The citizen API's error shape, `{error: {code, message, field?}}`: code is the specific reason
 * where there is one (outside_area, challenge_expired, rate_limited …), else the error class in
 * lower case (validation, not_found …); 429 carries Retry-After. Only real faults become a 500.
 */
export function registerCitizenErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appErr = err instanceof AppError ? err : (frameworkError(err) ?? toAppError(err));
    if (!appErr || appErr.httpStatus >= 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).send({ error: { code: 'internal', message: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.' } });
    }
    const d = appErr.details ?? {};
    if (typeof d.retryAfter === 'number') reply.header('retry-after', String(d.retryAfter));
    const code = typeof d.code === 'string' ? d.code : appErr.code.toLowerCase();
    return reply.code(appErr.httpStatus).send({ error: { code, message: appErr.message, ...(typeof d.field === 'string' && d.field ? { field: d.field } : {}) } });
  });
}
