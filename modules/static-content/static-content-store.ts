import { sql, type Kysely } from 'kysely';
import { validationError } from '../../core/errors.ts';
import { compareVersions, isVersion } from '../../lib/semver.ts';
import { sanitizeRichText } from '../../lib/sanitize.ts';

export type StaticContentRow = { id: number; name: string; data_type: 'html' | 'json'; content: string; version: string | null; created_at: Date; updated_at: Date };

/**
 * Version resolution of the mainserver: among the records with this name and type, the highest
 * version at or below the asked one; without a fitting version the unversioned record.
 */
export async function resolveStaticContent(db: Kysely<any>, name: string, dataType: 'html' | 'json', version: string | null | undefined): Promise<StaticContentRow | undefined> {
  const rows = (await db
    .selectFrom('static_contents')
    .selectAll()
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .where('data_type', '=', dataType)
    .execute()) as StaticContentRow[];
  const asked = version?.trim();
  if (asked && isVersion(asked)) {
    const fitting = rows.filter((r) => r.version && isVersion(r.version) && compareVersions(r.version, asked) <= 0);
    fitting.sort((a, b) => compareVersions(b.version!, a.version!));
    if (fitting[0]) return fitting[0];
  }
  return rows.find((r) => r.version === null);
}

const transliteration: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** The mainserver stores names "parameterized" (German transliteration, lower case, dashes). */
export function parameterizeName(name: string): string {
  return name
    .replace(/[äöüÄÖÜß]/g, (c) => transliteration[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\-_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

export type StaticContentInput = { id?: number | null; name?: string | null; content?: string | null; dataType: string; version?: string | null };

/** Validated values for a write: JSON must parse, HTML is sanitised, versions look like 1.2.3. */
export function checkedStaticContent(input: StaticContentInput): { name: string; data_type: 'html' | 'json'; content: string; version: string | null } {
  if (input.dataType !== 'html' && input.dataType !== 'json') throw validationError('Invalid input: dataType must be "html" or "json".');
  const name = parameterizeName(input.name ?? '');
  if (!name) throw validationError('Invalid input: name is required.');
  const version = input.version?.trim() || null;
  if (version !== null && !isVersion(version)) throw validationError(`Invalid input: version "${version}" is not a version number like 4.2.0.`);
  const raw = input.content ?? '';
  if (raw.length > 2_000_000) throw validationError('Invalid input: content is larger than 2 MB.');
  if (input.dataType === 'json') {
    try {
      JSON.parse(raw);
    } catch {
      throw validationError(`Invalid input: content of "${name}" is not valid JSON.`);
    }
  }
  return { name, data_type: input.dataType, content: input.dataType === 'html' ? sanitizeRichText(raw) : raw, version };
}
