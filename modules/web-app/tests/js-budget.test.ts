import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstScreenJs } from '../server/first-screen-js.ts';

// npm test builds the web app before the tests run (package.json), so dist/web is this build.
describe('first-screen JavaScript budget (issue 4: at most 100 KB gzipped)', () => {
  it('keeps the home screen within budget and the map library out of it', () => {
    const home = firstScreenJs('modules/web-app/screens/home.view.tsx');
    assert.ok(home.files.length >= 2, `entry and home view expected, got ${home.files.join(', ')}`);
    assert.ok(home.gzipBytes <= 100 * 1024, `home screen JS is ${home.gzipBytes} bytes gzipped`);
    assert.ok(!home.files.some((f) => /leaflet|maplibre/i.test(f)), `map code in the first screen: ${home.files.join(', ')}`);
  });
});
