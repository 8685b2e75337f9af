import { z } from 'zod';

export const ThemeSchema = z
  .object({
    primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    secondaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    logoUrl: z.string().optional(),
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
