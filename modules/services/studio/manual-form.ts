import type { EditorField, EditorRow, EditorValues } from '../../../core/registry/content-editor.ts';
import type { LocalizedText } from '../../../core/registry/manifest.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { rawValues, validateValues, type FieldErrors } from '../../studio/content/form-values.ts';
import { AREA_KEY, CatalogService, LEIKA_KEY, SERVICE_SECTIONS, TRUST_LEVELS, type ServiceSection } from '../model/catalog.ts';
import type { ManualChoices, ManualLinks, ManualService } from './manual-services.ts';
import { servicesTexts, trustLevelLabels } from './services-texts.ts';

export const SECTION_LABELS: Record<ServiceSection, LocalizedText> = {
  description: { de: 'Beschreibung', en: 'Description' },
  requirements: { de: 'Voraussetzungen', en: 'Requirements' },
  documents: { de: 'Erforderliche Unterlagen', en: 'Documents needed' },
  fees: { de: 'Kosten', en: 'Fees' },
  deadlines: { de: 'Fristen', en: 'Deadlines' },
  procedure: { de: 'Verfahrensablauf', en: 'Procedure' },
  legalBasis: { de: 'Rechtsgrundlage', en: 'Legal basis' },
  hints: { de: 'Hinweise', en: 'Hints' },
};

const MAX_SYNONYMS = 200;
const BASICS: LocalizedText = { de: 'Leistung', en: 'Service' };
const TEXTS: LocalizedText = { de: 'Texte', en: 'Texts' };
const VALIDITY: LocalizedText = { de: 'Gültigkeit', en: 'Validity' };
const ASSIGNMENT: LocalizedText = { de: 'Lebenslagen und Zuständigkeit', en: 'Life situations and responsibility' };
const nameColumn: EditorField = { name: 'name', kind: 'text', label: { de: 'Name', en: 'Name' }, required: true, maxLength: 500 };
const urlColumn: EditorField = { name: 'url', kind: 'url', label: { de: 'Adresse (URL)', en: 'Address (URL)' }, required: true };

