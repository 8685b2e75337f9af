import { BookmarkButton } from '../../web-app/client/bookmark-button.tsx';
import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts, useLang, formatDate } from '../../web-app/client/i18n.ts';
import { MediaFigure } from '../../web-app/client/media-figure.tsx';
import { LinkChips, ProviderNote } from '../../web-app/client/detail-parts.tsx';
import type { NewsDetailData } from './news-data.ts';
import { newsTexts } from './news-texts.ts';

/** One news item: its blocks in order (title, intro, images, body), then where it comes from. */
export default function NewsDetailView({ data, params }: ViewProps<NewsDetailData>) {
  const t = useTexts(newsTexts);
  const lang = useLang();
  return (
    <article class="news-detail">
      <h1 tabIndex={-1}>{data.title}</h1>
      <BookmarkButton type="NewsItem" id={params.id!} title={data.title} href={`/nachrichten/${params.id}`} />
      {(data.publishedAt || data.author) && (
        <p class="news-meta">
          {data.publishedAt && (
            <>
              {t.published} <time dateTime={data.publishedAt}>{formatDate(data.publishedAt, lang)}</time>
            </>
          )}
          {data.publishedAt && data.author ? ` ${t.by} ` : ''}
          {data.author}
        </p>
      )}
      <LinkChips label={t.categories} links={data.categories.map((c) => ({ href: `/nachrichten?kategorie=${encodeURIComponent(c.id)}`, text: c.name }))} />
      {data.blocks.map((b, i) => (
        <section key={i} class="news-block">
          {b.title && <h2>{b.title}</h2>}
          {b.intro && <p class="news-intro">{b.intro}</p>}
          {b.figures.map((f, j) => (
            <MediaFigure key={j} figure={f} eager={i === 0 && j === 0} />
          ))}
          {/* Sanitised when saved (see news-detail.load.ts). */}
          {b.html && <div class="rich-text" dangerouslySetInnerHTML={{ __html: b.html }} />}
        </section>
      ))}
      {(data.source || data.provider) && (
        <footer class="news-origin">
          <h2>{t.source}</h2>
          {data.source && (
            <p>
              <a href={data.source.url} rel="noopener">
                {data.source.label ?? t.sourceLink}
              </a>
            </p>
          )}
          <ProviderNote label={t.provider} provider={data.provider} />
        </footer>
      )}
      <p>
        <a href="/nachrichten">{t.backToList}</a>
      </p>
    </article>
  );
}
