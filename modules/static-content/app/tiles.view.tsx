import type { ViewProps } from '../../web-app/client/app-route.ts';
import { TileGrid } from '../../web-app/client/tile-grid.tsx';
import type { TilesData } from './static-pages.ts';

export default function TilesView({ data }: ViewProps<TilesData>) {
  return (
    <section class="page">
      <h1 tabIndex={-1}>{data.title}</h1>
      <TileGrid tiles={data.tiles} />
    </section>
  );
}
