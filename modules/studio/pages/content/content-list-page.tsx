import { fillText, formatDate, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import type { ContentEditor } from '../../../../core/registry/content-editor.ts';
import { contentTexts } from '../../content/content-texts.ts';
import { PER_PAGE, type ListQuery, type ListRow } from '../../content/content-list.ts';
import { stateText } from './state-text.ts';
import { StudioTable } from '../studio-table.tsx';

export type ContentListPageProps = { editor: ContentEditor; query: ListQuery; rows: ListRow[]; total: number; canCreate: boolean; notice: string | null };

const queryString = (q: ListQuery, page: number) => {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.status) p.set('status', q.status);
  if (q.sort !== 'updated') p.set('sort', q.sort);
  if (page > 1) p.set('seite', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
};

/** A content type's records: search, status filter, sort (a plain GET form) and pages of 20. */
export function ContentListPage({ editor, query, rows, total, canCreate, notice }: ContentListPageProps) {
  const t = useTexts(contentTexts);
  const lang = useLang();
  const base = `/studio/inhalte/${editor.slug}`;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const statuses = [['', t.all], ['draft', t.draft], ['scheduled', t.filterScheduled], ['published', t.published], ['expired', t.filterExpired]] as const;
  return (
    <>
      {notice && (
        <div class="form-notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      <p class="toolbar">
        {canCreate && (
          <a class="button" href={`${base}/neu`}>
            {t.newItem}
          </a>
        )}
        <a href="/studio/papierkorb">{t.trash}</a>
      </p>
      <form method="get" action={base} class="filter-form" role="search">
        <p>
          <label for="q">{t.searchLabel}</label>
          <input id="q" name="q" type="search" value={query.q} />
        </p>
        <p>
          <label for="status">{t.statusFilter}</label>
          <select id="status" name="status">
            {statuses.map(([value, label]) => (
              <option key={value} value={value} selected={query.status === value}>
                {label}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="sort">{t.sort}</label>
          <select id="sort" name="sort">
            <option value="updated" selected={query.sort === 'updated'}>
              {t.sortUpdated}
            </option>
            <option value="created" selected={query.sort === 'created'}>
              {t.sortCreated}
            </option>
            <option value="title" selected={query.sort === 'title'}>
              {t.sortTitle}
            </option>
          </select>
        </p>
        <p>
          <button type="submit">{t.apply}</button>
        </p>
      </form>
      {rows.length === 0 ? (
        <p role="status">{t.noItems}</p>
      ) : (
        <StudioTable caption={<>{fillText(t.count, { n: total })}</>} columns={[t.title, t.state, t.provider, t.updated]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`${base}/${r.id}`}>{r.title || `#${r.id}`}</a>
              </td>
              <td>{stateText(r, lang)}</td>
              <td>{r.provider ?? ''}</td>
              <td>{formatDate(r.updatedAt, lang)}</td>
            </tr>
          ))}
        </StudioTable>
      )}
      {pages > 1 && (
        <nav aria-label={t.pagination} class="pager">
          {query.seite > 1 && <a href={`${base}${queryString(query, query.seite - 1)}`}>{t.previous}</a>}
          <span aria-current="page">{fillText(t.page, { page: query.seite, pages })}</span>
          {query.seite < pages && <a href={`${base}${queryString(query, query.seite + 1)}`}>{t.next}</a>}
        </nav>
      )}
    </>
  );
}
