import { z } from 'zod';
import type { Lang } from '../../web-app/client/i18n.ts';
import type { FieldNode } from './schema-fields.ts';
import { ROOT } from './form-values.ts';

/** One schema violation, placed at the deepest field the form shows for its path. */
export type Violation = { path: string; label: string; message: string };

const errorMaps = { de: z.locales.de().localeError, en: z.locales.en().localeError };

/** Checks a value against a file's schema, with zod's messages in the user's language. */
export function validate(schema: z.ZodType, node: FieldNode, value: unknown, lang: Lang): Violation[] {
  const result = schema.safeParse(value, { error: errorMaps[lang] });
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    return { ...shownField(node, issue.path.map(String), lang), message: issue.message };
  });
}

/** The deepest field the form shows for a value path, and its label. */
export function shownField(root: FieldNode, parts: string[], lang: Lang): Omit<Violation, 'message'> {
  let node = root;
  let path = ROOT;
  let label = root.label[lang];
  for (const p of parts) {
    const next = node.kind === 'object' ? node.fields.find(([k]) => k === p)?.[1] : node.kind === 'array' && /^\d+$/.test(p) ? node.item : undefined;
    if (!next) break;
    node = next;
    path = `${path}.${p}`;
    label = node.kind === 'array' || node.kind === 'object' || !/^\d+$/.test(p) ? node.label[lang] : `${label} ${Number(p) + 1}`;
  }
  return { path, label };
}

/** Messages by form path, several at one field joined. */
export function messagesByPath(violations: Violation[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of violations) out.set(v.path, out.has(v.path) ? `${out.get(v.path)} ${v.message}` : v.message);
  return out;
}
