import type { ViewProps } from '../../web-app/client/app-route.ts';
import { BookmarkButton } from '../../web-app/client/bookmark-button.tsx';
import type { HtmlPageData } from './static-pages.ts';

/** A CMS page. Its HTML was sanitised when it was saved (static-content-store.ts), so it is shown as is. */
export default function HtmlPageView({ data, params }: ViewProps<HtmlPageData>) {
  // "/seite/<name>"; the accessibility statement has its own path.
  const name = params.name ?? 'barrierefreiheit';
  const href = params.name ? `/seite/${encodeURIComponent(params.name)}` : '/barrierefreiheit';
  return (
    <article class="page html-page">
      <h1 tabIndex={-1}>{data.title}</h1>
      <BookmarkButton type="Page" id={name} title={data.title} href={href} />
      <div class="rich-text" dangerouslySetInnerHTML={{ __html: data.html }} />
    </article>
  );
}
