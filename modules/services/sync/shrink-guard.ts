import { sql, type Kysely } from 'kysely';
import type { Source } from '../model/catalog.ts';
import { zufiError } from '../zufi/zufi-error.ts';

/** A catalogue with fewer than this share of the services we hold is not taken without confirmation. */
export const SHRINK_FLOOR = 0.5;
/** Small copies may change a lot in one go (a new area, a young test system). */
const MIN_GUARDED = 20;

/**
 * Refuses a catalogue that suddenly holds far fewer services than the copy: an upstream that
 * answers with a fraction (a half-filled test system, a wrong filter) would otherwise delete
 * most of the directory. A person can confirm a real shrink (requestSync's allowShrink).
 */
export async function refuseSuspiciousShrink(db: Kysely<any>, source: Source, delivered: number): Promise<void> {
  const res = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ozg_services WHERE source = ${source}`.execute(db);
  const held = res.rows[0]?.n ?? 0;
  if (held >= MIN_GUARDED && delivered < held * SHRINK_FLOOR) {
    throw zufiError(
      'shrink',
      `ZuFi lieferte nur ${delivered} Leistungen, der Bestand hat ${held} (weniger als die Hälfte). Zum Schutz vor unvollständigen Daten wurde nichts übernommen; ist der Rückgang echt, den Abgleich im Studio ausdrücklich bestätigen.`,
    );
  }
}
