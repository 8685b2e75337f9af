import { useLang, useTexts } from '../../../web-app/client/i18n.ts';
import type { ContentEditor } from '../../../../core/registry/content-editor.ts';
import { contentTexts } from '../../content/content-texts.ts';

/** The content types this municipality edits here. */
export function ContentIndexPage({ editors }: { editors: ContentEditor[] }) {
  const lang = useLang();
  const t = useTexts(contentTexts);
  return (
    <ul class="studio-links">
      {editors.map((e) => (
        <li key={e.slug}>
          <a href={`/studio/inhalte/${e.slug}`}>{e.title[lang]}</a>
        </li>
      ))}
      <li>
        <a href="/studio/papierkorb">{t.trash}</a>
      </li>
    </ul>
  );
}
