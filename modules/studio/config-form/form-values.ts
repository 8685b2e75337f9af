import type { FieldNode } from './schema-fields.ts';
import { emptyValue } from './schema-fields.ts';
import { parseJson } from './json-position.ts';

/**
 * A schema form posted back: field names are paths ("f.sections.limitNews", "f.tabConfigs.2.label"),
 * every object carries the keys the schema does not know as JSON in "<path>._rest" (so they survive
 * a save), every repeated group its length in "<path>._count".
 */
export type FormBody = Record<string, unknown>;
export const ROOT = 'f';
export const restName = (path: string) => `${path}._rest`;
export const countName = (path: string) => `${path}._count`;

/** A JSON field that did not parse: its text is shown again with the place of the error. */
export type JsonFieldError = { text: string; line: number; column: number };
export type ReadForm = { value: unknown; jsonErrors: Map<string, JsonFieldError> };

const text = (body: FormBody, name: string): string | undefined => {
  const v = body[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function readForm(node: FieldNode, body: FormBody): ReadForm {
  const jsonErrors = new Map<string, JsonFieldError>();
  const read = (n: FieldNode, path: string): unknown => {
    switch (n.kind) {
      case 'object': {
        const rest = parseJson(text(body, restName(path)) ?? '{}');
        // A tampered or missing rest field loses nothing the form shows; the schema decides the rest.
        const out: Record<string, unknown> = rest.ok && isPlainObject(rest.value) ? { ...rest.value } : {};
        for (const [key, child] of n.fields) {
          const v = read(child, `${path}.${key}`);
          if (v !== undefined) out[key] = v;
        }
        // An optional group left empty is not written as {}.
        return n.optional && path !== ROOT && Object.keys(out).length === 0 ? undefined : out;
      }
      case 'array': {
        const count = Number(text(body, countName(path)));
        if (!Number.isInteger(count) || count < 0) return undefined;
        return Array.from({ length: Math.min(count, 1000) }, (_, i) => read(n.item, `${path}.${i}`) ?? emptyValue(n.item) ?? null);
      }
      case 'string': {
        const v = text(body, path);
        return v === undefined || (v === '' && n.optional) ? undefined : v;
      }
      case 'number': {
        const v = text(body, path)?.trim();
        if (!v) return undefined;
        const num = Number(v.replace(',', '.'));
        // Kept as text when it is no number, so the schema's message names the field.
        return Number.isFinite(num) ? num : v;
      }
      case 'boolean': {
        const v = text(body, path);
        return v === 'true' ? true : v === 'false' ? false : undefined;
      }
      case 'enum': {
        const v = text(body, path);
        return v ? v : undefined;
      }
      case 'json': {
        const v = text(body, path)?.trim();
        if (!v) return undefined;
        const parsed = parseJson(v);
        if (parsed.ok) return parsed.value;
        jsonErrors.set(path, { text: v, line: parsed.line, column: parsed.column });
        return undefined;
      }
    }
  };
  return { value: read(node, ROOT), jsonErrors };
}

/** The node and value at a form path (for "add" and "remove"), or null. */
function locate(node: FieldNode, value: unknown, path: string): { node: FieldNode; value: unknown } | null {
  const parts = path.split('.');
  if (parts.shift() !== ROOT) return null;
  let n: FieldNode | undefined = node;
  let v = value;
  for (const p of parts) {
    if (n?.kind === 'object') n = n.fields.find(([k]) => k === p)?.[1];
    else if (n?.kind === 'array' && /^\d+$/.test(p)) n = n.item;
    else return null;
    if (!n) return null;
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  }
  return n ? { node: n, value: v } : null;
}

/**
 * Applies a repeated-group button ("add:f.tabConfigs", "remove:f.tabConfigs.2") to the form's
 * value; returns the new value (unknown buttons change nothing).
 */
export function applyGroupAction(root: FieldNode, value: unknown, action: string): unknown {
  const m = /^(add|remove):(.+)$/.exec(action);
  if (!m) return value;
  const [, op, path] = m;
  const clone = structuredClone(value ?? emptyValue(root));
  const wrapper = { [ROOT]: clone } as Record<string, unknown>;
  const setAt = (p: string, next: unknown) => {
    const parts = p.split('.');
    let v: any = wrapper;
    for (const key of parts.slice(0, -1)) v = v[key] ??= {};
    v[parts[parts.length - 1]!] = next;
  };
  if (op === 'add') {
    const at = locate(root, clone, path!);
    if (at?.node.kind !== 'array') return value;
    setAt(path!, [...(Array.isArray(at.value) ? at.value : []), emptyValue(at.node.item) ?? null]);
  } else {
    const listPath = path!.replace(/\.\d+$/, '');
    const index = Number(path!.slice(listPath.length + 1));
    const at = locate(root, clone, listPath);
    if (at?.node.kind !== 'array' || !Array.isArray(at.value) || !Number.isInteger(index)) return value;
    setAt(listPath, at.value.filter((_, i) => i !== index));
  }
  return wrapper[ROOT];
}
