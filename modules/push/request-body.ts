import { z } from 'zod';
import { badRequest, unprocessable } from '../../core/errors.ts';

/** A record id as JSON number or digit string (the app sends both). */
export const IdInput = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, 'must be a number')])
  .transform(Number)
  .pipe(z.number().int('must be a whole number').min(1, 'must be positive').max(2_147_483_647, 'is too large'));

/** A list of ids, each kept once. */
export const idListInput = (max: number) =>
  z
    .array(IdInput)
    .max(max, `has more than ${max} entries`)
    .transform((ids) => [...new Set(ids)]);

/**
 * Reads the object the mainserver wraps a body in (e.g. `notification_device`) and checks it:
 * without that object 400 (Rails: "param is missing"), any field problem 422 naming the field.
 */
export function wrappedBody<T>(body: unknown, key: string, schema: z.ZodType<T>): T {
  const inner = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) throw badRequest(`The JSON body needs an object "${key}".`);
  return checked(schema, inner, key);
}

/** Checks a value; every problem goes into one 422 message ("key.field: problem"). */
export function checked<T>(schema: z.ZodType<T>, value: unknown, prefix?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const message = i.message.replace(/^Invalid input: /, '');
    return path ? `${path}: ${message}` : message;
  });
  throw unprocessable(`Invalid input: ${problems.join('; ')}.`, { problems });
}
