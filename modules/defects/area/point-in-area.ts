import { z } from 'zod';

type Ring = [number, number][];
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ring = z.array(position).min(4);

/** The municipality's area as GeoJSON (longitude first, WGS 84). */
export const AreaShape = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
export type AreaShape = z.infer<typeof AreaShape>;

/** Ray casting on one ring (lng/lat treated as plane coordinates: fine at a municipality's scale). */
function inRing(lng: number, lat: number, r: Ring): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i];
    const [xj, yj] = r[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of its holes, for any polygon of the shape. */
export function containsPoint(shape: AreaShape, lat: number, lng: number): boolean {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  return polygons.some(([outer, ...holes]) => inRing(lng, lat, outer as Ring) && !holes.some((h) => inRing(lng, lat, h as Ring)));
}
