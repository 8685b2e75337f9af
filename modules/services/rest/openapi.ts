import type { AuthorityView } from '../read/authorities.ts';
import type { LifeSituationView } from '../read/life-situations.ts';
import { DEFAULT_LIMIT, DEFAULT_SUGGESTIONS, MAX_LIMIT, MAX_SKIP, MAX_SUGGESTIONS } from '../read/read-input.ts';
import type { ServiceView } from '../read/service-view.ts';
import type { ServicesStatus } from '../read/status.ts';
import type { Suggestion } from '../read/suggestions.ts';
import { SERVICE_SECTIONS, TRUST_LEVELS } from '../model/catalog.ts';
import { MAX_QUERY_LENGTH } from '../../search/search-query.ts';

/**
 * The OpenAPI 3.1 description of /api/v1/services (served at …/openapi.json). Schemas are JSON
 * Schema 2020-12; the property maps are typed by the views the routes return, so a field added
 * to a view and not described here does not compile.
 */

export const SERVICES_API = '/api/v1/services';

export type JsonSchema = {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | ('object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null')[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: readonly (string | null)[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  $ref?: string;
};

type Parameter = { name: string; in: 'query' | 'path'; required?: boolean; description: string; schema: JsonSchema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  responses: Record<string, { description: string; content?: { 'application/json': { schema: JsonSchema } } }>;
};
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, JsonSchema> };
};

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const nullableStr = (description?: string): JsonSchema => ({ type: ['string', 'null'], ...(description ? { description } : {}) });
const list = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description ? { description } : {}) });
const int = (description: string): JsonSchema => ({ type: 'integer', description });

/** An object schema whose properties are all required (nullable ones say so in their type). */
function object<T>(properties: Record<keyof T & string, JsonSchema>, description?: string): JsonSchema {
  return { type: 'object', ...(description ? { description } : {}), required: Object.keys(properties), properties };
}

const serviceProperties: Record<keyof ServiceView, JsonSchema> = {
  id: str('Nummer der Leistung in diesem Verzeichnis.'),
  leikaKey: { type: ['string', 'null'], pattern: '^[0-9]{14}$', description: 'LeiKa-Schlüssel (14 Ziffern).' },
  name: str(),
  synonyms: list(str()),
  summary: nullableStr('Kurztext für Listen (ohne HTML).'),
  sections: list(ref('ServiceSection'), 'Die Textabschnitte mit Inhalt, in Anzeigereihenfolge.'),
  validFrom: { type: ['string', 'null'], format: 'date' },
  validUntil: { type: ['string', 'null'], format: 'date' },
  onlineServices: list(ref('OnlineService'), 'Online-Anträge, die für diese Kommune angeboten werden.'),
  forms: list(ref('Form')),
  pinned: { type: 'boolean', description: 'Von der Redaktion hervorgehoben (steht vorn).' },
  source: { type: 'string', enum: ['zufi', 'file', 'manual'] },
  updatedAt: { type: ['string', 'null'], format: 'date-time' },
};

const lifeSituationProperties: Record<keyof LifeSituationView, JsonSchema> = {
  id: str(),
  name: str(),
  description: nullableStr(),
  parentId: nullableStr('Übergeordnete Lebenslage; null auf der obersten Ebene.'),
};

const authorityProperties: Record<keyof AuthorityView, JsonSchema> = {
  id: str(),
  name: str(),
  description: nullableStr('HTML, bereinigt.'),
  addresses: list(ref('Address')),
  openingHours: list(ref('OpeningSpan')),
  openingHoursNote: nullableStr('Öffnungszeiten in Worten (Feiertage, nach Vereinbarung).'),
  contacts: list(ref('Contact')),
  paymentMethods: list(str()),
};

