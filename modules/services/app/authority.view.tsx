import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import { RichText, Section } from '../../places/app/detail-parts.tsx';
import { AuthorityParts } from './authority-parts.tsx';
import type { AuthorityData } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';

/** `/rathaus/behoerden/:id`: an authority — description, address with map, opening hours, contacts, payment, its services. */
export default function AuthorityView({ data }: ViewProps<AuthorityData>) {
  const t = useTexts(servicesTexts);
  return (
    <article class="services authority-page">
      <p class="back">
        <a href="/rathaus">{t.backToOverview}</a>
      </p>
      <h1 tabIndex={-1}>{data.name}</h1>
      <RichText html={data.descriptionHtml} />
      <AuthorityParts authority={data} level={2} map={data.map} />
      <Section id="authority-services" title={t.authorityServices}>
        <TeaserList items={data.services} emptyText={t.noAuthorityServices} />
        {data.moreServices && <p class="more">{t.moreServices}</p>}
      </Section>
    </article>
  );
}
