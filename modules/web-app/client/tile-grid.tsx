import type { NavLink } from './app-config.ts';
import { Icon } from './icons.tsx';

/** Service tiles: icon and title, each one link (external links open a new tab and say so by icon). */
export function TileGrid({ tiles }: { tiles: NavLink[] }) {
  return (
    <ul class="tiles">
      {tiles.map((tile) => (
        <li key={tile.href + tile.label}>
          <a href={tile.href} class="tile" {...(tile.external ? { target: '_blank', rel: 'noopener' } : {})} title={tile.description}>
            <Icon name={tile.external ? 'external' : tile.icon} size={32} />
            <span>{tile.label}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
