import type { Lang } from '../../web-app/client/i18n.ts';
import { statusColours, statusLabels, type ReportStatus } from '../model/statuses.ts';

/**
 * How a status looks in lists and on the map: its colour (model/statuses.ts; the CSS classes
 * status-<name> in defects.css carry the same values, as the page's CSP allows no style attributes),
 * a symbol and always its label as text, so colour is never the only cue.
 */
export const statusSymbols: Record<ReportStatus, string> = {
  received: '!',
  in_progress: '…',
  forwarded: '→',
  done: '✓',
  rejected: '×',
  duplicate: '=',
};

export const statusLabel = (s: ReportStatus, lang: Lang) => statusLabels[s][lang];
export const statusColour = (s: ReportStatus) => statusColours[s];
