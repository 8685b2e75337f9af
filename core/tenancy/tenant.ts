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

export const TenantInputSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'slug: lower-case letters, digits and hyphens'),
  name: z.string().trim().min(1).max(200),
  officialKey: z.string().regex(/^\d{0,12}$/, 'officialKey: the AGS/ARS, up to 12 digits').default(''),
  state: z.string().max(100).default(''),
  domains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+$/, 'domains: host names only')).default([]),
  enabledModules: z.array(z.string()).default([]),
  theme: ThemeSchema.default({}),
});
export type TenantInput = z.input<typeof TenantInputSchema>;

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
  };
}
