import { fillText, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import type { ContentEditor } from '../../../../core/registry/content-editor.ts';
import { contentTexts } from '../../content/content-texts.ts';
import { changedFields, type Revision } from '../../content/revisions.ts';
import { dateTime } from './state-text.ts';
import { StudioTable } from '../studio-table.tsx';

/** Who saved which version when and what changed; any version can be loaded into the form again. */
export function HistoryPage({ editor, recordId, revisions }: { editor: ContentEditor; recordId: number; revisions: Revision[] }) {
  const t = useTexts(contentTexts);
  const lang = useLang();
  const base = `/studio/inhalte/${editor.slug}/${recordId}`;
  const labelOf = (name: string) => editor.fields.find((f) => f.name === name)?.label[lang] ?? (name === 'status' ? t.state : name === 'publishAt' ? t.publishAt : name === 'unpublishAt' ? t.unpublishAt : name);
  const actionText = { created: t.actionCreated, updated: t.actionUpdated, trashed: t.actionTrashed, restored: t.actionRestored };
  if (!revisions.length) return <p role="status">{t.noHistory}</p>;
  return (
    <>
      <p>
        <a href={base}>{t.back}</a>
      </p>
      <StudioTable caption={t.history} columns={[t.version, t.when, t.who, t.what]} actions={t.actions}>
        {revisions.map((r, i) => {
          const changed = r.action === 'updated' ? changedFields(r.snapshot, revisions[i + 1]?.snapshot) : [];
          return (
            <tr key={r.version}>
              <td>{r.version}</td>
              <td>{dateTime(r.at, lang)}</td>
              <td>{r.actor}</td>
              <td>
                {actionText[r.action]}
                {changed.length > 0 && <span class="muted"> – {fillText(t.changedFields, { fields: changed.map(labelOf).join(', ') })}</span>}
              </td>
              <td>{i > 0 && <a href={`${base}?version=${r.version}`}>{t.restoreVersion}</a>}</td>
            </tr>
          );
        })}
      </StudioTable>
    </>
  );
}
