import type { ComponentChildren } from 'preact';
import { useTexts } from '../../web-app/client/i18n.ts';
import { Icon } from '../../web-app/client/icons.tsx';
import { placesTexts } from './places-texts.ts';

/**
 * Parts of the detail pages of places, tours and generic items (mapped on the server by
 * detail-parts.load.ts). Each part renders nothing when it has no content.
 */
export type ImageInfo = { url: string; alt: string; copyright: string | null };
export type LinkInfo = { href: string; label: string };
export type AddressInfo = { lines: string[]; kind: string | null; routeHref: string | null };
export type ContactInfo = { name: string | null; phone: LinkInfo | null; fax: string | null; email: string | null; links: LinkInfo[] };
export type CompanyInfo = { name: string | null; address: AddressInfo | null; contact: ContactInfo | null };
export type HoursRow = { days: string; from: string | null; to: string | null; open: boolean; period: string | null; note: string | null };
export type PriceRow = { name: string; amount: string | null; details: string[] };
export type AccessibilityInfo = { description: string | null; types: string | null; links: LinkInfo[] };

/** A titled part of a detail page: an h2 the region is named by. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="detail-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  const t = useTexts(placesTexts);
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <Icon name="external" size={16} />
      <span class="visually-hidden-heading">{t.newWindow}</span>
    </a>
  );
}

export function RichText({ html }: { html: string | null }) {
  return html ? <div class="rich-text" dangerouslySetInnerHTML={{ __html: html }} /> : null;
}

export function Images({ images, eager = false }: { images: ImageInfo[]; eager?: boolean }) {
  const t = useTexts(placesTexts);
  if (!images.length) return null;
  return (
    <div class="detail-images">
      {images.map((img, i) => (
        <figure key={img.url + i}>
          <img src={img.url} alt={img.alt} width={640} height={360} {...(eager && i === 0 ? { fetchpriority: 'high' } : { loading: 'lazy' })} decoding="async" />
          {(img.alt || img.copyright) && (
            <figcaption>
              {img.alt}
              {img.alt && img.copyright ? ' · ' : ''}
              {img.copyright && `${t.photo}: ${img.copyright}`}
            </figcaption>
          )}
        </figure>
      ))}
    </div>
  );
}

export function Address({ address }: { address: AddressInfo }) {
  const t = useTexts(placesTexts);
  return (
    <div class="detail-address">
      <address>
        {address.kind && <span class="address-kind">{address.kind}: </span>}
        {address.lines.map((l, i) => (
          <span key={i} class="address-line">
            {l}
          </span>
        ))}
      </address>
      {address.routeHref && (
        <p class="route-link">
          <ExternalLink href={address.routeHref}>{t.planRoute}</ExternalLink>
        </p>
      )}
    </div>
  );
}

export function OpeningHours({ rows, openNow, id }: { rows: HoursRow[]; openNow: boolean | null; id: string }) {
  const t = useTexts(placesTexts);
  if (!rows.length) return null;
  const hasNotes = rows.some((r) => r.note || r.period);
  return (
    <Section id={id} title={t.openingHours}>
      {openNow !== null && <p class={`open-now ${openNow ? 'is-open' : 'is-closed'}`}>{openNow ? t.openNow : t.closedNow}</p>}
      <table class="hours">
        <caption class="visually-hidden-heading">{t.openingHours}</caption>
        <thead>
          <tr>
            <th scope="col">{t.days}</th>
            <th scope="col">{t.times}</th>
            {hasNotes && <th scope="col">{t.notes}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.days}</td>
              <td>{!r.open ? t.closed : r.from || r.to ? `${r.from ?? ''}–${r.to ?? ''}${t.oClock}` : ''}</td>
              {hasNotes && <td>{[r.note, r.period].filter(Boolean).join(' · ')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function Prices({ rows, id }: { rows: PriceRow[]; id: string }) {
  const t = useTexts(placesTexts);
  if (!rows.length) return null;
  return (
    <Section id={id} title={t.prices}>
      <dl class="prices">
        {rows.map((p, i) => (
          <div key={i} class="price">
            <dt>{p.name}</dt>
            {p.amount && <dd class="price-amount">{p.amount}</dd>}
            {p.details.map((d, j) => (
              <dd key={j} class="price-detail">
                {d}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </Section>
  );
}

export function Contact({ contact }: { contact: ContactInfo }) {
  const t = useTexts(placesTexts);
  return (
    <div class="contact">
      {contact.name && <p class="contact-name">{contact.name}</p>}
      <ul class="contact-lines">
        {contact.phone && (
          <li>
            {t.phone}: <a href={contact.phone.href}>{contact.phone.label}</a>
          </li>
        )}
        {contact.fax && (
          <li>
            {t.fax}: {contact.fax}
          </li>
        )}
        {contact.email && (
          <li>
            {t.email}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
        )}
        {contact.links.map((l) => (
          <li key={l.href}>
            <ExternalLink href={l.href}>{l.label}</ExternalLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Company({ company }: { company: CompanyInfo }) {
  return (
    <div class="company">
      {company.name && <p class="company-name">{company.name}</p>}
      {company.address && <Address address={company.address} />}
      {company.contact && <Contact contact={company.contact} />}
    </div>
  );
}

export function Links({ links }: { links: LinkInfo[] }) {
  if (!links.length) return null;
  return (
    <ul class="detail-links">
      {links.map((l) => (
        <li key={l.href}>
          <ExternalLink href={l.href}>{l.label}</ExternalLink>
        </li>
      ))}
    </ul>
  );
}

export function Accessibility({ info }: { info: AccessibilityInfo }) {
  return (
    <>
      {info.types && <p class="accessibility-types">{info.types}</p>}
      {info.description && <p>{info.description}</p>}
      <Links links={info.links} />
    </>
  );
}
