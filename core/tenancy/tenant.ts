import { z } from 'zod';

export const ThemeSchema = z
  .object({
    primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    secondaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    /** Text colour on the primary colour (the studio refuses pairs below 4.5:1). */
    onPrimaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    logoUrl: z.string().optional(),
    /** App icons from the media library, as web app manifest entries. */
    icons: z.array(z.object({ src: z.string(), sizes: z.string(), type: z.string() })).optional(),
  })
  .passthrough();

/** The 16 Länder, as a municipality's state is written. */
export const GERMAN_STATES = [
  'Baden-Württemberg',
  'Bayern',
  'Berlin',
  'Brandenburg',
  'Bremen',
  'Hamburg',
  'Hessen',
  'Mecklenburg-Vorpommern',
  'Niedersachsen',
  'Nordrhein-Westfalen',
  'Rheinland-Pfalz',
  'Saarland',
  'Sachsen',
  'Sachsen-Anhalt',
  'Schleswig-Holstein',
  'Thüringen',
] as const;
export type GermanState = (typeof GERMAN_STATES)[number];

/** AGS (Amtlicher Gemeindeschlüssel, 8 digits) or ARS (Amtlicher Regionalschlüssel, 12 digits). */
export const OFFICIAL_KEY = /^(\d{8}|\d{12})$/;
/** A host name: dot-separated labels of letters, digits and inner hyphens; no scheme, port or path. */
export const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The host every tenant answers on besides its domains (development, tests). */
export const localHostOf = (slug: string) => `${slug}.localhost`;

const fields = {
  name: z.string().trim().min(1).max(200),
  officialKey: z.union([z.literal(''), z.string().regex(OFFICIAL_KEY, 'officialKey: the AGS (8 digits) or the ARS (12 digits)')]).default(''),
  state: z.union([z.literal(''), z.enum(GERMAN_STATES, { message: `state: one of ${GERMAN_STATES.join(', ')}` })]).default(''),
  domains: z
    .array(z.string().trim().toLowerCase().regex(HOST_NAME, 'domains: host names only (like app.musterstadt.de)'))
    .default([])
    .transform((d) => [...new Set(d)]),
};

export const TenantInputSchema = z.object({
  slug: z.string().regex(SLUG, 'slug: lower-case letters, digits and hyphens'),
  ...fields,
  enabledModules: z.array(z.string()).default([]),
  theme: ThemeSchema.default({}),
});
export type TenantInput = z.input<typeof TenantInputSchema>;

/** What a platform admin may change of an existing municipality (the slug stays: it names hosts and data). */
export const TenantUpdateSchema = z.object(fields);
export type TenantUpdate = z.input<typeof TenantUpdateSchema>;
/** What may change on an existing tenant (the studio's theme and module pages). */
// Without defaults: a field left out stays as it is.
export const TenantChangeSchema = z.object({ enabledModules: z.array(z.string()).optional(), theme: ThemeSchema.optional() });
export type TenantChange = z.input<typeof TenantChangeSchema>;

export type Tenant = {
  id: number;
  slug: string;
  name: string;
  officialKey: string;
  state: string;
  domains: string[];
  enabledModules: string[];
  theme: z.infer<typeof ThemeSchema>;
  createdAt: Date;
};

export function tenantFromRow(row: any): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    officialKey: row.official_key,
    state: row.state,
    domains: row.domains ?? [],
    enabledModules: row.enabled_modules ?? [],
    theme: row.theme ?? {},
    createdAt: new Date(row.created_at),
  };
}