const schemas: Record<string, JsonSchema> = {
  Service: object<ServiceView>(serviceProperties, 'Eine Verwaltungsleistung.'),
  ServiceListItem: object<ServiceView & { lifeSituations: unknown }>({ ...serviceProperties, lifeSituations: list(ref('LifeSituation')) }),
  ServiceDetail: object<ServiceView & { lifeSituations: unknown; responsibleAuthorities: unknown }>({
    ...serviceProperties,
    lifeSituations: list(ref('LifeSituation')),
    responsibleAuthorities: list(ref('Authority'), 'Zuständig am Ort (area, sonst der Schlüssel der Kommune); die genaueste Ebene gewinnt.'),
  }),
  ServiceSection: object<ServiceView['sections'][number]>({ key: { type: 'string', enum: SERVICE_SECTIONS }, html: str('HTML, bereinigt.') }),
  OnlineService: object<ServiceView['onlineServices'][number]>({
    name: str(),
    url: { type: 'string', format: 'uri' },
    trustLevel: { type: ['string', 'null'], enum: [...TRUST_LEVELS, null], description: 'eIDAS-Vertrauensniveau.' },
    description: nullableStr(),
  }),
  Form: object<ServiceView['forms'][number]>({ name: str(), url: { type: 'string', format: 'uri' } }),
  ServiceList: object<{ items: unknown; total: unknown; limit: unknown; offset: unknown }>({
    items: list(ref('ServiceListItem')),
    total: int('Alle Treffer.'),
    limit: int('Größe der Seite.'),
    offset: int('Übersprungene Treffer.'),
  }),
  Suggestion: object<Suggestion>({ id: str(), name: str(), matchedSynonym: nullableStr('Das Synonym, das passte, wenn der Name nicht passte.') }),
  SuggestionList: object<{ items: unknown }>({ items: list(ref('Suggestion')) }),
  LifeSituation: object<LifeSituationView>(lifeSituationProperties, 'Eine Lebenslage.'),
  LifeSituationWithCount: object<LifeSituationView & { servicesCount: unknown }>({ ...lifeSituationProperties, servicesCount: int('Sichtbare Leistungen direkt in dieser Lebenslage.') }),
  LifeSituationList: object<{ items: unknown }>({ items: list(ref('LifeSituationWithCount')) }),
  Authority: object<AuthorityView>(authorityProperties, 'Eine Behörde oder Organisationseinheit.'),
  AuthorityList: object<{ items: unknown; total: unknown; limit: unknown; offset: unknown }>({
    items: list(ref('Authority')),
    total: int('Alle Treffer.'),
    limit: int('Größe der Seite.'),
    offset: int('Übersprungene Treffer.'),
  }),
  Address: object<AuthorityView['addresses'][number]>({
    kind: { type: 'string', enum: ['visitor', 'postal', 'delivery'] },
    street: nullableStr(),
    houseNumber: nullableStr(),
    postalCode: nullableStr(),
    city: nullableStr(),
    latitude: { type: ['number', 'null'] },
    longitude: { type: ['number', 'null'] },
  }),
  OpeningSpan: object<AuthorityView['openingHours'][number]>(
    {
      weekday: { type: 'integer', minimum: 1, maximum: 7, description: '1 = Montag … 7 = Sonntag' },
      opens: { type: 'string', pattern: '^[0-2][0-9]:[0-5][0-9]$' },
      closes: { type: 'string', pattern: '^[0-2][0-9]:[0-5][0-9]$' },
      note: nullableStr(),
    },
    'Geöffnet von opens bis closes (Europe/Berlin).',
  ),
  Contact: object<AuthorityView['contacts'][number]>({ kind: { type: 'string', enum: ['phone', 'fax', 'email', 'web', 'mobile'] }, value: str(), label: nullableStr() }),
  Status: object<ServicesStatus>({
    servicesCount: int('Sichtbare Leistungen.'),
    lastSuccessAt: { type: ['string', 'null'], format: 'date-time', description: 'Letzte erfolgreiche Lieferung (ZuFi oder Datei).' },
    lastAttemptAt: { type: ['string', 'null'], format: 'date-time', description: 'Letzter Versuch.' },
    stale: { type: 'boolean', description: 'Der letzte Versuch schlug fehl; der gezeigte Stand kann veraltet sein.' },
  }),
  Error: object<{ error: unknown }>({ error: object<{ code: unknown; message: unknown }>({ code: str('VALIDATION, NOT_FOUND …'), message: str('Was nicht stimmt, auf Deutsch.') }) }),
};

const json = (schema: string, description: string) => ({ description, content: { 'application/json': { schema: ref(schema) } } });
const badRequest = json('Error', 'Ungültige Eingabe (Meldung in error.message).');
const missing = json('Error', 'Nicht gefunden.');

