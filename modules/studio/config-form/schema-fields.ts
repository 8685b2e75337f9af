import type { z } from 'zod';
import type { LocalizedText } from '../../../core/registry/manifest.ts';

/**
 * The form a zod schema stands for: objects become fieldsets, arrays repeated groups, strings,
 * numbers, booleans and enums inputs; anything else (unions, records, unknown) one JSON field.
 * Labels come from the schema's `.meta({ de, en })`, else the key.
 */
export type FieldNode =
  | { kind: 'object'; label: LocalizedText; optional: boolean; fields: [string, FieldNode][] }
  | { kind: 'array'; label: LocalizedText; optional: boolean; item: FieldNode }
  | { kind: 'string' | 'number' | 'boolean' | 'json'; label: LocalizedText; optional: boolean }
  | { kind: 'enum'; label: LocalizedText; optional: boolean; options: string[] };

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; entries?: Record<string, string> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function labelOf(s: z.ZodType): LocalizedText | null {
  const meta = s.meta() as Partial<LocalizedText> | undefined;
  return meta?.de && meta.en ? { de: meta.de, en: meta.en } : null;
}

export function fieldsOf(schema: z.ZodType, key = ''): FieldNode {
  let s = schema;
  let optional = false;
  let label = labelOf(s);
  // optional(), default() and nullable() wrap the schema that says what the field is.
  while (['optional', 'default', 'nullable'].includes(defOf(s).type)) {
    optional = true;
    s = defOf(s).innerType!;
    label ??= labelOf(s);
  }
  const base = { label: label ?? { de: key, en: key }, optional };
  const def = defOf(s);
  switch (def.type) {
    case 'object':
      return { kind: 'object', ...base, fields: Object.entries(def.shape!).map(([k, v]) => [k, fieldsOf(v, k)]) };
    case 'array':
      return { kind: 'array', ...base, item: fieldsOf(def.element!, '') };
    case 'enum':
      return { kind: 'enum', ...base, options: Object.values(def.entries!) };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: def.type, ...base };
    default:
      return { kind: 'json', ...base };
  }
}

/** What a new entry of a repeated group starts as. */
export function emptyValue(node: FieldNode): unknown {
  if (node.kind === 'object') return {};
  if (node.kind === 'array') return [];
  if (node.kind === 'string') return '';
  return undefined;
}
