import type { Kysely } from 'kysely';
import type { ContentEditor } from '../../../core/registry/content-editor.ts';
import type { ModuleManifest } from '../../../core/registry/manifest.ts';
import type { Tenant } from '../../../core/tenancy/tenant.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { detailPath } from '../../web-app/server/route-descriptor.ts';
import { nativeQueryType } from '../messages/native-query-type.ts';

/**
 * Record types a message can open: those the native app's notification data names
 * (messages/native-query-type.ts) and the web app has a page for. `released`: the table also holds
 * records whose publication time has not come (published means visible and released then).
 */
const LINKABLE: Record<string, { released: boolean }> = {
  NewsItem: { released: true },
  EventRecord: { released: false },
  GenericItem: { released: true },
  PointOfInterest: { released: false },
  Tour: { released: false },
};

/** A type on offer (`key`: its name in the select's values, e.g. `newsItem`), with the studio editor that knows its table, title column and name. */
export type Linkable = { key: string; editor: ContentEditor };

/** The linkable types whose modules the tenant has enabled. */
export function linkableTypes(modules: ModuleManifest[], tenant: Tenant): Linkable[] {
  return modules
    .filter((m) => tenant.enabledModules.includes(m.name))
    .flatMap((m) => m.editors ?? [])
    .filter((e) => e.recordType in LINKABLE && detailPath(e.recordType, 1) !== null)
    .map((editor) => ({ key: editor.recordType.charAt(0).toLowerCase() + editor.recordType.slice(1), editor }));
}

function published(db: Kysely<any>, { editor }: Linkable) {
  const q = db.selectFrom(editor.table).select(['id', `${editor.titleColumn} as title`]).where('visible', '=', true);
  return LINKABLE[editor.recordType]!.released ? q.where('released', '=', true) : q;
}

export type LinkGroup = { label: string; choices: { value: string; label: string }[] };

/** The select's options: per type, the recently changed published records (as `<key>:<id>`). */
export async function recentLinkChoices(db: Kysely<any>, types: Linkable[], lang: Lang, perType = 30): Promise<LinkGroup[]> {
  return Promise.all(
    types.map(async (l) => {
      const rows = await published(db, l).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(perType).execute();
      return { label: l.editor.title[lang], choices: rows.map((r) => ({ value: `${l.key}:${r.id}`, label: r.title || `#${r.id}` })) };
    }),
  );
}

/** Where a message opens the record: the web app's page and the native app's data. */
export type LinkTarget = { url: string; data: { id: number; query_type: string } };

/** A chosen `<key>:<id>`, if it names a published record of this tenant (row-level security); else null. */
export async function resolveLink(db: Kysely<any>, types: Linkable[], value: string): Promise<LinkTarget | null> {
  const m = /^([a-zA-Z]+):(\d{1,10})$/.exec(value);
  const type = m && types.find((t) => t.key === m[1]);
  const id = m ? Number(m[2]) : 0;
  if (!type || id < 1 || id > 2_147_483_647) return null;
  const row = await published(db, type).where('id', '=', id).executeTakeFirst();
  const url = detailPath(type.editor.recordType, id);
  return row && url ? { url, data: { id, query_type: nativeQueryType(type.editor.recordType) } } : null;
}
