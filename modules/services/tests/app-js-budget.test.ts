import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firstScreenJs } from '../../web-app/server/first-screen-js.ts';
import { WEB_DIST } from '../../web-app/server/vite-assets.ts';

/** Code only the suggestions use (the GraphQL field they ask for). */
const suggests = (file: string) => readFileSync(path.join(WEB_DIST, file), 'utf8').includes('administrativeServiceSuggestions');

// Needs the built app (npm test builds first).
describe('citizen app: the Rathaus section’s JavaScript', () => {
  it('keeps the suggestions out of the first screen and other screens: they come with the section’s own chunks', () => {
    const home = firstScreenJs('modules/web-app/screens/home.view.tsx');
    assert.deepEqual(home.files.filter(suggests), []);
    assert.deepEqual(firstScreenJs('modules/search/app/search.view.tsx').files.filter(suggests), []);
    const rathaus = firstScreenJs('modules/services/app/services-home.view.tsx');
    const search = firstScreenJs('modules/services/app/services-search.view.tsx');
    assert.equal(rathaus.files.filter(suggests).length, 1, rathaus.files.join(', '));
    assert.deepEqual(search.files.filter(suggests), rathaus.files.filter(suggests), 'one chunk shared by both screens');
    assert.ok(!rathaus.files.some((f) => /leaflet/i.test(f)), 'no map code on the overview');
    assert.ok(rathaus.gzipBytes <= 100 * 1024, `the overview's first-screen JS is ${rathaus.gzipBytes} bytes gzipped`);
  });
});
