import type { Catalog } from '../model/catalog.ts';
import type { FileFormat } from './upload-text.ts';

/** A read export: the catalogue it holds and what was left out of it (XZuFi entries without id …). */
export type ParsedFile = { format: FileFormat; catalog: Catalog; warnings: string[] };

/** How many warnings a run keeps; a badly filled export may produce thousands of the same kind. */
export const MAX_WARNINGS = 100;

/** Collects warnings up to MAX_WARNINGS and counts the rest. */
export function warningList() {
  const list: string[] = [];
  let dropped = 0;
  return {
    warn(message: string) {
      if (list.length < MAX_WARNINGS) list.push(message);
      else dropped++;
    },
    done: (): string[] => (dropped ? [...list, `… und ${dropped} weitere Warnungen.`] : list),
  };
}
