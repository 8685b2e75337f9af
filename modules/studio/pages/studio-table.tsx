import type { ComponentChildren } from 'preact';

/**
 * The studio's data table: caption, column headers and rows. `actions` names a last column of
 * buttons and links, whose header screen readers hear but sighted users do not need.
 */
export function StudioTable({ caption, columns, actions, children }: { caption: ComponentChildren; columns: string[]; actions?: string; children: ComponentChildren }) {
  return (
    <table class="studio-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
          {actions !== undefined && (
            <th scope="col">
              <span class="visually-hidden">{actions}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
