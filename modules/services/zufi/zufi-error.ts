import { AppError } from '../../../core/errors.ts';

/**
 * Why talking to ZuFi failed. The sync records the message (German, for the studio) and uses
 * the reason for the circuit breaker: `unauthorized` opens it at once.
 */
export type ZufiFailure =
  | 'not_configured'
  | 'unauthorized'
  | 'timeout'
  | 'network'
  | 'rate_limited'
  | 'upstream_error'
  | 'not_found'
  | 'malformed'
  | 'incomplete'
  | 'empty'
  | 'shrink';

/** Data refusals are 422 (the request was fine, the data is not); talking to the upstream failed is 503. */
const DATA_REFUSALS: ZufiFailure[] = ['not_configured', 'incomplete', 'empty', 'shrink'];

export function zufiError(reason: ZufiFailure, message: string): AppError {
  return new AppError(DATA_REFUSALS.includes(reason) ? 'UNPROCESSABLE' : 'UNAVAILABLE', message, { zufi: reason });
}

/** The reason of a ZuFi error, or undefined for any other error. */
export function zufiFailureOf(err: unknown): ZufiFailure | undefined {
  return err instanceof AppError ? (err.details?.zufi as ZufiFailure | undefined) : undefined;
}
