import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import { Pager } from '../../web-app/client/pager.tsx';
import type { NewsListData } from './news-data.ts';
import { newsTexts } from './news-texts.ts';

const pageHref = (base: string, page: number) => (page === 1 ? base : `${base}${base.includes('?') ? '&' : '?'}seite=${page}`);

export default function NewsListView({ data }: ViewProps<NewsListData>) {
  const t = useTexts(newsTexts);
  return (
    <section class="news-list">
      <h1 tabIndex={-1}>{data.title}</h1>
      {data.category && (
        <p class="news-all">
          <a href="/nachrichten">{t.allNews}</a>
        </p>
      )}
      <TeaserList items={data.items} headingLevel={2} emptyText={t.empty} />
      <Pager
        label={t.pages}
        status={data.pages > 1 ? t.pageOf.replace('{page}', String(data.page)).replace('{pages}', String(data.pages)) : undefined}
        prev={data.page > 1 ? { href: pageHref(data.baseHref, data.page - 1), label: t.newer } : null}
        next={data.page < data.pages ? { href: pageHref(data.baseHref, data.page + 1), label: t.older } : null}
      />
    </section>
  );
}
