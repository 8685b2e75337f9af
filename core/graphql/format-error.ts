import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import { toAppError } from '../errors.ts';

/**
 * GraphQL errors as clients see them: the message and a code, never a stack. Errors that are
 * not ours (bugs, database faults) are logged and answered with a generic message.
 */
export function formatGraphQLError(err: GraphQLError, log: FastifyBaseLogger): GraphQLFormattedError {
  const original = err.originalError;
  const base = { locations: err.locations, path: err.path };
  const known = original && !(original instanceof GraphQLError) ? toAppError(original) : undefined;
  if (known && known.httpStatus < 500) {
    return { message: known.message, ...base, extensions: { code: known.code, ...(known.details ?? {}) } };
  }
  if (!original || original instanceof GraphQLError) {
    return { message: err.message, ...base, extensions: { code: (err.extensions?.code as string) ?? 'GRAPHQL_VALIDATION_FAILED' } };
  }
  log.error({ err: original, path: err.path }, 'unexpected error in GraphQL resolver');
  return { message: 'Internal server error.', ...base, extensions: { code: 'INTERNAL' } };
}
