import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fillText } from '../../web-app/client/i18n.ts';
import { CategoryAttributes, type CategoryAttribute } from '../model/category-attributes.ts';
import type { StaffMember } from '../team/staff-members.ts';
import type { DefectsTexts } from './defects-texts.ts';

/** The category form's values as posted and shown again (text as typed). */
export type CategoryValues = {
  code: string;
  name: string;
  beschreibung: string;
  gruppe: string;
  stichworte: string;
  art: 'realtime' | 'batch';
  stelle: string;
  teamEmail: string;
  teamKonten: string[];
  attribute: string;
  aktiv: boolean;
};

export type CategoryRecord = {
  code: string;
  name: string;
  description: string;
  group: string;
  keywords: string[];
  type: 'realtime' | 'batch';
  agency: string;
  teamEmail: string | null;
  teamAccountIds: number[];
  attributes: CategoryAttribute[];
  active: boolean;
};

const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function categoryValues(body: Record<string, unknown>): CategoryValues {
  return {
    code: str(body.code).trim(),
    name: str(body.name).trim(),
    beschreibung: str(body.beschreibung).trim(),
    gruppe: str(body.gruppe).trim(),
    stichworte: str(body.stichworte),
    art: body.art === 'batch' ? 'batch' : 'realtime',
    stelle: str(body.stelle).trim(),
    teamEmail: str(body.teamEmail).trim().toLowerCase(),
    teamKonten: list(body.teamKonten),
    attribute: str(body.attribute).trim(),
    aktiv: body.aktiv === 'ja',
  };
}

export function valuesOfRecord(c: CategoryRecord): CategoryValues {
  return {
    code: c.code,
    name: c.name,
    beschreibung: c.description,
    gruppe: c.group,
    stichworte: c.keywords.join(', '),
    art: c.type,
    stelle: c.agency,
    teamEmail: c.teamEmail ?? '',
    teamKonten: c.teamAccountIds.map(String),
    attribute: c.attributes.length ? JSON.stringify(c.attributes, null, 2) : '',
    aktiv: c.active,
  };
}

export const emptyCategory: CategoryValues = { code: '', name: '', beschreibung: '', gruppe: '', stichworte: '', art: 'realtime', stelle: '', teamEmail: '', teamKonten: [], attribute: '', aktiv: true };

/** The Open311 attributes from the JSON field: a German message naming what is wrong, or the list. */
function readAttributes(text: string, t: DefectsTexts): { ok: true; value: CategoryAttribute[] } | { ok: false; error: string } {
  if (!text) return { ok: true, value: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: fillText(t.badJson, { reason: (err as Error).message }) };
  }
  const parsed = CategoryAttributes.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: fillText(t.badAttributes, { path: issue.path.join('.') || '–', reason: issue.message }) };
}

/** Checks the posted category: field errors (German, by field name) or the record to store. */
export function readCategory(v: CategoryValues, staff: StaffMember[], t: DefectsTexts): { errors: Record<string, string>; record: CategoryRecord | null } {
  const errors: Record<string, string> = {};
  const tooLong = (field: keyof CategoryValues, max: number) => {
    if (String(v[field]).length > max) errors[field] ??= fillText(t.tooLong, { max });
  };
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(v.code)) errors.code = t.badCode;
  if (!v.name) errors.name = t.required;
  tooLong('name', 200);
  tooLong('beschreibung', 2000);
  tooLong('gruppe', 200);
  tooLong('stichworte', 2000);
  tooLong('stelle', 200);
  if (v.teamEmail && !z.string().email().max(254).safeParse(v.teamEmail).success) errors.teamEmail = t.badEmail;
  const ids = v.teamKonten.map(Number);
  if (ids.some((id) => !staff.some((m) => m.accountId === id))) errors.teamKonten = t.badTeamAccount;
  const attributes = readAttributes(v.attribute, t);
  if (!attributes.ok) errors.attribute = attributes.error;
  if (Object.keys(errors).length || !attributes.ok) return { errors, record: null };
  const keywords = [...new Set(v.stichworte.split(',').map((k) => k.trim()).filter(Boolean))];
  return {
    errors,
    record: { code: v.code, name: v.name, description: v.beschreibung, group: v.gruppe, keywords, type: v.art, agency: v.stelle, teamEmail: v.teamEmail || null, teamAccountIds: [...new Set(ids)], attributes: attributes.value, active: v.aktiv },
  };
}

const columns = ['id', 'code', 'name', 'description', 'group_name as group', 'keywords', 'type', 'agency', 'team_email as teamEmail', 'team_account_ids as teamAccountIds', 'attributes', 'active'] as const;

export async function loadCategory(db: Kysely<any>, id: number): Promise<CategoryRecord | undefined> {
  return (await db.selectFrom('defect_categories').select(columns).where('id', '=', id).executeTakeFirst()) as CategoryRecord | undefined;
}

export async function listCategories(db: Kysely<any>): Promise<(CategoryRecord & { id: number })[]> {
  return (await db.selectFrom('defect_categories').select(columns).orderBy('position').orderBy('name').execute()) as (CategoryRecord & { id: number })[];
}

/** False when another category of the tenant has the code. */
export async function codeFree(db: Kysely<any>, code: string, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('defect_categories').select('id').where('code', '=', code);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return !(await q.executeTakeFirst());
}

const row = (c: CategoryRecord) => ({
  name: c.name,
  description: c.description,
  group_name: c.group,
  keywords: c.keywords,
  type: c.type,
  agency: c.agency,
  team_email: c.teamEmail,
  team_account_ids: c.teamAccountIds,
  attributes: JSON.stringify(c.attributes),
  active: c.active,
  updated_at: new Date(),
});

/** New categories go last in the order. */
export async function insertCategory(db: Kysely<any>, c: CategoryRecord): Promise<number> {
  const last = await db.selectFrom('defect_categories').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const r = await db.insertInto('defect_categories').values({ code: c.code, ...row(c), position: Number(last?.p ?? -1) + 1 }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The code stays: clients hold it as service_code and reports refer to it. */
export async function updateCategory(db: Kysely<any>, id: number, c: CategoryRecord): Promise<void> {
  await db.updateTable('defect_categories').set(row(c)).where('id', '=', id).execute();
}
