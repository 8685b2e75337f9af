import { fillText, useTexts } from '../../../web-app/client/i18n.ts';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { SERVICES_PATH } from '../services-studio-kit.ts';
import { servicesTexts } from '../services-texts.ts';

/** Asks before a manual service is deleted for good (a plain form: no script needed). */
export function DeleteServicePage({ id, name, csrf, error }: { id: number; name: string; csrf: string; error: string | null }) {
  const t = useTexts(servicesTexts);
  return (
    <>
      <FormMessages error={error} />
      <p>{fillText(t.deleteQuestion, { name })}</p>
      <form method="post" action={`${SERVICES_PATH}/${id}/loeschen`} class="form-actions">
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit" class="danger">
          {t.deleteForGood}
        </button>
        <a href={`${SERVICES_PATH}/${id}`}>{t.cancel}</a>
      </form>
    </>
  );
}