const limit = (fallback: number, max: number): Parameter => ({ name: 'limit', in: 'query', description: `Höchstens so viele Einträge (Standard ${fallback}).`, schema: { type: 'integer', minimum: 0, maximum: max, default: fallback } });
const offset: Parameter = { name: 'offset', in: 'query', description: 'So viele Einträge überspringen.', schema: { type: 'integer', minimum: 0, maximum: MAX_SKIP, default: 0 } };
const q = (description: string): Parameter => ({ name: 'q', in: 'query', description, schema: { type: 'string', maxLength: MAX_QUERY_LENGTH } });
const area: Parameter = {
  name: 'area',
  in: 'query',
  description: 'Ort für die zuständigen Behörden: ARS (12 Ziffern), AGS (8) oder der Anfang eines ARS; Standard: der Schlüssel der Kommune.',
  schema: { type: 'string', pattern: '^[0-9]{2,12}$' },
};
const idParam = (description: string): Parameter => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string', pattern: '^[0-9]+$' } });

const get = (operationId: string, summary: string, parameters: Parameter[], ok: string, errors: Record<string, ReturnType<typeof json>>, description?: string) => ({
  get: { operationId, summary, ...(description ? { description } : {}), tags: ['Verwaltungsleistungen'], parameters, responses: { '200': json(ok, 'OK'), ...errors } },
});

const paths: OpenApiDocument['paths'] = {
  [SERVICES_API]: get(
    'listServices',
    'Leistungen auflisten oder suchen',
    [
      q('Suchtext: deutsche Volltextsuche in Name, Synonymen und Texten; das letzte Wort auch als Wortanfang.'),
      { name: 'lifeSituation', in: 'query', description: 'Nur Leistungen dieser Lebenslage.', schema: { type: 'string', pattern: '^[0-9]+$' } },
      { name: 'leika', in: 'query', description: 'Nur Leistungen mit diesem LeiKa-Schlüssel.', schema: { type: 'string', pattern: '^[0-9]{14}$' } },
      limit(DEFAULT_LIMIT, MAX_LIMIT),
      offset,
    ],
    'ServiceList',
    { '400': badRequest },
    'Hervorgehobene zuerst; bei einer Suche dann nach Relevanz (Name genau, Name beginnt mit dem Suchtext, Textrang), sonst nach Name.',
  ),
  [`${SERVICES_API}/suggestions`]: get('suggestServices', 'Vorschläge beim Tippen', [q('Begonnener Suchtext.'), limit(DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS)], 'SuggestionList', { '400': badRequest }),
  [`${SERVICES_API}/life-situations`]: get(
    'listLifeSituations',
    'Lebenslagen einer Ebene',
    [{ name: 'parent', in: 'query', description: 'Die Unterlagen dieser Lebenslage; ohne: die oberste Ebene.', schema: { type: 'string', pattern: '^[0-9]+$' } }],
    'LifeSituationList',
    { '400': badRequest },
  ),
  [`${SERVICES_API}/authorities`]: get('listAuthorities', 'Behörden auflisten oder suchen', [q('Suchtext (Name der Behörde).'), limit(DEFAULT_LIMIT, MAX_LIMIT), offset], 'AuthorityList', { '400': badRequest }),
  [`${SERVICES_API}/authorities/{id}`]: get('getAuthority', 'Eine Behörde', [idParam('Nummer der Behörde.')], 'Authority', { '400': badRequest, '404': missing }),
  [`${SERVICES_API}/status`]: get('getStatus', 'Stand des Verzeichnisses', [], 'Status', {}),
  [`${SERVICES_API}/leika/{key}`]: get(
    'getServiceByLeika',
    'Eine Leistung nach LeiKa-Schlüssel',
    [{ name: 'key', in: 'path', required: true, description: 'LeiKa-Schlüssel, 14 Ziffern.', schema: { type: 'string', pattern: '^[0-9]{14}$' } }, area],
    'ServiceDetail',
    { '400': badRequest, '404': missing },
  ),
  [`${SERVICES_API}/{id}`]: get('getService', 'Eine Leistung', [idParam('Nummer der Leistung.'), area], 'ServiceDetail', { '400': badRequest, '404': missing }),
  [`${SERVICES_API}/openapi.json`]: {
    get: { operationId: 'getOpenApi', summary: 'Diese Beschreibung (OpenAPI 3.1)', tags: ['Verwaltungsleistungen'], responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } } },
  },
};

export function openApiDocument(origin: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dorfplatz – Verwaltungsleistungen',
      version: '1.0.0',
      description:
        'Das Leistungsverzeichnis der Kommune (OZG): Leistungen, Lebenslagen, Behörden und Zuständigkeiten. Öffentlich und nur lesend; die Kommune ergibt sich aus dem Hostnamen. Ausgeblendete und nicht (mehr) gültige Leistungen erscheinen nicht.',
    },
    servers: [{ url: origin, description: 'Diese Kommune' }],
    paths,
    components: { schemas },
  };
}
