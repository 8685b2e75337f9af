import type { FormBody } from '../config-form/form-values.ts';
import { readForm, applyGroupAction, type JsonFieldError } from '../config-form/form-values.ts';
import { parseJson } from '../config-form/json-position.ts';
import type { FieldNode } from '../config-form/schema-fields.ts';
import type { ConfigMode } from '../pages/config-file-page.tsx';
import { appConfigTexts } from '../pages/app-config-texts.ts';
import { fill } from '../pages/studio-texts.ts';
import type { Lang } from '../../web-app/client/i18n.ts';

/**
 * What an edit form sent, read back into the file's JSON: the schema form's fields (with the
 * add/remove button applied), or the raw JSON text. `problem` is set when the raw text is no JSON.
 */
export type Submission = { mode: ConfigMode; value: unknown; raw: string; jsonErrors: Map<string, JsonFieldError>; problem: string | null; groupAction: boolean };

export function readSubmission(node: FieldNode, body: FormBody, lang: Lang): Submission {
  const mode: ConfigMode = body._modus === 'json' ? 'json' : 'form';
  if (mode === 'json') {
    const raw = typeof body.inhalt === 'string' ? body.inhalt : '';
    const parsed = parseJson(raw);
    if (parsed.ok) return { mode, value: parsed.value, raw, jsonErrors: new Map(), problem: null, groupAction: false };
    return { mode, value: undefined, raw, jsonErrors: new Map(), problem: jsonProblem(parsed, lang), groupAction: false };
  }
  const read = readForm(node, body);
  const op = typeof body._op === 'string' ? body._op : '';
  const groupAction = /^(add|remove):/.test(op);
  const value = groupAction ? applyGroupAction(node, read.value, op) : read.value;
  return { mode, value, raw: '', jsonErrors: read.jsonErrors, problem: null, groupAction };
}

export function jsonProblem(e: { line: number; column: number; problem: 'unexpected' | 'end' | 'empty' }, lang: Lang): string {
  const t = appConfigTexts(lang);
  const problem = { unexpected: t.jsonUnexpected, end: t.jsonEnd, empty: t.jsonEmpty }[e.problem];
  return fill(t.invalidJson, { line: String(e.line), column: String(e.column), problem });
}
