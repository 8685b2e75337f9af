/** What a map shows, prepared by a server loader from the tenant's mapSettings (see map-spec.load.ts). */
export type MapMarker = {
  id: string;
  lat: number;
  lng: number;
  title: string;
  /** Where the marker's preview links to (a detail page or an anchor on this page). */
  href: string | null;
  /** Short text on the marker itself, e.g. a tour stop's number. */
  label?: string;
};

export type MapSpec = {
  markers: MapMarker[];
  /** A tour's track as [latitude, longitude] points. */
  track: [number, number][] | null;
  /** Raster tile URL template (https only); null when the tenant has none the web app can use. */
  tileUrl: string | null;
  attribution: string | null;
  center: [number, number];
  zoom: number;
  minZoom: number;
  maxZoom: number;
  /** Zoom for a map with a single marker. */
  singleZoom: number;
  /** Markers closer than this many pixels are drawn as one cluster; 0 turns clustering off. */
  clusterRadius: number;
  colors: { marker: string; markerText: string; selected: string; selectedText: string; cluster: string; clusterText: string };
};
