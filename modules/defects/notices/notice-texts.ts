import { statusLabels, type ReportStatus } from '../model/statuses.ts';

/** The page of a report in the citizen web app (the push opens it; the mail links it). */
export const reportPath = (id: number) => `/maengelmelder/meldungen/${id}`;

export type NoticeFacts = { id: number; title: string; status: ReportStatus; comment: string; municipality: string; pageUrl: string | null };

/** Push: "Ihre Meldung „Laterne defekt“: Erledigt", the public comment (or a plain sentence) below. */
export function pushNotice(f: NoticeFacts) {
  const label = statusLabels[f.status].de;
  return {
    title: `Ihre Meldung „${f.title}“: ${label}`,
    body: f.comment || `Der Status Ihrer Meldung bei ${f.municipality} ist jetzt „${label}“.`,
  };
}

export function mailNotice(f: NoticeFacts) {
  const label = statusLabels[f.status].de;
  const lines = [
    'Guten Tag,',
    '',
    `der Status Ihrer Meldung „${f.title}“ (Nr. ${f.id}) bei ${f.municipality} ist jetzt: ${label}.`,
    ...(f.comment ? ['', 'Anmerkung:', f.comment] : []),
    ...(f.pageUrl ? ['', `Zur Meldung: ${f.pageUrl}`] : []),
    '',
    'Sie erhalten diese Nachricht, weil Sie beim Melden um Nachricht per E-Mail gebeten haben.',
    '',
    `Ihr Mängelmelder ${f.municipality}`,
  ];
  return { subject: `Ihre Meldung „${f.title}“: ${label}`, text: lines.join('\n') };
}
