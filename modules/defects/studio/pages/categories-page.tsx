import { useTexts } from '../../../web-app/client/i18n.ts';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { StudioTable } from '../../../studio/pages/studio-table.tsx';
import type { CategoryRecord } from '../category-form.ts';
import { DEFECTS_PATH } from '../defects-studio-kit.ts';
import { defectsTexts } from '../defects-texts.ts';

export const CATEGORIES_PATH = `${DEFECTS_PATH}/kategorien`;

/** /studio/maengelmelder/kategorien: every category with its team; links to edit and to create one. */
export function CategoriesPage({ categories, teamNames, notice }: { categories: (CategoryRecord & { id: number })[]; teamNames: (ids: number[]) => string; notice: string | null }) {
  const t = useTexts(defectsTexts);
  return (
    <>
      <FormMessages error={null} notice={notice} />
      <ul class="toolbar">
        <li>
          <a class="button" href={`${CATEGORIES_PATH}/neu`}>
            {t.newCategory}
          </a>
        </li>
        <li>
          <a href={DEFECTS_PATH}>{t.back}</a>
        </li>
      </ul>
      {categories.length === 0 ? (
        <p>{t.noCategories}</p>
      ) : (
        <StudioTable caption={t.categoriesTitle} columns={[t.categoryName, t.code, t.group, t.type, t.team, t.state]}>
          {categories.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={`${CATEGORIES_PATH}/${c.id}`}>{c.name}</a>
              </th>
              <td>{c.code}</td>
              <td>{c.group || '–'}</td>
              <td>{c.type === 'batch' ? t.typeBatch : t.typeRealtime}</td>
              <td>{[c.teamEmail, teamNames(c.teamAccountIds)].filter(Boolean).join(', ') || '–'}</td>
              <td>{c.active ? t.activeState : t.inactive}</td>
            </tr>
          ))}
        </StudioTable>
      )}
    </>
  );
}
