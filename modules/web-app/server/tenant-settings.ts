import type { Gql } from './in-process-graphql.ts';

/**
 * The tenant's runtime configuration records the web app reads (app-client.md 3.2/3.3), fetched
 * in one GraphQL request. The web app asks as the newest app release would, so versioned
 * records for old apps are ignored. Broken or missing JSON counts as "not configured" — the
 * native app's history of start-up crashes on bad JSON is not repeated here.
 */
export const WEB_APP_VERSION = '99.0.0';

const names = ['globalSettings', 'tabNavigation', 'navigation', 'mapSettings'] as const;
type Name = (typeof names)[number];

export type TenantSettings = Record<Name, Record<string, any>>;

const query = `query WebAppSettings($v: String) {
${names.map((n) => `  ${n}: publicJsonFile(name: "${n}", version: $v) { content }`).join('\n')}
}`;

/** `overrides` (by lower-case name) replace stored records: the studio previews unsaved files. */
export async function loadTenantSettings(gql: Gql, hasStaticContent: boolean, overrides: Record<string, unknown> = {}): Promise<TenantSettings> {
  const empty = Object.fromEntries(names.map((n) => [n, {}])) as TenantSettings;
  if (!hasStaticContent) return empty;
  const data = await gql<Record<Name, { content: unknown } | null>>(query, { v: WEB_APP_VERSION });
  for (const n of names) empty[n] = asObject(n.toLowerCase() in overrides ? overrides[n.toLowerCase()] : data[n]?.content);
  return empty;
}

export function asObject(content: unknown): Record<string, any> {
  let v = content;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return {};
    }
  }
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {};
}
