import assert from 'node:assert/strict';
import type { ContentEditor } from '../../../core/registry/content-editor.ts';
import type { TestPlatform } from '../../../test/harness.ts';
import { hiddenField, type studioClient } from './studio-client.ts';

/**
 * Opens a record's form as the given session, sends it back exactly as shown with only the title
 * changed, and checks that the API's full view of the record changed in the title alone — so an
 * editor never drops what its form does not show.
 */
export async function assertRoundTrip(
  p: TestPlatform,
  c: ReturnType<typeof studioClient>,
  o: { editor: ContentEditor; id: number; session: { cookie: string; csrf: string }; tenantSlug: string; host: string; query: string; token: string },
): Promise<void> {
  const full = async () => (await p.gql(o.host, o.query, { id: o.id }, o.token)).body.data;
  const before = await full();
  const url = `/studio/inhalte/${o.editor.slug}/${o.id}`;
  const page = await c.get(url, o.session.cookie, o.host);
  assert.equal(page.statusCode, 200);
  const shown = (await o.editor.load(p.database.forTenant(p.tenants.get(o.tenantSlug)!.id), o.id))!.values;
  const field = (k: string, v: unknown): [string, string | string[]][] =>
    v === true ? [[k, 'on']] : v === false ? [] : typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')) ? [[k, v as string | string[]]] : [];
  // Rows go as "<field>.<row>.<column>", the way the form names their cells.
  const fields = Object.fromEntries(
    Object.entries(shown).flatMap(([k, v]) =>
      k === o.editor.titleField
        ? [[k, `${v} (neu)`]]
        : Array.isArray(v) && v.some((x) => typeof x === 'object')
          ? (v as Record<string, unknown>[]).flatMap((row, i) => Object.entries(row).flatMap(([col, cell]) => field(`${k}.${i}.${col}`, cell)))
          : field(k, v),
    ),
  );
  const saved = await c.post(url, { ...fields, _csrf: o.session.csrf, _version: hiddenField(page.body, '_version'), _status: /value="draft" checked/.test(page.body) ? 'draft' : 'published', _publishAt: '', _unpublishAt: '' }, o.session.cookie, {}, o.host);
  assert.equal(saved.statusCode, 303, saved.body);
  const after = await full();
  // The API names the title field as the form does (title, name).
  const [key] = Object.keys(before);
  const title = o.editor.titleField;
  assert.equal(after[key!][title], `${before[key!][title]} (neu)`);
  assert.deepEqual({ ...after[key!], [title]: before[key!][title] }, before[key!]);
}
