import { useEffect, useRef, useState } from 'preact/hooks';

/** Puts a map into the box; returns how to take it down. Imports Leaflet itself, so its chunk loads only here. */
export type MountMap = (box: HTMLDivElement, onTilesFailed: () => void) => Promise<() => void>;

/**
 * The frame every map of the web app shares: the server renders an empty box, the map is mounted
 * when it is on screen, and without usable tiles a note says the markers stand on a plain background.
 */
export function LazyMap({ mount, deps, hasTiles, label, noBackground, small = false }: { mount: MountMap; deps: unknown[]; hasTiles: boolean; label: string; noBackground: string; small?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  useEffect(() => {
    let destroy: (() => void) | null = null;
    let gone = false;
    setTilesFailed(false);
    void mount(box.current!, () => setTilesFailed(true)).then((d) => {
      if (gone) d();
      else destroy = d;
    });
    return () => {
      gone = true;
      destroy?.();
    };
  }, deps);
  return (
    <div class="map-block">
      {(!hasTiles || tilesFailed) && (
        <p class="map-note" role="status">
          {noBackground}
        </p>
      )}
      <div ref={box} class={small ? 'map map-small' : 'map'} role="region" aria-label={label} />
    </div>
  );
}
