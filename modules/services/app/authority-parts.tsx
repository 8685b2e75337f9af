import { useTexts } from '../../web-app/client/i18n.ts';
import { Address, ExternalLink } from '../../places/app/detail-parts.tsx';
import { MapView } from '../../places/app/map-view.tsx';
import type { MapSpec } from '../../places/app/map-spec.ts';
import { placesTexts } from '../../places/app/places-texts.ts';
import { OpeningHours } from './opening-hours.tsx';
import { Part, type HeadingLevel } from './part.tsx';
import type { AuthorityInfo, ContactLine } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';

/**
 * What citizens need to reach an authority: address with route link, opening hours, phone and
 * e-mail as links, payment methods. Used on a service page (under the authority's name) and on
 * the authority's own page; `level` is the level of the parts' headings there. A map, when given,
 * goes with the address.
 */
export function AuthorityParts({ authority: a, level, map = null }: { authority: AuthorityInfo; level: HeadingLevel; map?: MapSpec | null }) {
  const t = useTexts(servicesTexts);
  const p = useTexts(placesTexts);
  const id = (part: string) => `authority-${a.id}-${part}`;
  return (
    <>
      {a.addresses.length > 0 && (
        <Part id={id('address')} level={level} title={a.addresses.length > 1 ? p.addresses : p.address}>
          {a.addresses.map((x, i) => (
            <Address key={i} address={x} />
          ))}
          {map && <MapView spec={map} small />}
        </Part>
      )}
      <OpeningHours id={id('hours')} level={level} spans={a.openingHours} note={a.openingHoursNote} />
      {a.contacts.length > 0 && (
        <Part id={id('contact')} level={level} title={t.contact}>
          <ul class="contact-lines">
            {a.contacts.map((c, i) => (
              <li key={i}>
                <Contact line={c} />
              </li>
            ))}
          </ul>
        </Part>
      )}
      {a.paymentMethods.length > 0 && (
        <Part id={id('payment')} level={level} title={t.paymentMethods}>
          <ul class="payment-methods">
            {a.paymentMethods.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Part>
      )}
    </>
  );
}

function Contact({ line }: { line: ContactLine }) {
  const t = useTexts(servicesTexts);
  const kind = t[line.kind];
  const label = line.label ? `${kind} (${line.label})` : kind;
  if (!line.href) return <>{`${label}: ${line.text}`}</>;
  return (
    <>
      {label}: {line.kind === 'web' ? <ExternalLink href={line.href}>{line.text}</ExternalLink> : <a href={line.href}>{line.text}</a>}
    </>
  );
}
