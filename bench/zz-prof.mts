import { startPlatform } from '/work/defects-open311/bench/platform-server.ts';
import { listPublicReports } from '/work/defects-open311/modules/defects/reports/public-reports.ts';
import { requestRecord } from '/work/defects-open311/modules/defects/open311/open311-records.ts';
import { jsonOf, xmlList } from '/work/defects-open311/modules/defects/open311/open311-xml.ts';
import { sql } from '/work/defects-open311/node_modules/kysely/dist/esm/index.js';
const server = await startPlatform();
const mod = await import('/work/defects-open311/bench/defects-open311.ts');
// reuse fill via the bench run with tiny rounds
await mod.runDefectsBench(server, () => {}, { reports: 50000, rounds: 5 });
const t = server.platform.tenants.get('maengel-bench')!;
const db = server.platform.database.forTenant(t.id);
const now = new Date();
const f = { from: new Date(now.getTime() - 90 * 86400000), to: now, limit: 1000 };
for (let k = 0; k < 3; k++) {
  let a = performance.now();
  const rows = await listPublicReports(db, f);
  let b = performance.now();
  const recs = rows.map((r) => requestRecord(r, 'http://x', null));
  let c = performance.now();
  const s = JSON.stringify(jsonOf(xmlList('request', recs)));
  let d = performance.now();
  console.log('sql', (b - a).toFixed(1), 'map', (c - b).toFixed(1), 'json', (d - c).toFixed(1), s.length);
}
const plan = await sql.raw(`EXPLAIN ANALYZE SELECT r.id FROM defect_reports r JOIN defect_categories c ON c.id = r.category_id WHERE r.moderation='approved' AND r.public AND r.requested_at >= now() - interval '90 days' AND r.requested_at <= now() AND r.tenant_id=${t.id} ORDER BY r.requested_at DESC, r.id DESC LIMIT 1000`).execute(server.platform.database.system);
console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
await server.close();
