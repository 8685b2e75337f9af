import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firstScreenJs } from '../../web-app/server/first-screen-js.ts';
import { WEB_DIST } from '../../web-app/server/vite-assets.ts';

const has = (text: string) => (file: string) => readFileSync(path.join(WEB_DIST, file), 'utf8').includes(text);
/** Code only the wizard has (its sending queue's IndexedDB store) and only the map chunk has (Leaflet's map factory). */
const wizardCode = has('dp-defects-send');
const leaflet = (file: string) => /leaflet/i.test(file) || has('leaflet-container')(file);

// Needs the built app (npm test builds first).
describe('citizen app: the Mängelmelder’s JavaScript', () => {
  it('keeps the wizard and the map out of the first screen: each comes with its own lazy chunk', () => {
    const home = firstScreenJs('modules/web-app/screens/home.view.tsx');
    assert.deepEqual(home.files.filter(wizardCode), [], 'no wizard code on the home screen');
    assert.ok(!home.files.some(leaflet), 'no map code on the home screen');
    const start = firstScreenJs('modules/defects/app/defects-home.view.tsx');
    assert.ok(!start.files.some(leaflet), `the start screen loads the map only when it mounts: ${start.files.join(', ')}`);
    assert.deepEqual(start.files.filter(wizardCode), [], 'no wizard code on the start screen');
    assert.ok(start.gzipBytes <= 100 * 1024, `the start screen's first JS is ${start.gzipBytes} bytes gzipped`);
    const wizard = firstScreenJs('modules/defects/app/defects-wizard.view.tsx');
    assert.ok(wizard.files.some(wizardCode), 'the wizard brings its queue');
    assert.ok(!wizard.files.some(leaflet), 'the wizard loads the map chunk only on the place step');
    assert.ok(wizard.gzipBytes <= 100 * 1024, `the wizard's first JS is ${wizard.gzipBytes} bytes gzipped`);
    const map = firstScreenJs('modules/defects/app/defects-map.ts');
    assert.ok(map.files.some(leaflet), 'the map chunk carries Leaflet');
  });
});
