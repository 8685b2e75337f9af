import { fillText, formatDate, useLang, useTexts } from '../../web-app/client/i18n.ts';
import type { StatusData } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';
import { useNow } from './use-now.ts';

const MINUTE = 60_000;

/** "Stand: …" of the directory's copy; when the last update failed, says so and how old the copy is. */
export function ServicesStatus({ status }: { status: StatusData }) {
  const t = useTexts(servicesTexts);
  const lang = useLang();
  const now = useNow();
  if (!status) return null;
  const when = status.lastSuccessAt ? formatDate(status.lastSuccessAt, lang, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : null;
  const age = now && status.lastSuccessAt ? ageText(now.getTime() - new Date(status.lastSuccessAt).getTime(), t) : null;
  return (
    <p class={status.stale ? 'services-status is-stale' : 'services-status'}>
      {when && <span>{fillText(t.asOf, { date: when })}</span>}
      {status.stale && (
        <>
          {' '}
          <strong>{when ? fillText(t.staleSince, { date: when }) : t.staleNever}</strong>
          {age && <span class="services-age"> {fillText(t.age, { age })}</span>}
        </>
      )}
    </p>
  );
}

function ageText(ms: number, t: ReturnType<typeof servicesTexts>): string | null {
  if (!(ms >= 0)) return null;
  const minutes = Math.max(1, Math.floor(ms / MINUTE));
  if (minutes < 60) return minutes === 1 ? t.oneMinute : fillText(t.minutes, { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return hours === 1 ? t.oneHour : fillText(t.hours, { n: hours });
  return fillText(t.days, { n: Math.floor(hours / 24) });
}
