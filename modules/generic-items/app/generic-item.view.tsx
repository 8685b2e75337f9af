import { BookmarkButton } from '../../web-app/client/bookmark-button.tsx';
import type { ViewProps } from '../../web-app/client/app-route.ts';
import { formatDate, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { Accessibility, Address, Company, Contact, Images, Links, OpeningHours, Prices, RichText, Section } from '../../places/app/detail-parts.tsx';
import { placesTexts } from '../../places/app/places-texts.ts';
import { genericTexts } from './generic-texts.ts';
import type { GenericItemData } from './generic-types.ts';

/** `/eintrag/:id`: a generic item — teaser, content blocks, dates, construction-site details, providers, contacts, prices, links. */
export default function GenericItemView({ data }: ViewProps<GenericItemData>) {
  const t = useTexts(genericTexts);
  const p = useTexts(placesTexts);
  const lang = useLang();
  return (
    <article class="detail generic-item">
      <p class="back">
        <a href={data.list.href}>{data.list.name}</a>
      </p>
      <h1 tabIndex={-1}>{data.title}</h1>
      <BookmarkButton type="GenericItem" id={data.id} title={data.title} href={`/eintrag/${data.id}`} />
      {data.categories.length > 0 && (
        <ul class="chips" aria-label={p.categories}>
          {data.categories.map((c) => (
            <li key={c}>
              <span>{c}</span>
            </li>
          ))}
        </ul>
      )}
      {data.teaser && <p class="lead">{data.teaser}</p>}
      {data.dates.length > 0 && (
        <Section id="dates" title={data.datesTitle}>
          <ul class="generic-dates">
            {data.dates.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </Section>
      )}
      {data.construction && (
        <Section id="construction" title={t.constructionSite}>
          <dl class="construction">
            {data.construction.cause && (
              <div>
                <dt>{t.cause}</dt>
                <dd>{data.construction.cause}</dd>
              </div>
            )}
            {data.construction.direction && (
              <div>
                <dt>{t.direction}</dt>
                <dd>{data.construction.direction}</dd>
              </div>
            )}
            {data.construction.restrictions.length > 0 && (
              <div>
                <dt>{t.restrictions}</dt>
                {data.construction.restrictions.map((r, i) => (
                  <dd key={i}>{r}</dd>
                ))}
              </div>
            )}
          </dl>
        </Section>
      )}
      <Images images={data.images} eager />
      <RichText html={data.descriptionHtml} />
      {data.blocks.map((b, i) =>
        b.title ? (
          <Section key={i} id={`block-${i}`} title={b.title}>
            <Block block={b} />
          </Section>
        ) : (
          <Block key={i} block={b} />
        ),
      )}
      {(data.locations.length > 0 || data.addresses.length > 0) && (
        <Section id="where" title={data.addresses.length > 1 ? p.addresses : p.address}>
          {data.locations.length > 0 && <p>{data.locations.join(', ')}</p>}
          {data.addresses.map((a, i) => (
            <Address key={i} address={a} />
          ))}
        </Section>
      )}
      <OpeningHours id="hours" rows={data.hours} openNow={null} />
      <Prices id="prices" rows={data.prices} />
      {data.companies.length > 0 && (
        <Section id="companies" title={t.companies}>
          {data.companies.map((c, i) => (
            <Company key={i} company={c} />
          ))}
        </Section>
      )}
      {data.contacts.length > 0 && (
        <Section id="contacts" title={data.contacts.length > 1 ? p.contacts : p.contact}>
          {data.contacts.map((c, i) => (
            <Contact key={i} contact={c} />
          ))}
        </Section>
      )}
      {data.accessibility.length > 0 && (
        <Section id="accessibility" title={p.accessibility}>
          {data.accessibility.map((a, i) => (
            <Accessibility key={i} info={a} />
          ))}
        </Section>
      )}
      {data.links.length > 0 && (
        <Section id="links" title={p.links}>
          <Links links={data.links} />
        </Section>
      )}
      {data.place && (
        <Section id="place" title={t.place}>
          <p>
            <a href={data.place.href}>{data.place.label}</a>
          </p>
        </Section>
      )}
      {data.children.length > 0 && (
        <Section id="children" title={t.children}>
          <ul>
            {data.children.map((c) => (
              <li key={c.href}>
                <a href={c.href}>{c.label}</a>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {(data.published || data.author || data.source) && (
        <p class="source">
          {[data.published && `${t.published} ${formatDate(data.published, lang)}`, data.author && `${t.author} ${data.author}`, data.source && `${p.source}: ${data.source}`].filter(Boolean).join(' · ')}
        </p>
      )}
    </article>
  );
}

function Block({ block }: { block: GenericItemData['blocks'][number] }) {
  return (
    <>
      <RichText html={block.introHtml} />
      <RichText html={block.bodyHtml} />
      <Images images={block.images} />
    </>
  );
}
