/**
 * Marker clustering on a pixel grid: at a given zoom, markers whose projected positions fall into
 * the same cell of `cell` pixels form one cluster. Linear in the number of markers, which is all a
 * village's map needs (no extra package).
 */
export function gridClusters<T>(points: { item: T; x: number; y: number }[], cell: number): T[][] {
  const cells = new Map<string, T[]>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cell)}:${Math.floor(p.y / cell)}`;
    const group = cells.get(key);
    if (group) group.push(p.item);
    else cells.set(key, [p.item]);
  }
  return [...cells.values()];
}
