import { useTexts } from './i18n.ts';
import { shellTexts } from './shell-texts.ts';

export function NotFound() {
  const t = useTexts(shellTexts);
  return (
    <section class="page">
      <h1 tabIndex={-1}>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <a href="/">{t.toHome}</a>
      </p>
    </section>
  );
}
