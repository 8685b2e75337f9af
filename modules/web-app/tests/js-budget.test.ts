import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firstScreenJs } from '../server/first-screen-js.ts';
import { WEB_DIST } from '../server/vite-assets.ts';

const SETTINGS = 'modules/web-app/screens/settings.view.tsx';
const PUSH_CONTROLS = 'modules/web-app/screens/push-settings.tsx';
/** Code that only the push controls use (client/web-push.ts). */
const usesPush = (file: string) => readFileSync(path.join(WEB_DIST, file), 'utf8').includes('pushManager');

// npm test builds the web app before the tests run (package.json), so dist/web is this build.
describe('first-screen JavaScript budget (issue 4: at most 100 KB gzipped)', () => {
  it('keeps the home screen within budget and the map library out of it', () => {
    const home = firstScreenJs('modules/web-app/screens/home.view.tsx');
    assert.ok(home.files.length >= 2, `entry and home view expected, got ${home.files.join(', ')}`);
    assert.ok(home.gzipBytes <= 100 * 1024, `home screen JS is ${home.gzipBytes} bytes gzipped`);
    assert.ok(!home.files.some((f) => /leaflet|maplibre/i.test(f)), `map code in the first screen: ${home.files.join(', ')}`);
  });

  it('keeps the push code out of the first screen and the settings chunk: the settings screen loads it when it runs', () => {
    const home = firstScreenJs('modules/web-app/screens/home.view.tsx');
    const settings = firstScreenJs(SETTINGS);
    const push = firstScreenJs(PUSH_CONTROLS);
    assert.deepEqual(home.files.filter(usesPush), []);
    assert.deepEqual(settings.files.filter(usesPush), []);
    assert.equal(push.files.filter(usesPush).length, 1, `push code in one chunk of its own: ${push.files.join(', ')}`);
  });
});
