/** Links to the previous and next page of a list (plain links: they work without JavaScript). */
export function Pager({ label, status, prev, next }: { label: string; status?: string; prev?: { href: string; label: string } | null; next?: { href: string; label: string } | null }) {
  if (!prev && !next) return null;
  return (
    <nav class="pager" aria-label={label}>
      {prev && (
        <a href={prev.href} rel="prev">
          ← {prev.label}
        </a>
      )}
      {status && <span class="pager-status">{status}</span>}
      {next && (
        <a href={next.href} rel="next">
          {next.label} →
        </a>
      )}
    </nav>
  );
}
