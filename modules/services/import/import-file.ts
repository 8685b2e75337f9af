import type { Kysely } from 'kysely';
import { toAppError } from '../../../core/errors.ts';
import { applyCatalog, type ApplyCounts } from '../store/apply-catalog.ts';
import { finishImportRun, startImportRun, WARNING_PREFIX, type ImportTrigger, type LogLine } from './import-run.ts';
import { parseJsonExport } from './json-format.ts';
import type { ParsedFile } from './parsed-file.ts';
import { readUploadText, type FileFormat } from './upload-text.ts';
import { parseXzufiExport } from './xzufi-format.ts';

export type ImportOutcome = { runId: number; format: FileFormat; counts: ApplyCounts; warnings: string[] };

const FORMAT_NAMES: Record<FileFormat, string> = { json: 'Dorfplatz-JSON', xml: 'XZuFi-XML' };

/**
 * Imports an export file into the tenant's "file" source (db bound to the tenant): detects JSON
 * or XML by content, reads it, and replaces the source's rows with it (store/apply-catalog.ts) —
 * all or nothing. Every attempt is recorded as a run with its log and warnings; a file that
 * cannot be read or applied changes nothing in the catalogue (the last good copy stays), is
 * recorded as a failed run, and is thrown as an AppError with a German message (400, 413, 415, 422).
 */
export async function importCatalogFile(db: Kysely<any>, input: { fileName: string; bytes: Uint8Array; trigger: ImportTrigger }): Promise<ImportOutcome> {
  const runId = await startImportRun(db, input.trigger);
  const log: LogLine[] = [];
  const note = (message: string) => void log.push({ at: new Date().toISOString(), message });
  note(`Datei „${input.fileName}“ (${Math.ceil(input.bytes.length / 1024)} KB) empfangen.`);
  try {
    const { format, text } = readUploadText(input.fileName, input.bytes);
    const parsed: ParsedFile = format === 'json' ? parseJsonExport(text) : parseXzufiExport(text);
    const c = parsed.catalog;
    note(`Als ${FORMAT_NAMES[format]} gelesen: ${c.services.length} Leistungen, ${c.categories.length} Lebenslagen, ${c.authorities.length} Behörden, ${c.responsibilities.length} Zuständigkeiten.`);
    const apply = async (trx: Kysely<any>): Promise<ImportOutcome> => {
      const counts = await applyCatalog(trx, 'file', c, { onProgress: note });
      const warnings = [...parsed.warnings, ...counts.warnings];
      for (const w of warnings) note(WARNING_PREFIX + w);
      const { warnings: _, ...runCounts } = counts;
      await finishImportRun(trx, runId, { counts: runCounts, log });
      return { runId, format, counts, warnings };
    };
    return await (db.isTransaction ? apply(db) : db.transaction().execute(apply));
  } catch (err) {
    const known = toAppError(err);
    const error = known && known.httpStatus < 500 ? known.message : 'Der Import ist an einem internen Fehler gescheitert.';
    note(`Abgebrochen: ${error}`);
    await finishImportRun(db, runId, { log, error });
    throw known && known.httpStatus < 500 ? known : err;
  }
}
