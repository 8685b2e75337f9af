import { useTexts } from '../../web-app/client/i18n.ts';
import { placesTexts, fill } from './places-texts.ts';

/** Page links of a long list: plain links, so paging works without JavaScript too. */
export type PagerInfo = { page: number; pages: number; prevHref: string | null; nextHref: string | null };

export function Pager({ pager }: { pager: PagerInfo }) {
  const t = useTexts(placesTexts);
  if (pager.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t.pages}>
      {pager.prevHref ? (
        <a href={pager.prevHref} rel="prev">
          {t.previous}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">{fill(t.pageOf, { page: pager.page, pages: pager.pages })}</span>
      {pager.nextHref ? (
        <a href={pager.nextHref} rel="next">
          {t.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
