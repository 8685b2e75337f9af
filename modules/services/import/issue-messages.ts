import type { z } from 'zod';

/**
 * Zod's findings about an import file in German, each naming where it is
 * ("services[12].leikaKey: Der LeiKa-Schlüssel muss 14 Ziffern haben."). The catalogue's schema
 * speaks English to developers; people fixing an export need to know which entry and what to do.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: (string | number)[] = [], max = 10): string {
  const lines = issues.slice(0, max).map((issue) => {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    return `${pathText(path) || 'Datei'}: ${issueText(issue, valueAt(input, issue.path))}`;
  });
  if (issues.length > max) lines.push(`… und ${issues.length - max} weitere Fehler.`);
  return lines.join(' ');
}

/** `services[12].leikaKey` for ['services', 12, 'leikaKey']. */
export const pathText = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const TYPE_NAMES: Record<string, string> = { string: 'ein Text', number: 'eine Zahl', int: 'eine ganze Zahl', boolean: 'true oder false', array: 'eine Liste […]', object: 'ein Objekt {…}' };

/** What a field of a given name must look like, where the schema checks it with a pattern. */
const FORMAT_BY_FIELD: Record<string, string> = {
  leikaKey: 'Der LeiKa-Schlüssel muss 14 Ziffern haben.',
  area: 'Der Gebietsschlüssel muss ein amtlicher Regionalschlüssel (ARS) oder sein Anfang sein: 2 bis 12 Ziffern.',
  areas: 'Der Gebietsschlüssel muss ein amtlicher Regionalschlüssel (ARS) oder sein Anfang sein: 2 bis 12 Ziffern.',
  validFrom: 'Erwartet wird ein Datum im Format JJJJ-MM-TT.',
  validUntil: 'Erwartet wird ein Datum im Format JJJJ-MM-TT.',
  opens: 'Erwartet wird eine Uhrzeit im Format HH:MM.',
  closes: 'Erwartet wird eine Uhrzeit im Format HH:MM.',
  url: 'Erwartet wird eine Internetadresse, die mit http:// oder https:// beginnt.',
};

function issueText(issue: z.core.$ZodIssue, value: unknown): string {
  const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'Diese Angabe fehlt.';
      return `Erwartet wird ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Darf nicht leer sein.' : `Mindestens ${issue.minimum} Zeichen.`;
      if (issue.origin === 'array') return `Mindestens ${issue.minimum} Einträge.`;
      return `Mindestens ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Höchstens ${issue.maximum} Zeichen.`;
      if (issue.origin === 'array') return `Höchstens ${issue.maximum} Einträge.`;
      return `Höchstens ${issue.maximum}.`;
    case 'invalid_format':
      return FORMAT_BY_FIELD[field] ?? (issue.format === 'url' ? FORMAT_BY_FIELD.url! : 'Hat nicht das erwartete Format.');
    case 'invalid_value':
      return `Erlaubt ${issue.values.length === 1 ? 'ist' : 'sind'}: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'custom':
      return FORMAT_BY_FIELD[field] ?? 'Ist ungültig.';
    default:
      return 'Ist ungültig.';
  }
}
