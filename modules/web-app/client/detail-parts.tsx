/** Pieces every detail page has: its categories as links to the filtered list, and who published it. */
export function LinkChips({ label, links }: { label: string; links: { href: string; text: string }[] }) {
  if (!links.length) return null;
  return (
    <ul class="chips" aria-label={label}>
      {links.map((l) => (
        <li key={l.href}>
          <a href={l.href}>{l.text}</a>
        </li>
      ))}
    </ul>
  );
}

/** "Herausgeber: …" with the provider's logo (decorative: the name is written next to it). */
export function ProviderNote({ label, provider }: { label: string; provider: { name: string; logo: string | null } | null }) {
  if (!provider) return null;
  return (
    <p class="provider-note">
      {provider.logo && <img src={provider.logo} alt="" width={48} height={48} loading="lazy" />}
      <span>
        {label}: {provider.name}
      </span>
    </p>
  );
}
