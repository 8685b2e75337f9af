import { z } from 'zod';

/** An Open311 service attribute: an extra question a category asks (e.g. the lamp post's number). */
export const CategoryAttribute = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean().default(false),
  /** false: information shown to the reporter, no answer expected. */
  variable: z.boolean().default(true),
  description: z.string().max(500),
  datatypeDescription: z.string().max(500).default(''),
  order: z.number().int().min(0).default(0),
  values: z.array(z.object({ key: z.string().max(100), name: z.string().max(200) })).default([]),
});
export type CategoryAttribute = z.infer<typeof CategoryAttribute>;
export const CategoryAttributes = z.array(CategoryAttribute).max(30);
