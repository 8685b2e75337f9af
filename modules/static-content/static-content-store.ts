import { sql, type Kysely } from 'kysely';
import { validationError } from '../../core/errors.ts';
import { compareVersions, isVersion } from '../../lib/semver.ts';
import { sanitizeRichText } from '../../lib/sanitize.ts';
import { parameterizeName } from '../../lib/parameterize.ts';

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

/** Inserts a checked record; seeded and starter names keep their spelling ("globalSettings") — lookups ignore case anyway. */
export async function insertStaticContent(db: Kysely<any>, input: StaticContentInput & { name: string }): Promise<void> {
  await db.insertInto('static_contents').values({ ...checkedStaticContent(input), name: input.name }).execute();
}
