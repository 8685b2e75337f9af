/** The link back from a page of the section (below its forms, as the studio's record pages have it). */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <ul class="record-actions">
      <li>
        <a href={href}>{label}</a>
      </li>
    </ul>
  );
}
