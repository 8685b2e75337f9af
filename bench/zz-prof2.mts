import { startPlatform } from '/work/defects-open311/bench/platform-server.ts';
import { sql } from '/work/defects-open311/node_modules/kysely/dist/esm/index.js';
const server = await startPlatform();
const mod = await import('/work/defects-open311/bench/defects-open311.ts');
await mod.runDefectsBench(server, () => {}, { reports: 50000, rounds: 5 });
const t = server.platform.tenants.get('maengel-bench')!;
const db = server.platform.database.forTenant(t.id);
const cols = `r.id, c.code, c.name, c.agency, r.title, r.description, r.status, r.status_notes, r.lat, r.lng, r.address, r.zipcode, r.address_id, r.requested_at, r.updated_at, r.closed_at, r.expected_at`;
const from = `FROM defect_reports r JOIN defect_categories c ON c.id = r.category_id WHERE r.moderation='approved' AND r.public AND r.requested_at >= now() - interval '90 days' AND r.requested_at <= now() ORDER BY r.requested_at DESC, r.id DESC LIMIT 1000`;
const variants: Record<string, string> = {
  idonly: `SELECT r.id ${from}`,
  nophotos: `SELECT ${cols} ${from}`,
  subselect: `SELECT ${cols}, coalesce((SELECT array_agg(p.url ORDER BY p.position) FROM defect_report_photos p WHERE p.report_id = r.id), '{}') AS photos ${from}`,
  json: `SELECT json_agg(x) AS j FROM (SELECT ${cols}, coalesce((SELECT array_agg(p.url ORDER BY p.position) FROM defect_report_photos p WHERE p.report_id = r.id), '{}') AS photos ${from}) x`,
};
for (let k = 0; k < 4; k++) {
  const line: string[] = [];
  for (const [name, q] of Object.entries(variants)) {
    const a = performance.now();
    await sql.raw(q).execute(db);
    line.push(`${name} ${(performance.now() - a).toFixed(1)}`);
  }
  console.log(line.join('  '));
}
await server.close();
