import { formatDate, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import { contentTexts } from '../../content/content-texts.ts';
import { TRASH_DAYS } from '../../content/editorial-state.ts';
import { StudioTable } from '../studio-table.tsx';

export type TrashEntry = { slug: string; typeTitle: string; id: number; title: string; deletedAt: Date; canRestore: boolean };

/** Everything in the trash of this municipality, newest first, each restorable for 30 days. */
export function TrashPage({ entries, csrf, notice }: { entries: TrashEntry[]; csrf: string; notice: string | null }) {
  const t = useTexts(contentTexts);
  const lang = useLang();
  return (
    <>
      {notice && (
        <div class="form-notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      <p>{t.trashIntro}</p>
      {entries.length === 0 ? (
        <p role="status">{t.trashEmpty}</p>
      ) : (
        <StudioTable caption={t.trash} columns={[t.title, t.type, t.deletedAt, t.purgeOn]} actions={t.actions}>
          {entries.map((e) => (
            <tr key={`${e.slug}-${e.id}`}>
              <td>{e.title || `#${e.id}`}</td>
              <td>{e.typeTitle}</td>
              <td>{formatDate(e.deletedAt, lang)}</td>
              <td>{formatDate(new Date(e.deletedAt.getTime() + TRASH_DAYS * 86_400_000), lang)}</td>
              <td>
                {e.canRestore && (
                  <form method="post" action={`/studio/inhalte/${e.slug}/${e.id}/wiederherstellen`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" aria-label={`${t.restore}: ${e.title}`}>
                      {t.restore}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </StudioTable>
      )}
    </>
  );
}
