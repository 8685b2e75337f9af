import { z } from 'zod';

/**
 * The JSON of TSA Infodienste "REST ZuFi v4" as this adapter reads it — the shape we assume from
 * the interface description (V4.1, 31 Jul 2023) and the apps that call it; to verify against the
 * PDF (see README, "ZuFi provider and sync"). Lists are `{count, results: [{score, object}]}`,
 * single objects `{object}` (or the bare object). Objects are checked one by one: a broken one is
 * skipped with a warning, unknown fields are ignored, optional parts that are malformed are dropped.
 */

const id = z.union([z.string().trim().min(1).max(200), z.number().int().nonnegative()]).transform(String);
const text = (max: number) => z.string().max(max);
const typeRef = z.object({ key: z.string().max(100).nullish(), name: z.string().max(200).nullish() });
/** A list of objects where a broken entry is dropped instead of failing its parent. */
const lenientArray = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(z.unknown())
    .max(max)
    .nullish()
    .transform((xs) => (xs ?? []).flatMap((x) => {
      const r = item.safeParse(x);
      return r.success ? [r.data as z.infer<T>] : [];
    }));

export const WireLink = z.object({ name: text(500).nullish(), url: text(2000) });

export const WireTextModule = z.object({
  type: typeRef,
  text: text(100_000).nullish(),
  externalLinks: lenientArray(WireLink, 50),
});

/** A service ("Leistung", path group `pst`). */
export const WirePst = z.object({
  id,
  name: z.string().trim().min(1).max(500),
  leikaKey: z.string().max(50).nullish(),
  teaser: text(5000).nullish(),
  synonyms: lenientArray(z.union([z.string().max(200), z.object({ name: z.string().max(200) }).transform((s) => s.name)]), 200),
  textModules: lenientArray(WireTextModule, 50),
  validFrom: z.string().max(40).nullish(),
  validUntil: z.string().max(40).nullish(),
});

/** A life situation (`pstCategory`); `publicServiceTypes` are the services filed under it. */
export const WirePstCategory = z.object({
  id,
  name: z.string().trim().min(1).max(500),
  description: text(5000).nullish(),
  parentId: id.nullish(),
  position: z.number().int().min(0).max(1_000_000).nullish(),
  publicServiceTypes: lenientArray(z.object({ id }), 5000),
});

export const WireAddress = z.object({
  type: typeRef.nullish(),
  street: text(200).nullish(),
  houseNumber: text(20).nullish(),
  zipcode: text(10).nullish(),
  city: text(200).nullish(),
  area: z.object({ name: text(200).nullish() }).nullish(),
  coordinates: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullish(),
});

export const WireCommunication = z.object({ type: typeRef, value: z.string().trim().min(1).max(500), description: text(200).nullish() });

export const WireOpeningTime = z.object({
  weekday: z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']),
  timeFrom: z.string().regex(/^\d{2}:\d{2}$/),
  timeTo: z.string().regex(/^\d{2}:\d{2}$/),
  description: text(500).nullish(),
});

/** An authority / organisational unit (`ou`). `openingHours` is the upstream's HTML wording. */
export const WireOu = z.object({
  id,
  name: z.string().trim().min(1).max(500),
  description: text(20_000).nullish(),
  addresses: lenientArray(WireAddress, 20),
  communications: lenientArray(WireCommunication, 50),
  openingHours: text(5000).nullish(),
  openingTimes: lenientArray(WireOpeningTime, 100),
  paymentMethods: lenientArray(z.union([z.string().max(200), z.object({ name: z.string().max(200) }).transform((p) => p.name)]), 50),
});

/** `ouCompetence`: the authority responsible for a service in an area (areaId: an ARS or its prefix). */
export const WireOuCompetence = z.object({ id: id.nullish(), pstId: id, ouId: id, areaId: z.string().trim().max(20) });

/** An online service (`os`) for services (pstIds), where it is offered (areaIds; none = everywhere). */
export const WireOs = z.object({
  id,
  name: z.string().trim().min(1).max(500),
  description: text(5000).nullish(),
  url: text(2000),
  trustLevel: z.string().max(40).nullish(),
  pstIds: z.array(id).max(1000),
  areaIds: z.array(z.string().max(20)).max(1000).nullish(),
});

/** A form (`form`) with its documents (links), for services (pstIds). */
export const WireForm = z.object({ id, name: z.string().trim().min(1).max(500), links: lenientArray(WireLink, 20), pstIds: z.array(id).max(1000) });

export type WirePst = z.infer<typeof WirePst>;
export type WirePstCategory = z.infer<typeof WirePstCategory>;
export type WireOu = z.infer<typeof WireOu>;
export type WireOuCompetence = z.infer<typeof WireOuCompetence>;
export type WireOs = z.infer<typeof WireOs>;
export type WireForm = z.infer<typeof WireForm>;

/** Everything a catalogue is made of, as the upstream delivered it for one area. */
export type WireBundle = {
  services: WirePst[];
  categories: WirePstCategory[];
  authorities: WireOu[];
  competences: WireOuCompetence[];
  onlineServices: WireOs[];
  forms: WireForm[];
};

/** The raw objects of each list, before they are checked. */
export type RawBundle = Record<keyof WireBundle, unknown[]>;

/** Checks every object of every list (parseEach); what is broken is left out with a warning. */
export function parseBundle(raw: RawBundle, warn: (w: string) => void): WireBundle {
  return {
    categories: parseEach(WirePstCategory, raw.categories, 'Lebenslage', warn),
    services: parseEach(WirePst, raw.services, 'Leistung', warn),
    authorities: parseEach(WireOu, raw.authorities, 'Behörde', warn),
    competences: parseEach(WireOuCompetence, raw.competences, 'Zuständigkeit', warn),
    onlineServices: parseEach(WireOs, raw.onlineServices, 'Online-Dienst', warn),
    forms: parseEach(WireForm, raw.forms, 'Formular', warn),
  };
}

export const ListEnvelope = z.object({ count: z.number().int().nonnegative().nullish(), results: z.array(z.object({ score: z.number().nullish(), object: z.unknown() }).passthrough()) });

/** A single object: `{object: …}`, or the bare object. */
export function unwrapDetail(body: unknown): unknown {
  return body && typeof body === 'object' && 'object' in body ? (body as { object: unknown }).object : body;
}

/**
 * Checks each object of a list on its own; broken ones are reported through `warn` (with the
 * first problem) and left out, so one bad record does not cost the whole catalogue.
 */
export function parseEach<T extends z.ZodTypeAny>(schema: T, objects: unknown[], label: string, warn: (w: string) => void): z.infer<T>[] {
  const out: z.infer<T>[] = [];
  for (const o of objects) {
    const r = schema.safeParse(o);
    if (r.success) out.push(r.data);
    else {
      const ref = o && typeof o === 'object' && 'id' in o ? ` ${String((o as { id: unknown }).id).slice(0, 50)}` : '';
      warn(`${label}${ref} ausgelassen: ${firstIssue(r.error)}.`);
    }
  }
  return out;
}

const PROBLEMS: Record<string, string> = {
  invalid_type: 'fehlt oder hat den falschen Typ',
  too_small: 'leer oder zu klein',
  too_big: 'zu lang oder zu groß',
  invalid_format: 'ungültiges Format',
  invalid_value: 'unzulässiger Wert',
};

/** Where and what the first problem of a failed check is, in German, for a warning line. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || 'Eintrag'}: ${PROBLEMS[issue?.code ?? ''] ?? 'ungültig'}`;
}
