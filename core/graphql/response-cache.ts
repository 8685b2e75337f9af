/**
 * Cache of serialized GraphQL responses for published-content reads, per tenant.
 * Invalidation: every write to a tenant-owned table NOTIFYs its tenant id (a trigger, see
 * core/db/tenant-table.ts); each process drops that tenant's entries when it hears it, and the
 * process that wrote drops them right after its commit. A per-tenant generation number keeps a
 * response computed before a write from being stored after the write's invalidation.
 */
type TenantEntries = { generation: number; entries: Map<string, CachedResponse> };
export type CachedResponse = { body: string; storedAt: number };

export class ResponseCache {
  private tenants = new Map<number, TenantEntries>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntriesPerTenant = 1000,
    /** Upper bound on staleness should a notification ever be lost. */
    private readonly ttlMs = 5 * 60_000,
  ) {}

  private slot(tenantId: number): TenantEntries {
    let s = this.tenants.get(tenantId);
    if (!s) {
      s = { generation: 0, entries: new Map() };
      this.tenants.set(tenantId, s);
    }
    return s;
  }

  generation(tenantId: number): number {
    return this.slot(tenantId).generation;
  }

  get(tenantId: number, key: string): string | undefined {
    const s = this.tenants.get(tenantId);
    const hit = s?.entries.get(key);
    if (!hit || Date.now() - hit.storedAt > this.ttlMs) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return hit.body;
  }

  /** Stores only if no invalidation happened since `generation` was read. */
  set(tenantId: number, key: string, body: string, generation: number): void {
    const s = this.slot(tenantId);
    if (s.generation !== generation) return;
    if (s.entries.size >= this.maxEntriesPerTenant) {
      // Oldest first: Map keeps insertion order.
      const oldest = s.entries.keys().next().value;
      if (oldest !== undefined) s.entries.delete(oldest);
    }
    s.entries.set(key, { body, storedAt: Date.now() });
  }

  invalidate(tenantId: number | '*'): void {
    if (tenantId === '*') {
      for (const s of this.tenants.values()) {
        s.generation++;
        s.entries.clear();
      }
      return;
    }
    const s = this.slot(tenantId);
    s.generation++;
    s.entries.clear();
  }

  /** Payload of the content-changed notification: a tenant id or '*'. */
  onNotification(payload: string): void {
    const id = Number(payload);
    this.invalidate(Number.isInteger(id) && payload !== '' ? id : '*');
  }
}
