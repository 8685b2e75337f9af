import { STATUS_PATH } from './api-paths.ts';
import { myReports, updateMine, type MyReport } from './device-store.ts';

/** The status of the device's reports is asked at most this often (as the native app does). */
export const STATUS_INTERVAL_MS = 5 * 60 * 1000;
const CHECKED = 'dp_defects_status_checked';

export const lastStatusCheck = (): number => Number(localStorage.getItem(CHECKED)) || 0;

/**
 * Refreshes the status of the reports filed on this device from GET /api/v1/defects/reports/status,
 * unless that was done less than 5 minutes ago. False when the server could not be asked.
 */
export async function refreshStatuses(now = Date.now()): Promise<boolean> {
  const mine = await myReports();
  if (!mine.length || now - lastStatusCheck() < STATUS_INTERVAL_MS) return true;
  try {
    const res = await fetch(`${STATUS_PATH}?ids=${mine.map((r) => r.id).join(',')}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) return false;
    const list = (await res.json()) as { id: number; status: MyReport['status']; updatedAt: string }[];
    const byId = new Map(list.map((s) => [Number(s.id), s]));
    await updateMine(mine.filter((r) => byId.has(r.id)).map((r) => ({ ...r, status: byId.get(r.id)!.status, updatedAt: byId.get(r.id)!.updatedAt })));
    localStorage.setItem(CHECKED, String(now));
    return true;
  } catch {
    return false;
  }
}
