import { z } from 'zod';
import { AppError, validationError } from '../../../core/errors.ts';
import { queryWords, MAX_QUERY_LENGTH } from '../../search/search-query.ts';
import { AREA_KEY, LEIKA_KEY } from '../model/catalog.ts';
import type { ServiceFilter } from './ranked-page.ts';

/**
 * The arguments of the public reads, checked the same way for GraphQL and REST: malformed input
 * is a validation error with a German message (400), a well-formed key that matches nothing is
 * "not found" (null, 404). Values arrive as GraphQL arguments or as query strings, hence the
 * string forms.
 */

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_SKIP = 10_000;
export const DEFAULT_SUGGESTIONS = 8;
export const MAX_SUGGESTIONS = 20;
export const MAX_IDS = 1000;

export type Page = { limit: number; offset: number };

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues[0]!.message);
  return result.data;
}

/** A whole number from a GraphQL Int or a query-string value ("20"). */
const count = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error: `${label}: eine ganze Zahl von 0 bis ${max}.` }).int(`${label}: eine ganze Zahl von 0 bis ${max}.`).min(0, `${label}: eine ganze Zahl von 0 bis ${max}.`).max(max, `${label}: höchstens ${max}.`),
  );

const optionalCount = (label: string, max: number, fallback: number) => count(label, max).nullish().transform((v) => v ?? fallback);

/** limit (default 20, at most 100) and skip (REST: offset; at most 10,000). */
export function pageOf(args: { limit?: unknown; skip?: unknown }, opts: { defaultLimit?: number; maxLimit?: number; skipName?: string } = {}): Page {
  return {
    limit: parsed(optionalCount('limit', opts.maxLimit ?? MAX_LIMIT, opts.defaultLimit ?? DEFAULT_LIMIT), args.limit),
    offset: parsed(optionalCount(opts.skipName ?? 'skip', MAX_SKIP, 0), args.skip),
  };
}

const idSchema = (label: string) =>
  z.union([z.string(), z.number()], { error: `${label}: eine Nummer wie "12".` }).transform((v, ctx) => {
    const s = String(v).trim();
    const n = /^\d{1,10}$/.test(s) ? Number(s) : NaN;
    if (!(n > 0 && n <= 2_147_483_647)) {
      ctx.addIssue({ code: 'custom', message: `${label}: "${s.slice(0, 40)}" ist keine gültige Nummer (eine ganze Zahl größer als 0).` });
      return z.NEVER;
    }
    return n;
  });

/** A record id ("12" or 12); malformed is a validation error. */
export function idOf(value: unknown, label = 'id'): number {
  return parsed(idSchema(label), value);
}

export function optionalIdOf(value: unknown, label = 'id'): number | null {
  return value === null || value === undefined || value === '' ? null : idOf(value, label);
}

export function idsOf(value: unknown[] | null | undefined, label = 'ids'): number[] | null {
  if (value === null || value === undefined) return null;
  if (value.length > MAX_IDS) throw validationError(`${label}: höchstens ${MAX_IDS} Nummern.`);
  return value.map((v) => idOf(v, label));
}

/** A LeiKa key: 14 digits. */
export function leikaKeyOf(value: unknown): string {
  return parsed(z.string({ error: 'leikaKey: 14 Ziffern.' }).trim().regex(LEIKA_KEY, 'Ein LeiKa-Schlüssel hat genau 14 Ziffern (z. B. 99010004001000).'), value);
}

export function optionalLeikaKeyOf(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : leikaKeyOf(value);
}

/** An official regional key (ARS, 12 digits), an AGS (8 digits) or a prefix of an ARS (2–12 digits). */
export function areaOf(value: unknown): string {
  return parsed(
    z.string({ error: 'area: ein amtlicher Regionalschlüssel aus 2 bis 12 Ziffern.' }).trim().regex(AREA_KEY, 'area: ein amtlicher Regionalschlüssel (ARS) oder sein Anfang, 2 bis 12 Ziffern (z. B. 120690017017 oder 12069).'),
    value,
  );
}

export function optionalAreaOf(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : areaOf(value);
}

/**
 * The words of a search text (modules/search: letters and digits only, lower-case). A blank
 * text gives no words; too long a text, or too many words, is a validation error.
 */
export function searchWordsOf(value: unknown, label = 'search'): string[] {
  if (value === null || value === undefined) return [];
  const text = parsed(z.string({ error: `${label}: ein Suchtext.` }).max(MAX_QUERY_LENGTH, `Der Suchtext ist zu lang (höchstens ${MAX_QUERY_LENGTH} Zeichen).`), value);
  try {
    return queryWords(text);
  } catch (err) {
    if (err instanceof AppError) throw validationError('Der Suchtext hat zu viele Wörter (höchstens 10).');
    throw err;
  }
}

/** The filters of a service list; `names` are the argument names to mention in messages (GraphQL and REST differ). */
export function serviceFilterOf(
  args: { search?: unknown; lifeSituationId?: unknown; leikaKey?: unknown; ids?: unknown[] | null },
  names: { search: string; lifeSituationId: string },
): ServiceFilter {
  return {
    words: searchWordsOf(args.search, names.search),
    lifeSituationId: optionalIdOf(args.lifeSituationId, names.lifeSituationId),
    leikaKey: optionalLeikaKeyOf(args.leikaKey),
    ids: idsOf(args.ids),
  };
}

/** How many suggestions (default 8, at most 20). */
export const suggestionLimitOf = (limit: unknown): number => pageOf({ limit }, { defaultLimit: DEFAULT_SUGGESTIONS, maxLimit: MAX_SUGGESTIONS }).limit;
