import type { LocalizedText } from '../../../core/registry/manifest.ts';

/** A report's life: received → in progress / forwarded → done, or rejected, or merged as a duplicate. */
export const REPORT_STATUSES = ['received', 'in_progress', 'forwarded', 'done', 'rejected', 'duplicate'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const OPEN_STATUSES: readonly ReportStatus[] = ['received', 'in_progress', 'forwarded'];
export const isOpen = (s: ReportStatus) => OPEN_STATUSES.includes(s);

/** Open311 knows only open and closed. */
export const open311Status = (s: ReportStatus): 'open' | 'closed' => (isOpen(s) ? 'open' : 'closed');
export const statusesOfOpen311 = (s: 'open' | 'closed'): readonly ReportStatus[] => (s === 'open' ? OPEN_STATUSES : REPORT_STATUSES.filter((x) => !isOpen(x)));

export const statusLabels: Record<ReportStatus, LocalizedText> = {
  received: { de: 'Eingegangen', en: 'Received' },
  in_progress: { de: 'In Bearbeitung', en: 'In progress' },
  forwarded: { de: 'Weitergeleitet', en: 'Forwarded' },
  done: { de: 'Erledigt', en: 'Done' },
  rejected: { de: 'Abgelehnt', en: 'Rejected' },
  duplicate: { de: 'Doppelt gemeldet', en: 'Duplicate' },
};

/** Colours of the status on maps and in lists (text on them is white; each ≥ 4.5:1 against it). */
export const statusColours: Record<ReportStatus, string> = {
  received: '#b3261e',
  in_progress: '#8a5300',
  forwarded: '#5b4397',
  done: '#1e6b34',
  rejected: '#555555',
  duplicate: '#555555',
};
