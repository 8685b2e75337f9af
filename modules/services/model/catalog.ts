import { z } from 'zod';

/**
 * What a provider delivers (ZuFi sync, file import) and what the studio writes for manual
 * services: one source's complete catalogue, identified by the source's own ids. The store
 * (store/apply-catalog.ts) maps source ids to database ids; nothing else needs them.
 */

const sourceId = z.string().trim().min(1).max(200);
const name = z.string().trim().min(1).max(500);
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address');

/** The text sections of a service, in the order the citizen app shows them. Values are HTML, sanitised when stored. */
export const SERVICE_SECTIONS = ['description', 'requirements', 'documents', 'fees', 'deadlines', 'procedure', 'legalBasis', 'hints'] as const;
export type ServiceSection = (typeof SERVICE_SECTIONS)[number];
const sectionText = z.string().max(100_000);
export const ServiceTexts = z.object(Object.fromEntries(SERVICE_SECTIONS.map((s) => [s, sectionText.optional()])) as Record<ServiceSection, z.ZodOptional<typeof sectionText>>);

/** eIDAS levels of assurance of an online service (OZG "Vertrauensniveau"). */
export const TRUST_LEVELS = ['low', 'substantial', 'high'] as const;

/** LeiKa key: 14 digits (e.g. 99010004001000 — not checked beyond the shape). */
export const LEIKA_KEY = /^\d{14}$/;
/** Official regional key (ARS) or a prefix of it: state (2), district (5), association (9), municipality (12). */
export const AREA_KEY = /^\d{2,12}$/;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const CatalogOnlineService = z.object({
  name,
  url: httpUrl,
  trustLevel: z.enum(TRUST_LEVELS).nullable().default(null),
  description: z.string().max(5000).nullable().default(null),
  /** Areas (ARS prefixes) the online service is offered for; empty = wherever the service is. */
  areas: z.array(z.string().regex(AREA_KEY)).max(1000).default([]),
});

export const CatalogForm = z.object({ name, url: httpUrl });

export const CatalogService = z.object({
  sourceId,
  leikaKey: z.string().regex(LEIKA_KEY, 'LeiKa key: 14 digits').nullable().default(null),
  name,
  synonyms: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  /** Short text for lists and search results (plain text). */
  summary: z.string().max(2000).nullable().default(null),
  texts: ServiceTexts.default({}),
  validFrom: isoDate.nullable().default(null),
  validUntil: isoDate.nullable().default(null),
  categorySourceIds: z.array(sourceId).max(200).default([]),
  onlineServices: z.array(CatalogOnlineService).max(50).default([]),
  forms: z.array(CatalogForm).max(100).default([]),
});

export const CatalogCategory = z.object({
  sourceId,
  parentSourceId: sourceId.nullable().default(null),
  name,
  description: z.string().max(5000).nullable().default(null),
  position: z.number().int().min(0).max(1_000_000).default(0),
});

export const CatalogAddress = z.object({
  kind: z.enum(['visitor', 'postal', 'delivery']).default('visitor'),
  street: z.string().max(200).nullable().default(null),
  houseNumber: z.string().max(20).nullable().default(null),
  postalCode: z.string().max(10).nullable().default(null),
  city: z.string().max(200).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
});

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
/** One opening span; weekday 1 = Monday … 7 = Sunday (ISO). */
export const CatalogOpeningSpan = z.object({ weekday: z.number().int().min(1).max(7), opens: time, closes: time, note: z.string().max(500).nullable().default(null) });

export const CatalogContact = z.object({
  kind: z.enum(['phone', 'fax', 'email', 'web', 'mobile']),
  value: z.string().trim().min(1).max(500),
  label: z.string().max(200).nullable().default(null),
});

export const CatalogAuthority = z.object({
  sourceId,
  name,
  description: z.string().max(20_000).nullable().default(null),
  addresses: z.array(CatalogAddress).max(20).default([]),
  openingHours: z.array(CatalogOpeningSpan).max(100).default([]),
  /** Opening hours as the source words them (holidays, "by appointment"), shown beside the spans. */
  openingHoursNote: z.string().max(5000).nullable().default(null),
  contacts: z.array(CatalogContact).max(50).default([]),
  paymentMethods: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
});

/** An authority is responsible for a service in an area (ARS or a prefix of it). */
export const CatalogResponsibility = z.object({
  serviceSourceId: sourceId,
  authoritySourceId: sourceId,
  area: z.string().regex(AREA_KEY, 'area: an official regional key (ARS) or its prefix'),
});

export const Catalog = z.object({
  services: z.array(CatalogService).max(100_000),
  categories: z.array(CatalogCategory).max(10_000).default([]),
  authorities: z.array(CatalogAuthority).max(50_000).default([]),
  responsibilities: z.array(CatalogResponsibility).max(1_000_000).default([]),
});

export type Catalog = z.infer<typeof Catalog>;
export type CatalogInput = z.input<typeof Catalog>;
export type CatalogService = z.infer<typeof CatalogService>;
export type CatalogCategory = z.infer<typeof CatalogCategory>;
export type CatalogAuthority = z.infer<typeof CatalogAuthority>;
export type CatalogResponsibility = z.infer<typeof CatalogResponsibility>;

/** Where a tenant's services come from; each source's rows are replaced only by that source. */
export const SOURCES = ['zufi', 'file', 'manual'] as const;
export type Source = (typeof SOURCES)[number];
