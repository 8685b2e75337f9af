import type { z } from 'zod';
import { badRequest } from '../../../core/errors.ts';
import { plainText } from '../../../lib/sanitize.ts';
import { AREA_KEY, Catalog, CatalogAuthority, CatalogCategory, CatalogOnlineService, CatalogService, type CatalogResponsibility } from '../model/catalog.ts';
import { describeIssues } from './issue-messages.ts';
import { warningList, type ParsedFile } from './parsed-file.ts';
import { german, kid, kids, readXml, textOf, type XmlNode } from './xml-reader.ts';
import { authorityOf } from './xzufi-authorities.ts';
import { trustLevel } from './xzufi-codes.ts';
import { serviceOf } from './xzufi-services.ts';

type OnlineService = z.input<typeof CatalogOnlineService>;
/** As many as model/catalog.ts allows per service. */
const MAX_ONLINE_SERVICES = 50;
/** A `zustaendigkeit`: its owner (an organisational unit or online service) serves these services in these areas. */
type Assignment = { owner: string; serviceIds: string[]; areas: string[] };

/**
 * Reads an XZuFi-style XML export (README "Import of files"): `leistung`, `organisationseinheit`,
 * `onlinedienst` and `zustaendigkeitTransferObjekt` elements, directly under the root or in
 * `schreibe` blocks, with any namespace prefix. The file is the complete set (`loesche` blocks are
 * ignored). Entries that cannot be used are skipped with a warning, so one bad entry of a state's
 * export does not block the rest.
 */
export function parseXzufiExport(text: string): ParsedFile {
  const root = readXml(text).node;
  const { warn, done } = warningList();
  const objects = (name: string) => [root, ...kids(root, 'schreibe')].flatMap((block) => kids(block, name));
  const leistungen = objects('leistung');
  if (!leistungen.length) throw badRequest('Die XML-Datei enthält keine Leistungen (Elemente „leistung“). Erwartet wird ein XZuFi-Export.');

  const services = new Map<string, CatalogService>();
  const categories = new Map<string, CatalogCategory>();
  leistungen.forEach((node, i) => {
    const read = serviceOf(node, i, warn);
    if (!read) return;
    const service = checked(CatalogService, read.service, `Leistung ${read.service.sourceId}`, warn);
    if (service) services.set(service.sourceId, service);
    for (const c of read.categories) {
      if (categories.has(c.sourceId)) continue;
      const category = checked(CatalogCategory, c, `Kategorie ${c.sourceId}`, warn);
      if (category) categories.set(category.sourceId, category);
    }
  });
  if (!services.size) throw badRequest('Die XML-Datei enthält keine verwendbaren Leistungen; Einzelheiten: ' + done().join(' '));

  const authorities = new Map<string, CatalogAuthority>();
  const assignments: Assignment[] = [];
  objects('organisationseinheit').forEach((node, i) => {
    const read = authorityOf(node, i, warn);
    const authority = read && checked(CatalogAuthority, read, `Organisationseinheit ${read.sourceId}`, warn);
    if (!authority) return;
    authorities.set(authority.sourceId, authority);
    assignments.push(...assignmentsOf(authority.sourceId, node));
  });

  const online = new Map<string, Omit<OnlineService, 'areas'>>();
  objects('onlinedienst').forEach((node, i) => {
    const id = textOf(kid(node, 'id'));
    const read = onlineServiceOf(node);
    if (!id || !read) {
      warn(`Onlinedienst ${id || `Nr. ${i + 1}`}: ohne ${id ? 'Internetadresse' : 'ID'}, übersprungen.`);
      return;
    }
    online.set(id, read);
    assignments.push(...assignmentsOf(id, node));
  });
  for (const transfer of objects('zustaendigkeitTransferObjekt')) assignments.push(...assignmentsOf(textOf(kid(transfer, 'uebergeordnetesObjektID')), transfer));

  const responsibilities = new Map<string, CatalogResponsibility>();
  for (const a of assignments) {
    const isAuthority = authorities.has(a.owner);
    if (!isAuthority && !online.has(a.owner)) {
      warn(`Zuständigkeit von „${a.owner || '(ohne ID)'}“: weder Organisationseinheit noch Onlinedienst der Datei; ausgelassen.`);
      continue;
    }
    const areas = a.areas.filter((area) => AREA_KEY.test(area));
    for (const bad of a.areas.filter((area) => !AREA_KEY.test(area))) warn(`Zuständigkeit von ${a.owner}: Gebiet „${bad}“ ist kein Regionalschlüssel (ARS); ausgelassen.`);
    for (const serviceId of a.serviceIds) {
      const service = services.get(serviceId);
      if (!service) {
        warn(`Zuständigkeit von ${a.owner}: Leistung „${serviceId}“ ist nicht in der Datei (oder wurde übersprungen); ausgelassen.`);
        continue;
      }
      if (!isAuthority) {
        attachOnlineService(service, online.get(a.owner)!, areas, warn);
        continue;
      }
      if (!areas.length) warn(`Zuständigkeit von ${a.owner} für Leistung ${serviceId}: ohne gültiges Gebiet; ausgelassen.`);
      for (const area of areas) responsibilities.set(`${serviceId}|${a.owner}|${area}`, { serviceSourceId: serviceId, authoritySourceId: a.owner, area });
    }
  }

  const catalog = Catalog.safeParse({ services: [...services.values()], categories: [...categories.values()], authorities: [...authorities.values()], responsibilities: [...responsibilities.values()] });
  if (!catalog.success) throw badRequest(`Die XML-Datei ist zu umfangreich. ${describeIssues(catalog.error.issues, undefined)}`);
  return { format: 'xml', catalog: catalog.data, warnings: done() };
}

