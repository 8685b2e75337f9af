import type { ReportStatus } from '../model/statuses.ts';
import { useLang } from '../../web-app/client/i18n.ts';
import { statusLabel, statusSymbols } from './status-look.ts';

/** The status as a coloured label with its symbol; the text says it, the colour only repeats it. */
export function StatusBadge({ status }: { status: ReportStatus }) {
  const lang = useLang();
  return (
    <span class={`status-badge status-${status}`}>
      <span aria-hidden="true">{statusSymbols[status]} </span>
      {statusLabel(status, lang)}
    </span>
  );
}