/** The form's fields, in the studio's field kinds (so it looks, validates and sanitises like content forms). */
export function manualServiceFields(choices: ManualChoices): EditorField[] {
  return [
    { name: 'name', kind: 'text', label: { de: 'Name der Leistung', en: 'Name of the service' }, required: true, maxLength: 500, group: BASICS },
    {
      name: 'leikaKey',
      kind: 'text',
      label: { de: 'LeiKa-Schlüssel', en: 'LeiKa key' },
      hint: { de: 'Optional: 14 Ziffern aus dem Leistungskatalog, z. B. 99050012104000.', en: 'Optional: 14 digits from the service catalogue (LeiKa), e.g. 99050012104000.' },
      // Room for the spaces of a key copied in groups ("99 1040 0100 1000").
      maxLength: 20,
      group: BASICS,
    },
    {
      name: 'synonyms',
      kind: 'textarea',
      label: { de: 'Suchbegriffe', en: 'Search terms' },
      hint: { de: 'Ein Begriff je Zeile, z. B. „Perso“ für den Personalausweis.', en: 'One term per line, e.g. “Perso” for the identity card.' },
      maxLength: 20_000,
      group: BASICS,
    },
    { name: 'summary', kind: 'textarea', label: { de: 'Kurzbeschreibung', en: 'Summary' }, hint: { de: 'Ein, zwei Sätze für Suchergebnisse (ohne Formatierung).', en: 'A sentence or two for search results (plain text).' }, maxLength: 2000, group: BASICS },
    ...SERVICE_SECTIONS.map((s): EditorField => ({ name: s, kind: 'richtext', label: SECTION_LABELS[s], group: TEXTS })),
    { name: 'validFrom', kind: 'date', label: { de: 'Gültig ab', en: 'Valid from' }, group: VALIDITY },
    { name: 'validUntil', kind: 'date', label: { de: 'Gültig bis', en: 'Valid until' }, group: VALIDITY },
    {
      name: 'categories',
      kind: 'choices',
      label: { de: 'Lebenslagen', en: 'Life situations' },
      options: choices.categories.map((c) => ({ value: String(c.id), label: { de: `${'— '.repeat(c.level)}${c.name}`, en: `${'— '.repeat(c.level)}${c.name}` } })),
      group: ASSIGNMENT,
    },
    {
      name: 'authorityId',
      kind: 'select',
      label: { de: 'Zuständige Stelle', en: 'Responsible authority' },
      options: choices.authorities.map((a) => ({ value: String(a.id), label: { de: a.name, en: a.name } })),
      group: ASSIGNMENT,
    },
    {
      name: 'area',
      kind: 'text',
      label: { de: 'Gebiet der Zuständigkeit', en: 'Area of responsibility' },
      hint: { de: 'Amtlicher Regionalschlüssel (ARS) oder sein Anfang; vorbelegt mit dem Schlüssel der Kommune.', en: 'Official regional key (ARS) or its beginning; the municipality’s key by default.' },
      maxLength: 12,
      group: ASSIGNMENT,
    },
    {
      name: 'onlineServices',
      kind: 'rows',
      label: { de: 'Online-Dienste', en: 'Online services' },
      hint: { de: 'Wo die Leistung online beantragt werden kann.', en: 'Where the service can be applied for online.' },
      columns: [
        nameColumn,
        urlColumn,
        { name: 'trustLevel', kind: 'select', label: { de: 'Vertrauensniveau', en: 'Trust level' }, options: TRUST_LEVELS.map((l) => ({ value: l, label: trustLevelLabels[l] })) },
      ],
      extraRows: 3,
      maxRows: 50,
    },
    { name: 'forms', kind: 'rows', label: { de: 'Formulare', en: 'Forms' }, hint: { de: 'Formulare zum Herunterladen (PDF).', en: 'Forms to download (PDF).' }, columns: [nameColumn, urlColumn], extraRows: 3, maxRows: 100 },
  ];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const rowsOf = (v: unknown) => (Array.isArray(v) ? (v as EditorRow[]) : []);

/** A stored service as form values (the first responsibility; a new service gets the municipality's key as area). */
export function manualFormValues(row: Record<string, any> | null, links: ManualLinks | null, officialKey: string): EditorValues {
  const texts = (row?.texts ?? {}) as Record<string, string>;
  return {
    name: row?.name ?? '',
    leikaKey: row?.leika_key ?? '',
    synonyms: ((row?.synonyms ?? []) as string[]).join('\n'),
    summary: row?.summary ?? '',
    ...Object.fromEntries(SERVICE_SECTIONS.map((s) => [s, texts[s] ?? ''])),
    validFrom: row?.valid_from ?? '',
    validUntil: row?.valid_until ?? '',
    categories: (links?.categoryIds ?? []).map(String),
    authorityId: links?.authorityId ? String(links.authorityId) : '',
    area: links?.area ?? officialKey,
    onlineServices: ((row?.online_services ?? []) as { name: string; url: string; trustLevel: string | null }[]).map((o) => ({ name: o.name, url: o.url, trustLevel: o.trustLevel ?? '' })),
    forms: ((row?.forms ?? []) as { name: string; url: string }[]).map((f) => ({ name: f.name, url: f.url })),
  };
}

export type ReadManualForm = { values: EditorValues; errors: FieldErrors; service: ManualService | null };

/**
 * Reads and checks the posted form: the studio's field checks (rich text sanitised there), then
 * the service's own rules (LeiKa key, search terms, dates in order, an area for the authority)
 * and the catalogue model. Nothing is stored here.
 */
export function readManualForm(body: Record<string, unknown>, fields: EditorField[], officialKey: string, lang: Lang): ReadManualForm {
  const t = servicesTexts(lang);
  const { values, errors } = validateValues(fields, rawValues(fields, body), { categories: [], images: new Set() }, lang);
  const leikaKey = text(values.leikaKey).replace(/\s+/g, '');
  if (leikaKey && !LEIKA_KEY.test(leikaKey)) errors.leikaKey ??= t.badLeika;
  const synonyms = [...new Set(text(values.synonyms).split(/\r?\n/).map((s) => s.trim()).filter(Boolean))];
  if (synonyms.length > MAX_SYNONYMS || synonyms.some((s) => s.length > 200)) errors.synonyms ??= t.badSynonyms;
  const validFrom = text(values.validFrom) || null;
  const validUntil = text(values.validUntil) || null;
  if (validFrom && validUntil && validFrom > validUntil && !errors.validFrom) errors.validUntil ??= t.datesReversed;
  const authorityId = text(values.authorityId) ? Number(values.authorityId) : null;
  const area = text(values.area).trim() || officialKey;
  if (authorityId !== null && !errors.area) {
    if (!area) errors.area = t.areaMissing;
    else if (!AREA_KEY.test(area)) errors.area = t.badAreaKey;
  }
  if (Object.keys(errors).length) return { values, errors, service: null };

  const parsed = CatalogService.safeParse({
    sourceId: 'manual',
    leikaKey: leikaKey || null,
    name: values.name,
    synonyms,
    summary: text(values.summary).trim() || null,
    texts: Object.fromEntries(SERVICE_SECTIONS.flatMap((s) => (text(values[s]).trim() ? [[s, text(values[s])]] : []))),
    validFrom,
    validUntil,
    onlineServices: rowsOf(values.onlineServices).map((r) => ({ name: r.name, url: r.url, trustLevel: r.trustLevel || null })),
    forms: rowsOf(values.forms).map((r) => ({ name: r.name, url: r.url })),
  });
  if (!parsed.success) {
    // The checks above cover the model's rules; this names the field should the model ever be stricter.
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= t.invalidField;
    return { values, errors, service: null };
  }
  const categoryIds = (values.categories as string[]).map(Number);
  return { values, errors, service: { service: parsed.data, links: { categoryIds, authorityId, area: authorityId === null ? null : area } } };
}
