import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { assembleSchema } from '../../core/graphql/assemble.ts';
import { allModules } from '../modules.ts';
import { orderModules } from '../../core/registry/registry.ts';

const snapshotFile = new URL('./schema.graphql', import.meta.url);

/**
 * The whole public schema, printed and sorted. Existing apps depend on every name in it, so a
 * rename or removal must fail here. After an intended change: UPDATE_SCHEMA_SNAPSHOT=1 npm test.
 */
describe('GraphQL schema snapshot', () => {
  it('matches server/tests/schema.graphql', () => {
    const printed = printSchema(lexicographicSortSchema(assembleSchema(orderModules(allModules), () => {}))) + '\n';
    if (process.env.UPDATE_SCHEMA_SNAPSHOT) writeFileSync(snapshotFile, printed);
    const expected = readFileSync(snapshotFile, 'utf8');
    assert.equal(printed, expected, 'The schema changed. Additions are fine: review them and update the snapshot (UPDATE_SCHEMA_SNAPSHOT=1 npm test). Renames and removals break existing apps.');
  });
});
