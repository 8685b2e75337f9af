import type { ComponentChildren } from 'preact';

/** Right after creating a credential (an API client, an app's key): its values, shown this once. */
export function ShownOnce({ notice, values }: { notice: string; values: [label: string, value: string][] }) {
  return (
    <div class="form-notice" role="status">
      <p>{notice}</p>
      <dl>
        {values.map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`} class="secret">{value}</dd>])}
      </dl>
    </div>
  );
}

/** The status cell of a credential: when it was revoked, or "active" with a button that revokes it. */
export function RevokeCell(p: { revokedText: string | null; action: string; csrf: string; fields: Record<string, string>; active: ComponentChildren; revoke: string; name: string }) {
  if (p.revokedText) return <>{p.revokedText}</>;
  return (
    <form method="post" action={p.action} class="inline-form">
      <input type="hidden" name="_csrf" value={p.csrf} />
      {Object.entries(p.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {p.active}
      <button type="submit" class="danger">
        {p.revoke}
        <span class="visually-hidden">: {p.name}</span>
      </button>
    </form>
  );
}
