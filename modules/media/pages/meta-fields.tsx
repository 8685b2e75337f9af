import { useTexts } from '../../web-app/client/i18n.ts';
import { mediaTexts } from './media-texts.ts';

/** Alt text and copyright inputs, the same at upload and when editing. */
export function MetaFields({ alt, copyright }: { alt: string; copyright: string }) {
  const t = useTexts(mediaTexts);
  return (
    <>
      <p>
        <label for="media-alt">{t.alt}</label>
        <input id="media-alt" name="alt" type="text" maxLength={500} value={alt} />
      </p>
      <p>
        <label for="media-copyright">{t.copyright}</label>
        <input id="media-copyright" name="copyright" type="text" maxLength={200} value={copyright} />
      </p>
    </>
  );
}
