import type { Lang } from '../../web-app/client/i18n.ts';
import { formatDate } from '../../web-app/client/i18n.ts';
import { statusLabels } from '../model/statuses.ts';
import type { InboxRow } from './inbox-query.ts';
import type { DefectsTexts } from './defects-texts.ts';

/** Excel reads a file as UTF-8 only with the byte order mark. */
const BOM = '\uFEFF';

/**
 * One text cell: a leading = + - @ (or tab, carriage return) would make a spreadsheet run it as a
 * formula, so it gets an apostrophe; cells with the separator, quotes or line breaks are quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Numbers with the German decimal comma, as German Excel expects them. */
const number = (n: number) => String(n).replace('.', ',');

/**
 * The filtered reports as a CSV file for German Excel (semicolons, CRLF, UTF-8 with BOM). Contact
 * columns only for those who may see contact data.
 */
export function reportsCsv(rows: InboxRow[], o: { withContact: boolean; lang: Lang; t: DefectsTexts; assignee: (id: number | null) => string }): string {
  const { t, lang } = o;
  const head = [t.report, t.received, t.category, t.titleColumn, t.description, t.status, t.moderation, t.address, t.csvZip, t.csvLat, t.csvLng, t.assigned, t.csvVisibility, t.source];
  if (o.withContact) head.push(t.name, t.email, t.phone);
  const lines = [head.map(csvCell).join(';')];
  for (const r of rows) {
    const text = [
      formatDate(r.requestedAt, lang, { dateStyle: 'medium', timeStyle: 'short' }),
      r.categoryName,
      r.title,
      r.description,
      statusLabels[r.status][lang],
      t[r.moderation],
      r.address,
      r.zipcode,
    ].map(csvCell);
    const more = [o.assignee(r.assignedAccountId), r.public ? t.yes : t.no, r.source].map(csvCell);
    const contact = o.withContact ? [r.contactName, r.contactEmail, r.contactPhone].map(csvCell) : [];
    lines.push([String(r.id), ...text, number(r.lat), number(r.lng), ...more, ...contact].join(';'));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
