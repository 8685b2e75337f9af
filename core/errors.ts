/**
 * Errors are values with codes. Everything a client may see is an AppError;
 * anything else is an internal fault, logged and answered without details.
 * The mapping to HTTP statuses lives here and nowhere else.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** Well-formed but refused by a rule of the record (the mainserver's REST answers 422 for these). */
  | 'UNPROCESSABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_REQUESTS'
  | 'UNAVAILABLE'
  | 'INTERNAL';

const httpStatusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  QUERY_TOO_COMPLEX: 400,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) => new AppError('BAD_REQUEST', message, details);
export const validationError = (message: string, details?: Record<string, unknown>) => new AppError('VALIDATION', message, details);
export const unauthenticated = (message = 'A valid access token is required.') => new AppError('UNAUTHENTICATED', message);
/** The mainserver's wording, which existing clients may match on. */
export const forbidden = (message = 'Access not permitted!') => new AppError('FORBIDDEN', message);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const unprocessable = (message: string, details?: Record<string, unknown>) => new AppError('UNPROCESSABLE', message, details);
export const tooManyRequests = (message: string) => new AppError('TOO_MANY_REQUESTS', message);

/** Fastify's own errors carry a statusCode and a code like FST_ERR_CTP_BODY_TOO_LARGE. */
export function fromHttpFrameworkError(err: { statusCode?: number; code?: string; message: string }): AppError | undefined {
  const status = err.statusCode ?? 0;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'This content type is not supported here; send JSON.');
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (status === 400 && /JSON/i.test(err.message))) {
    return badRequest('The request body is not valid JSON.');
  }
  if (status === 404) return notFound('Not found.');
  if (status >= 400 && status < 500) return badRequest(err.message);
  return undefined;
}

/** PostgreSQL SQLSTATEs that mean "bad input", not "server fault". */
function fromDatabaseError(err: { code?: unknown; constraint?: unknown }): AppError | undefined {
  switch (err.code) {
    case '23505':
      return new AppError('CONFLICT', 'A record with these values exists already.');
    case '23503':
      return validationError('Invalid input: a referenced record does not exist.');
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return validationError('Invalid input: a value is out of range or malformed.');
    default:
      return undefined;
  }
}

export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; statusCode?: number; message: string };
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && e.statusCode === undefined) return fromDatabaseError(e);
  if ("message" in e) return fromHttpFrameworkError(e as { statusCode?: number; code?: string; message: string });
  return undefined;
}
