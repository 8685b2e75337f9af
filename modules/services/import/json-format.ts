import { badRequest } from '../../../core/errors.ts';
import { Catalog } from '../model/catalog.ts';
import { describeIssues } from './issue-messages.ts';
import { jsonErrorPosition } from './json-error-position.ts';
import type { ParsedFile } from './parsed-file.ts';

/** The marker and version of Dorfplatz's own JSON export format (README "Import of files"). */
export const JSON_FORMAT = 'dorfplatz-services';
export const JSON_VERSION = 1;

/**
 * Reads a Dorfplatz JSON export: `{"format": "dorfplatz-services", "version": 1, …}` with the
 * catalogue's fields (model/catalog.ts). Our own format is checked strictly: any invalid entry
 * refuses the file with a German message naming where (the exporter can fix it), unlike XZuFi
 * exports, whose partial entries are skipped with a warning.
 */
export function parseJsonExport(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest(`Die JSON-Datei ist fehlerhaft ${lineAndColumn(text, jsonErrorPosition(text))} und kann nicht gelesen werden.`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw badRequest(notOurs('Sie enthält kein JSON-Objekt.'));
  const { format, version, ...rest } = data as Record<string, unknown>;
  if (format !== JSON_FORMAT) throw badRequest(notOurs(`Es fehlt die Kennung "format": "${JSON_FORMAT}".`));
  if (version !== JSON_VERSION) throw badRequest(`Diese JSON-Datei hat die Formatversion ${JSON.stringify(version ?? null)}; gelesen wird Version ${JSON_VERSION}.`);
  const parsed = Catalog.safeParse(rest);
  if (!parsed.success) throw badRequest(`Die JSON-Datei enthält ungültige Angaben. ${describeIssues(parsed.error.issues, rest)}`);
  if (!parsed.data.services.length) throw badRequest('Die Datei enthält keine Leistungen.');
  return { format: 'json', catalog: parsed.data, warnings: [] };
}

const notOurs = (why: string) => `Die Datei ist kein Dorfplatz-Export von Verwaltungsleistungen: ${why}`;

/** "(Zeile 3, Spalte 5)" for an index into the text. */
function lineAndColumn(text: string, at: number): string {
  const before = text.slice(0, at);
  return `(Zeile ${before.split('\n').length}, Spalte ${before.length - before.lastIndexOf('\n')})`;
}
