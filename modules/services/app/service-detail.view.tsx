import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { Icon } from '../../web-app/client/icons.tsx';
import { LinkChips } from '../../web-app/client/detail-parts.tsx';
import { Links, RichText, Section } from '../../places/app/detail-parts.tsx';
import { MapView } from '../../places/app/map-view.tsx';
import { placesTexts } from '../../places/app/places-texts.ts';
import { AuthorityParts } from './authority-parts.tsx';
import type { OnlineServiceInfo, ServiceDetailData } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';
import { ServicesStatus } from './services-status.tsx';

/**
 * `/rathaus/leistungen/:id`: what a service is and needs (sections in a fixed order with German
 * headings), "Online beantragen" up front when an online service exists, forms, and the
 * responsible authorities with address, map, opening hours and contacts. Carries its schema.org
 * GovernmentService description for search engines.
 */
export default function ServiceDetailView({ data }: ViewProps<ServiceDetailData>) {
  const t = useTexts(servicesTexts);
  return (
    <article class="services service-detail">
      <p class="back">
        <a href="/rathaus">{t.backToOverview}</a>
      </p>
      <h1 tabIndex={-1}>{data.name}</h1>
      {data.synonyms.length > 0 && (
        <p class="synonyms">
          <span class="synonyms-label">{t.alsoKnownAs}:</span> {data.synonyms.join(', ')}
        </p>
      )}
      {data.summary && <p class="lead">{data.summary}</p>}
      {data.onlineServices.length > 0 && (
        <div class="apply-online">
          {data.onlineServices.map((o, i) => (
            <ApplyOnline key={i} service={o} named={data.onlineServices.length > 1} />
          ))}
        </div>
      )}
      <LinkChips label={t.lifeSituations} links={data.lifeSituations.map((c) => ({ href: `/rathaus/lebenslagen/${encodeURIComponent(c.id)}`, text: c.name }))} />
      {data.sections.map((s) => (
        <Section key={s.key} id={`section-${s.key}`} title={t[s.key]}>
          <RichText html={s.html} />
        </Section>
      ))}
      {data.forms.length > 0 && (
        <Section id="forms" title={t.forms}>
          <Links links={data.forms} />
        </Section>
      )}
      <Section id="responsible" title={data.authorities.length > 1 ? t.responsibleMany : t.responsible}>
        {data.authorities.length === 0 && <p>{t.noResponsible}</p>}
        {data.authorities.map((a) => (
          <section key={a.id} class="authority" aria-labelledby={`authority-${a.id}`}>
            <h3 id={`authority-${a.id}`}>
              <a href={`/rathaus/behoerden/${encodeURIComponent(a.id)}`}>{a.name}</a>
            </h3>
            <AuthorityParts authority={a} level={4} />
          </section>
        ))}
        {data.map && <MapView spec={data.map} small />}
      </Section>
      <ServicesStatus status={data.status} />
      {/* JSON text with "<" escaped by the loader; a data block, never run, so the CSP does not apply. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: data.jsonLd }} />
    </article>
  );
}

function ApplyOnline({ service, named }: { service: OnlineServiceInfo; named: boolean }) {
  const t = useTexts(servicesTexts);
  const p = useTexts(placesTexts);
  return (
    <div class="apply-online-item">
      <a class="button apply-button" href={service.url} target="_blank" rel="noopener noreferrer">
        {named ? `${t.applyOnline}: ${service.name}` : t.applyOnline}
        <Icon name="external" size={18} />
        <span class="visually-hidden-heading">{p.newWindow}</span>
      </a>
      {service.trustLevel && <p class="trust-level">{t[`trust_${service.trustLevel}`]}</p>}
      {service.description && <p class="online-description">{service.description}</p>}
    </div>
  );
}
