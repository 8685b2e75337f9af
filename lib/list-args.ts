import { validationError } from '../core/errors.ts';
import { MAX_LIMIT } from '../core/graphql/complexity.ts';

/** limit/skip (and the deprecated take) of list queries, checked. */
export function pagination(args: { limit?: number | null; skip?: number | null; take?: number | null }, defaultLimit: number | null = null): { limit: number | null; offset: number } {
  const limit = args.limit ?? args.take ?? defaultLimit;
  const offset = args.skip ?? 0;
  if (limit !== null && (limit < 0 || limit > MAX_LIMIT)) throw validationError(`Invalid input: limit must be between 0 and ${MAX_LIMIT}.`);
  if (offset < 0) throw validationError('Invalid input: skip must not be negative.');
  if (offset > 1_000_000) throw validationError('Invalid input: skip is too large.');
  return { limit, offset };
}

/** One id argument; ids that cannot exist (not a positive integer) give null, i.e. "not found". */
export function idArg(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}

/** `[ID]` lists accept nulls and junk; unknown ids are simply skipped, as in the mainserver. */
export function idList(v: unknown[] | null | undefined): number[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (v.length > 10_000) throw validationError('Invalid input: too many ids (at most 10000).');
  return v.map(idArg).filter((n): n is number => n !== null);
}

/** "createdAt_DESC" → ["createdAt", "desc"]; the enum already restricted the values. */
export function splitOrder(order: string): [string, 'asc' | 'desc'] {
  const i = order.lastIndexOf('_');
  return [order.slice(0, i), order.slice(i + 1) === 'ASC' ? 'asc' : 'desc'];
}
