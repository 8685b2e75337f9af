import type { ViewProps } from '../../web-app/client/app-route.ts';
import { fillText, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import type { SearchData, SearchType } from './search-data.ts';
import { searchTexts } from './search-texts.ts';

const searchHref = (q: string, type?: SearchType) => `/suche?${new URLSearchParams(type ? { q, typ: type } : { q }).toString()}`;

/**
 * Search across the content types: a plain GET form (works without JavaScript), one status line
 * (announced by screen readers), then the hits grouped by type with their counts.
 */
export default function SearchView({ data }: ViewProps<SearchData>) {
  const t = useTexts(searchTexts);
  // The tenant's own texts are German; English readers get ours.
  const own = useLang() === 'de' ? data.tenantTexts : {};
  const status = {
    empty: '',
    'too-short': own.minSearchLengthHint ?? fillText(t.tooShort, { n: data.minLength }),
    'too-long': t.tooLong,
    none: own.noResults ?? fillText(t.none, { q: data.query }),
    results: fillText(data.total === 1 ? t.summaryOne : t.summary, { n: data.total, q: data.query }),
  }[data.state];
  return (
    <section class="page search-page">
      <h1 tabIndex={-1}>{t.title}</h1>
      <form role="search" method="get" action="/suche" class="search-form">
        <label for="search-q">{t.label}</label>
        <div class="search-row">
          <input id="search-q" type="search" name="q" value={data.query} placeholder={own.placeholder ?? t.placeholder} autoComplete="off" enterKeyHint="search" maxLength={200} />
          <button type="submit" class="button">
            {t.submit}
          </button>
        </div>
      </form>
      <p class={`search-status search-status-${data.state}`} role="status">
        {status}
      </p>
      {data.groups.map((g) => (
        <section key={g.type} class="search-group" aria-labelledby={`results-${g.type}`}>
          <h2 id={`results-${g.type}`}>
            {t[g.type]} <span class="search-count">({g.count})</span>
          </h2>
          <TeaserList items={g.items} />
          {!data.type && g.count > g.items.length && (
            <p class="more">
              <a href={searchHref(data.query, g.type)}>{fillText(t.showAll, { n: g.count, type: t[g.type] })}</a>
            </p>
          )}
        </section>
      ))}
      {data.type && data.query && (
        <p class="more">
          <a href={searchHref(data.query)}>{t.backToAll}</a>
        </p>
      )}
    </section>
  );
}
