import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { Icon } from '../../web-app/client/icons.tsx';
import type { LifeSituationTile } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';

/** Life situations as tiles: each one link with its name and how many services it holds. */
export function SituationTiles({ tiles }: { tiles: LifeSituationTile[] }) {
  const t = useTexts(servicesTexts);
  return (
    <ul class="situation-tiles">
      {tiles.map((s) => (
        <li key={s.id}>
          <a class="situation-tile" href={`/rathaus/lebenslagen/${encodeURIComponent(s.id)}`}>
            <Icon name="id" size={28} />
            <span class="situation-name">{s.name}</span>
            {s.servicesCount > 0 && <span class="situation-count">{s.servicesCount === 1 ? t.servicesCountOne : fillText(t.servicesCount, { n: s.servicesCount })}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
