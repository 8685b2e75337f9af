import { after, before } from 'node:test';
import { startTestPlatform, BB, type TestPlatform } from '../../../test/harness.ts';
import { studioClient } from './studio-client.ts';

export type StudioSuite = { p: TestPlatform; c: ReturnType<typeof studioClient> };

/** Call inside describe(): a seeded platform and a studio client for `host`, ready before the suite's tests. */
export function studioSuite(host = BB): StudioSuite {
  const suite = {} as StudioSuite;
  before(async () => {
    suite.p = await startTestPlatform({ seed: true });
    suite.c = studioClient(suite.p, host);
  });
  after(() => suite.p?.close());
  return suite;
}
