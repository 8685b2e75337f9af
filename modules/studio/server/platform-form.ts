import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { GERMAN_STATES, HOST_NAME, OFFICIAL_KEY, SLUG, type TenantUpdate } from '../../../core/tenancy/tenant.ts';
import type { NewTenant } from '../../../core/tenancy/tenant-administration.ts';
import { parameterizeName } from '../../../lib/parameterize.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import type { platformTexts } from '../pages/platform-texts.ts';

type Texts = ReturnType<typeof platformTexts>;

/** The form as entered, shown again after a refusal. */
export type TenantFormValues = { name: string; slug: string; schluessel: string; land: string; domains: string; email: string; adminName: string; module: string[] };
export type TenantFormErrors = Partial<Record<keyof TenantFormValues, string>>;

/** Always enabled: without the studio the new admin could not log in. */
export const REQUIRED_MODULE = 'studio';

const text = z.string().max(4000).default('');
/** The shape of the post; anything else (a crafted body) is refused as a whole. */
const BodySchema = z.object({
  _csrf: z.string().max(100),
  name: text,
  slug: text,
  schluessel: text,
  land: text,
  domains: text,
  email: text,
  adminName: text,
  module: z.union([z.string().max(100), z.array(z.string().max(100)).max(100)]).default([]),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A slug from the name: "Bad Belzig (Demo)" → "bad-belzig-demo". */
export const suggestSlug = (name: string) => parameterizeName(name).replace(/_/g, '-').slice(0, 63).replace(/-+$/, '');

export const splitDomains = (raw: string) => [...new Set(raw.split(/[\s,;]+/).map((d) => d.trim().toLowerCase()).filter(Boolean))];

function fieldSchemas(t: Texts) {
  return {
    name: z.string().trim().min(1, t.needName).max(200, t.needName),
    slug: z.string().regex(SLUG, t.badSlug),
    schluessel: z.string().trim().regex(OFFICIAL_KEY, t.badKey),
    land: z.enum(GERMAN_STATES, { message: t.badState }),
    email: z.string().trim().max(320, t.badEmail).regex(EMAIL, t.badEmail),
  };
}

export type ParsedTenantForm = { csrf: string; values: TenantFormValues; errors: TenantFormErrors };

/** Reads a create or edit post; null when the body is not this form at all. */
export function readTenantForm(body: unknown, t: Texts, mode: 'create' | 'edit', offeredModules: string[]): ParsedTenantForm | null {
  const parsed = BodySchema.safeParse(body ?? {});
  if (!parsed.success) return null;
  const b = parsed.data;
  const values: TenantFormValues = {
    name: b.name.trim(),
    slug: (b.slug.trim() || suggestSlug(b.name)).toLowerCase(),
    schluessel: b.schluessel.trim(),
    land: b.land,
    domains: b.domains,
    email: b.email.trim(),
    adminName: b.adminName.trim().slice(0, 200),
    module: [...new Set([...(Array.isArray(b.module) ? b.module : [b.module]), REQUIRED_MODULE])],
  };
  const s = fieldSchemas(t);
  const errors: TenantFormErrors = {};
  const check = (key: keyof typeof s & keyof TenantFormValues) => {
    const r = s[key].safeParse(values[key]);
    if (!r.success) errors[key] = r.error.issues[0]!.message;
  };
  check('name');
  check('schluessel');
  check('land');
  const badDomain = splitDomains(values.domains).find((d) => !HOST_NAME.test(d));
  if (badDomain) errors.domains = fillText(t.badDomain, { value: badDomain });
  if (mode === 'create') {
    check('slug');
    check('email');
    if (values.module.some((m) => !offeredModules.includes(m))) errors.module = t.badModules;
  }
  return { csrf: b._csrf, values, errors };
}

export function newTenantInput(v: TenantFormValues): NewTenant {
  return {
    slug: v.slug,
    name: v.name,
    officialKey: v.schluessel,
    state: v.land as NewTenant['state'],
    domains: splitDomains(v.domains),
    enabledModules: v.module,
    firstAdmin: { email: v.email, name: v.adminName },
  };
}

export function tenantUpdateOf(v: TenantFormValues): TenantUpdate {
  return { name: v.name, officialKey: v.schluessel, state: v.land as TenantUpdate['state'], domains: splitDomains(v.domains) };
}

/** A refusal of the core (slug or host taken since the form was shown) as a message on its field; other errors pass. */
export function conflictOf(err: unknown, t: Texts): TenantFormErrors | null {
  if (!(err instanceof AppError) || err.code !== 'VALIDATION') return null;
  const value = String(err.details?.value ?? '');
  if (err.details?.field === 'slug') return { slug: fillText(t.slugTaken, { value }) };
  if (err.details?.field === 'domains') return { domains: fillText(t.domainTaken, { value }) };
  return null;
}
