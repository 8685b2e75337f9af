import { fillText, useTexts } from '../../../web-app/client/i18n.ts';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { StudioTable } from '../../../studio/pages/studio-table.tsx';
import { FilterSelect } from '../../../studio/pages/filter-select.tsx';
import { SOURCES } from '../../model/catalog.ts';
import { PER_PAGE, type ServiceQuery, type ServiceRow } from '../service-list.ts';
import { SERVICES_PATH } from '../services-studio-kit.ts';
import { servicesTexts } from '../services-texts.ts';
import { TOP_PLACES } from '../top-list.ts';
import { PageLinks, sourceName } from './services-parts.tsx';

export type OverviewNotice = 'hide' | 'show' | 'pin' | 'unpin' | 'top' | 'untop' | 'deleted';

export type OverviewPageProps = {
  query: ServiceQuery;
  rows: ServiceRow[];
  total: number;
  top: ServiceRow[];
  /** This page's address, where the forms lead back to. */
  back: string;
  /** The session's token when it may change services (admins, editors); else null. */
  csrf: string | null;
  canConfigure: boolean;
  notice: OverviewNotice | null;
  error: string | null;
};

type Texts = ReturnType<typeof servicesTexts>;

/** The overview's address for a page of the same filters (empty filters and page 1 left out). */
const pageUrl = (q: ServiceQuery, page: number) => {
  const params = new URLSearchParams(Object.entries({ ...q, seite: page > 1 ? String(page) : '' }).filter(([, v]) => v !== ''));
  return params.size ? `${SERVICES_PATH}?${params}` : SERVICES_PATH;
};

/** One button posting an action on a service, back to this page; the service's name is told to screen readers. */
function ActionButton({ s, action, label, csrf, back }: { s: ServiceRow; action: string; label: string; csrf: string; back: string }) {
  return (
    <form method="post" action={`${SERVICES_PATH}/${s.id}/redaktion`} class="inline">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="zurueck" value={back} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" class="small">
        {label}
        <span class="visually-hidden">: {s.name}</span>
      </button>
    </form>
  );
}

/** The place on the top list: a number and a button (ids prefixed, as a service may be in both tables). */
function PlaceForm({ s, csrf, back, prefix, t }: { s: ServiceRow; csrf: string; back: string; prefix: string; t: Texts }) {
  const id = `${prefix}-${s.id}`;
  return (
    <form method="post" action={`${SERVICES_PATH}/${s.id}/redaktion`} class="inline-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="zurueck" value={back} />
      <input type="hidden" name="action" value="top" />
      <label for={id} class="visually-hidden">
        {fillText(t.placeFor, { name: s.name })}
      </label>
      <input id={id} name="position" type="number" inputMode="numeric" min={1} max={TOP_PLACES} step={1} value={s.topPosition ?? ''} class="short" />
      <button type="submit" class="small">
        {t.setPlace}
        <span class="visually-hidden">: {s.name}</span>
      </button>
    </form>
  );
}

function StateText({ s, t }: { s: ServiceRow; t: Texts }) {
  return (
    <>
      {s.hidden ? t.stateHidden : t.stateVisible}
      {s.pinned && <span class="badge">{t.statePinned}</span>}
    </>
  );
}

/** /studio/verwaltungsleistungen: the top list, then every service (search, filters, pages of 25) with its actions. */
export function OverviewPage({ query, rows, total, top, back, csrf, canConfigure, notice, error }: OverviewPageProps) {
  const t = useTexts(servicesTexts);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const notices: Record<OverviewNotice, string> = { hide: t.hiddenNotice, show: t.shownNotice, pin: t.pinnedNotice, unpin: t.unpinnedNotice, top: t.placedNotice, untop: t.unplacedNotice, deleted: t.deletedNotice };
  const statuses = [['', t.allStates], ['visible', t.stateVisible], ['hidden', t.stateHidden], ['pinned', t.statePinned], ['top', t.inTop]] as const;
  return (
    <>
      <FormMessages error={error} notice={notice ? notices[notice] : null} />
      <p>{t.intro}</p>
      <ul class="toolbar">
        {csrf && (
          <li>
            <a class="button" href={`${SERVICES_PATH}/neu`}>
              {t.newService}
            </a>
          </li>
        )}
        {canConfigure && (
          <li>
            <a href={`${SERVICES_PATH}/import`}>{t.importLink}</a>
          </li>
        )}
        <li>
          <a href={`${SERVICES_PATH}/abgleich`}>{t.syncLink}</a>
        </li>
        {canConfigure && (
          <li>
            <a href={`${SERVICES_PATH}/anbieter`}>{t.providerLink}</a>
          </li>
        )}
      </ul>

      <h2>{t.topTitle}</h2>
      <p class="hint">{t.topIntro}</p>
      {top.length === 0 ? (
        <p>{t.topEmpty}</p>
      ) : (
        <StudioTable caption={t.topCaption} columns={[t.place, t.service, t.source]} actions={csrf ? t.actions : undefined}>
          {top.map((s) => (
            <tr key={s.id}>
              <td>{s.topPosition}</td>
              <th scope="row">
                <a href={`${SERVICES_PATH}/${s.id}`}>{s.name}</a>
                {s.hidden && <span class="badge">{t.stateHidden}</span>}
              </th>
              <td>{sourceName(s.source, t)}</td>
              {csrf && (
                <td>
                  <PlaceForm s={s} csrf={csrf} back={back} prefix="top-place" t={t} />
                  <ActionButton s={s} action="untop" label={t.untop} csrf={csrf} back={back} />
                </td>
              )}
            </tr>
          ))}
        </StudioTable>
      )}

      <h2>{t.allTitle}</h2>
      <form method="get" action={SERVICES_PATH} class="filter-form" role="search">
        <p>
          <label for="q">{t.searchLabel}</label>
          <input id="q" name="q" type="search" value={query.q} />
        </p>
        <FilterSelect name="quelle" label={t.source} value={query.quelle} options={[['', t.allSources], ...SOURCES.map((s) => [s, sourceName(s, t)] as const)]} />
        <FilterSelect name="status" label={t.state} value={query.status} options={statuses} />
        <p>
          <button type="submit">{t.apply}</button>
        </p>
      </form>
      {rows.length === 0 ? (
        <p role="status">{t.noServices}</p>
      ) : (
        <StudioTable caption={<>{fillText(t.count, { n: total })} · {fillText(t.page, { page: query.seite, pages })}</>} columns={[t.service, t.source, t.leikaKey, t.state, t.place]} actions={csrf ? t.actions : undefined}>
          {rows.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <a href={`${SERVICES_PATH}/${s.id}`}>{s.name}</a>
              </th>
              <td>{sourceName(s.source, t)}</td>
              <td>{s.leikaKey ?? '–'}</td>
              <td>
                <StateText s={s} t={t} />
              </td>
              <td>{csrf ? <PlaceForm s={s} csrf={csrf} back={back} prefix="place" t={t} /> : (s.topPosition ?? '–')}</td>
              {csrf && (
                <td>
                  <ActionButton s={s} action={s.hidden ? 'show' : 'hide'} label={s.hidden ? t.show : t.hide} csrf={csrf} back={back} />
                  <ActionButton s={s} action={s.pinned ? 'unpin' : 'pin'} label={s.pinned ? t.unpin : t.pin} csrf={csrf} back={back} />
                </td>
              )}
            </tr>
          ))}
        </StudioTable>
      )}
      <PageLinks page={query.seite} pages={pages} href={(n) => pageUrl(query, n)} />
    </>
  );
}
