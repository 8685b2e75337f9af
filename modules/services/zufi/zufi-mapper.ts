import type { z } from 'zod';
import { AREA_KEY, Catalog, CatalogAuthority, CatalogCategory, CatalogForm, CatalogOnlineService, CatalogService, LEIKA_KEY, TRUST_LEVELS } from '../model/catalog.ts';
import { firstIssue, type WireBundle, type WireOs } from './zufi-wire.ts';
import { mapAuthority } from './zufi-authority.ts';
import { serviceTexts } from './zufi-texts.ts';
import { plain } from './plain.ts';
import { zufiError } from './zufi-error.ts';

type Warn = (w: string) => void;

/** eIDAS levels as ZuFi may word them (German or English). */
const TRUST: Record<string, (typeof TRUST_LEVELS)[number]> = {
  NIEDRIG: 'low',
  LOW: 'low',
  BASISREGISTRIERUNG: 'low',
  SUBSTANZIELL: 'substantial',
  SUBSTANTIAL: 'substantial',
  HOCH: 'high',
  HIGH: 'high',
};

/** Parses one mapped record against the catalogue's schema; a failure is a warning and the record is left out. */
function checked<T extends z.ZodTypeAny>(schema: T, input: z.input<T>, label: string, warn: Warn): z.infer<T> | null {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  warn(`${label} ausgelassen: ${firstIssue(r.error)}.`);
  return null;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "2024-01-31" or an ISO timestamp → the date; anything else → null. */
function isoDate(v: string | null | undefined): string | null {
  const m = v?.match(/^(\d{4}-\d{2}-\d{2})/);
  return m ? m[1]! : null;
}

function onlineService(os: WireOs, warn: Warn) {
  const level = os.trustLevel?.trim().toUpperCase();
  if (level && !TRUST[level]) warn(`Online-Dienst ${os.id}: unbekanntes Vertrauensniveau „${plain(level, 40)}“ ignoriert.`);
  return checked(
    CatalogOnlineService,
    {
      name: plain(os.name, 500),
      url: os.url.trim(),
      trustLevel: level ? (TRUST[level] ?? null) : null,
      description: plain(os.description) || null,
      areas: (os.areaIds ?? []).filter((a) => AREA_KEY.test(a)),
    },
    `Online-Dienst ${os.id}`,
    warn,
  );
}

/**
 * Maps what ZuFi delivered for an area into our catalogue. Every record is checked on its own;
 * what does not fit is left out with a warning (a LeiKa key of the wrong shape only loses the key).
 */
export function mapZufiBundle(bundle: WireBundle, warn: Warn): Catalog {
  const categoriesOf = new Map<string, string[]>();
  const categories = bundle.categories.flatMap((c, i) => {
    for (const s of c.publicServiceTypes) pushTo(categoriesOf, s.id, c.id);
    const row = checked(CatalogCategory, { sourceId: c.id, parentSourceId: c.parentId ?? null, name: plain(c.name, 500), description: plain(c.description) || null, position: c.position ?? i }, `Lebenslage ${c.id}`, warn);
    return row ? [row] : [];
  });

  const onlineOf = new Map<string, z.input<typeof CatalogOnlineService>[]>();
  for (const os of bundle.onlineServices) {
    const row = onlineService(os, warn);
    if (row) for (const pst of new Set(os.pstIds)) pushTo(onlineOf, pst, row);
  }
  const formsOf = new Map<string, z.input<typeof CatalogForm>[]>();
  for (const f of bundle.forms) {
    for (const link of f.links) {
      const row = checked(CatalogForm, { name: plain(link.name, 500) || plain(f.name, 500), url: link.url.trim() }, `Formular ${f.id}`, warn);
      if (row) for (const pst of new Set(f.pstIds)) pushTo(formsOf, pst, row);
    }
  }

  const services = bundle.services.flatMap((s) => {
    const leika = s.leikaKey?.replace(/\s+/g, '') || null;
    if (leika && !LEIKA_KEY.test(leika)) warn(`Leistung ${s.id}: LeiKa-Schlüssel „${plain(leika, 50)}“ hat nicht 14 Ziffern; ohne Schlüssel übernommen.`);
    const online = onlineOf.get(s.id) ?? [];
    const forms = formsOf.get(s.id) ?? [];
    const row = checked(
      CatalogService,
      {
        sourceId: s.id,
        leikaKey: leika && LEIKA_KEY.test(leika) ? leika : null,
        name: plain(s.name, 500),
        synonyms: [...new Set(s.synonyms.map((x) => plain(x, 200)).filter(Boolean))],
        ...serviceTexts(s),
        validFrom: isoDate(s.validFrom),
        validUntil: isoDate(s.validUntil),
        // Sorted: the order carries no meaning and the content hash must not depend on it.
        categorySourceIds: [...new Set(categoriesOf.get(s.id) ?? [])].sort(),
        onlineServices: online.slice(0, 50),
        forms: forms.slice(0, 100),
      },
      `Leistung ${s.id}`,
      warn,
    );
    return row ? [row] : [];
  });

  const authorities = bundle.authorities.flatMap((ou) => {
    const row = checked(CatalogAuthority, mapAuthority(ou), `Behörde ${ou.id}`, warn);
    return row ? [row] : [];
  });

  const responsibilities = bundle.competences.flatMap((c) => {
    if (AREA_KEY.test(c.areaId)) return [{ serviceSourceId: c.pstId, authoritySourceId: c.ouId, area: c.areaId }];
    warn(`Zuständigkeit ${c.pstId} → ${c.ouId}: Gebiet „${plain(c.areaId, 20)}“ ist kein Regionalschlüssel; ausgelassen.`);
    return [];
  });

  const catalog = Catalog.safeParse({ services, categories, authorities, responsibilities });
  if (!catalog.success) throw zufiError('malformed', `ZuFi lieferte mehr Daten, als ein Bestand fassen kann (${firstIssue(catalog.error)}).`);
  return catalog.data;
}
