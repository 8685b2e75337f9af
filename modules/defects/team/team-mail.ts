import type { Mail } from '../../../core/mail/mailer.ts';

export type TeamMailReport = { id: number; title: string; categoryName: string; address: string; description: string; lat: number; lng: number };

/**
 * The mail to a category's team about a new report: category, title, place, description and the
 * link to the studio page. Never the reporter's contact data: a team address may lie outside the
 * studio's access rules, and staff find the contact behind the link.
 */
export function teamMail(to: string, r: TeamMailReport, o: { municipality: string; studioUrl: string }): Mail {
  const place = r.address || `${r.lat.toFixed(6)}, ${r.lng.toFixed(6)}`;
  return {
    to,
    subject: `Neue Meldung im Mängelmelder: ${r.categoryName} – ${r.title}`,
    text: [
      `Im Mängelmelder von ${o.municipality} ist eine neue Meldung eingegangen.`,
      '',
      `Kategorie: ${r.categoryName}`,
      `Titel: ${r.title}`,
      `Ort: ${place}`,
      ...(r.description ? ['', 'Beschreibung:', r.description] : []),
      '',
      `Zur Meldung im Studio: ${o.studioUrl}`,
      '',
      'Sie erhalten diese Nachricht, weil Sie für diese Kategorie zuständig sind.',
    ].join('\n'),
  };
}
