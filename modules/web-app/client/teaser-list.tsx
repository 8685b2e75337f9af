import { useLang, formatDate } from './i18n.ts';

/** A content item in a list: news, event, place, tour or generic item, already mapped by its loader. */
export type Teaser = {
  href: string;
  title: string;
  /** Date or day the item is about (ISO date or timestamp), shown in the list. */
  date?: string | null;
  meta?: string | null;
  text?: string | null;
  image?: { url: string; alt: string } | null;
};

/** Cards with one link each (the title); the heading level fits where the list sits. */
export function TeaserList({ items, headingLevel = 3, emptyText }: { items: Teaser[]; headingLevel?: 2 | 3; emptyText?: string }) {
  const lang = useLang();
  if (!items.length) return emptyText ? <p class="empty">{emptyText}</p> : null;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="teasers">
      {items.map((item, i) => (
        // One event can be listed twice (two dates on one day): the position keeps keys unique.
        <li key={`${i}:${item.href}`} class="teaser">
          {item.image && <img src={item.image.url} alt={item.image.alt} loading="lazy" decoding="async" width={96} height={72} />}
          <div>
            <H class="teaser-title">
              <a href={item.href}>{item.title}</a>
            </H>
            {(item.date || item.meta) && (
              <p class="teaser-meta">
                {item.date && <time dateTime={item.date}>{formatDate(item.date, lang)}</time>}
                {item.date && item.meta ? ' · ' : ''}
                {item.meta}
              </p>
            )}
            {item.text && <p class="teaser-text">{item.text}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