/** An entry checked against the catalogue's schema; a failing one is skipped with the reason. */
function checked<S extends z.ZodType>(schema: S, input: z.input<S>, label: string, warn: (w: string) => void): z.output<S> | null {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  warn(`${label}: ${describeIssues(result.error.issues, input, [], 3)} Übersprungen.`);
  return null;
}

/** The `zustaendigkeit` elements of an object (or a transfer object) for an owner id. */
function assignmentsOf(owner: string, node: XmlNode): Assignment[] {
  return kids(node, 'zustaendigkeit').map((z) => ({
    owner,
    serviceIds: kids(z, 'leistungID').map(textOf).filter(Boolean),
    areas: kids(z, 'gebietID').map(textOf).filter(Boolean),
  }));
}

/** An online service's name, address (the link of type 01 or without type, else the first) and trust level. */
function onlineServiceOf(node: XmlNode): Omit<OnlineService, 'areas'> | null {
  const links = kids(node, 'link');
  const typeOf = (l: XmlNode) => textOf(kid(l, 'typ', 'code'));
  const link = links.find((l) => ['', '01', '1'].includes(typeOf(l))) ?? links[0];
  const url = textOf(kid(link, 'link')) || textOf(kid(link, 'uri'));
  if (!url) return null;
  const level = kid(node, 'vertrauensniveau');
  const description = plainText(textOf(german(kids(node, 'beschreibung'))));
  return {
    name: plainText(textOf(german(kids(node, 'bezeichnung')))) || textOf(kid(link, 'titel')) || url,
    url,
    trustLevel: level ? trustLevel(textOf(kid(level, 'code')) || textOf(level), textOf(kid(level, 'name'))) : null,
    description: description || null,
  };
}

/** Adds an online service to a service, or widens the areas of the one it has already. */
function attachOnlineService(service: CatalogService, onlineService: Omit<OnlineService, 'areas'>, areas: string[], warn: (w: string) => void) {
  const existing = service.onlineServices.find((o) => o.url === onlineService.url);
  if (existing) {
    // No area means "wherever the service is"; it stays the widest.
    if (existing.areas.length && areas.length) existing.areas = [...new Set([...existing.areas, ...areas])];
    else existing.areas = [];
    return;
  }
  if (service.onlineServices.length >= MAX_ONLINE_SERVICES) {
    warn(`Leistung ${service.sourceId}: mehr als ${MAX_ONLINE_SERVICES} Onlinedienste; „${onlineService.name}“ ausgelassen.`);
    return;
  }
  const checkedService = checked(CatalogOnlineService, { ...onlineService, areas }, `Onlinedienst „${onlineService.name}“ der Leistung ${service.sourceId}`, warn);
  if (checkedService) service.onlineServices.push(checkedService);
}
