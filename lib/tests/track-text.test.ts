import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrackText, trackLengthKm, trackLines } from '../track-text.ts';
import { trackProblemText } from '../../modules/studio/content/track-texts.ts';

const points = (text: string, max = 100) => {
  const r = parseTrackText(text, max);
  assert.ok(r.ok, JSON.stringify(r));
  return r.points.map((p) => [p.latitude, p.longitude]);
};
const problem = (text: string, max = 100) => {
  const r = parseTrackText(text, max);
  assert.ok(!r.ok, 'refused');
  return r.problem;
};

const GPX_11 = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a route planner -->
<gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <metadata><name>Runde &amp; Rast</name></metadata>
  <wpt lat="1" lon="1"><name>not part of the track</name></wpt>
  <trk><name><![CDATA[Burg <Eisenhardt>]]></name>
    <trkseg>
      <trkpt lat="52.1414" lon="12.5913"><ele>80.5</ele><time>2024-05-01T10:00:00Z</time></trkpt>
      <trkpt lon='12.5891' lat='52.1421'><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
    </trkseg>
    <trkseg><trkpt lat="52.1399" lon="12.5862"/></trkseg>
  </trk>
</gpx>`;

describe('track text: coordinate lines and GPX', () => {
  it('reads one pair per line in the usual separators, skipping blank lines', () => {
    assert.deepEqual(points('52.1414, 12.5913\n\n52.1421 12.5891\r\n 52.1399;12.5862 \n52,1404; 12,5881\n-33.9\t151.2'), [
      [52.1414, 12.5913],
      [52.1421, 12.5891],
      [52.1399, 12.5862],
      [52.1404, 12.5881],
      [-33.9, 151.2],
    ]);
    assert.deepEqual(points('   '), []);
  });

  it('names the line that is wrong and checks the ranges', () => {
    assert.deepEqual(problem('52.1, 12.5\n52.1 / 12.5'), { code: 'badLine', line: 2, value: '52.1 / 12.5' });
    assert.deepEqual(problem('52.1, 12.5\n\n91, 12'), { code: 'latitudeRange', line: 3, value: '91' });
    assert.deepEqual(problem('52.1, -180.5'), { code: 'longitudeRange', line: 1, value: '-180.5' });
    assert.deepEqual(problem('1, 1\n2, 2\n3, 3', 2), { code: 'tooManyPoints' });
  });

  it('reads GPX 1.1 track points across segments, with namespaces, comments, CDATA and extensions, ignoring waypoints', () => {
    assert.deepEqual(points(GPX_11), [
      [52.1414, 12.5913],
      [52.1421, 12.5891],
      [52.1399, 12.5862],
    ]);
  });

  it('reads route points when there is no track, and prefixed elements (GPX 1.0 with a namespace prefix)', () => {
    const route = `\uFEFF<gpx:gpx xmlns:gpx="http://www.topografix.com/GPX/1/0"><gpx:rte><gpx:rtept lat="52.2" lon="12.6"></gpx:rtept><gpx:rtept lat="+52.3" lon="1.26e1"/></gpx:rte></gpx:gpx>`;
    assert.deepEqual(points(route), [
      [52.2, 12.6],
      [52.3, 12.6],
    ]);
    const both = `<gpx><rte><rtept lat="1" lon="1"/></rte><trk><trkseg><trkpt lat="2" lon="2"/></trkseg></trk></gpx>`;
    assert.deepEqual(points(both), [[2, 2]], 'the recorded track wins over the planned route');
  });

  it('refuses GPX without points, broken or truncated files, DOCTYPEs and other XML, with the line', () => {
    assert.deepEqual(problem('<gpx version="1.1"><metadata/><wpt lat="1" lon="2"/></gpx>'), { code: 'noPoints' });
    assert.deepEqual(problem('<gpx>\n<trk><trkseg>\n<trkpt lat="52.1" lon="12.5"/>\n<trkpt lat="52.2" lon="12.6">'), { code: 'unclosed', line: 4, value: 'trkpt' });
    assert.deepEqual(problem('<gpx>\n<trk>\n</trkseg></trk></gpx>'), { code: 'malformed', line: 3, value: undefined });
    assert.deepEqual(problem('<gpx>\n<trk><trkpt lat=52.1 lon="1"/></trk></gpx>'), { code: 'malformed', line: 2, value: undefined });
    assert.deepEqual(problem('<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<gpx><trk><trkseg><trkpt lat="1" lon="&x;"/></trkseg></trk></gpx>'), { code: 'doctype', line: 2, value: undefined });
    assert.deepEqual(problem('<kml><Placemark/></kml>'), { code: 'notGpx', line: 1, value: undefined });
    assert.deepEqual(problem('<gpx><trk><trkseg>\n<trkpt lat="1" lon="2"/>\n<trkpt lat="1"/></trkseg></trk></gpx>'), { code: 'missingCoordinate', line: 3, point: 2 });
    assert.deepEqual(problem('<gpx><trk><trkseg>\n<trkpt lat="1" lon="2"/>\n<trkpt lat="1" lon="zwölf"/></trkseg></trk></gpx>'), { code: 'badNumber', line: 3, point: 2, value: 'zwölf' });
    assert.deepEqual(problem('<gpx><trk><trkseg><trkpt lat="95" lon="2"/></trkseg></trk></gpx>'), { code: 'latitudeRange', line: 1, point: 1, value: '95' });
    assert.deepEqual(problem(`<gpx><trk><trkseg>${'<trkpt lat="1" lon="2"/>'.repeat(3)}</trkseg></trk></gpx>`, 2), { code: 'tooManyPoints' });
  });

  it('says in German (and English) what is wrong and where', () => {
    assert.equal(trackProblemText({ code: 'badNumber', line: 3, point: 2, value: 'zwölf' }, 'Track', 20_000, 'de'), '„Track“, Zeile 3, Punkt 2: „zwölf“ ist keine Zahl.');
    assert.equal(trackProblemText({ code: 'tooManyPoints' }, 'Track', 20_000, 'de'), '„Track“ hat mehr als 20.000 Punkte. Bitte verwenden Sie einen vereinfachten Track.');
    assert.equal(trackProblemText({ code: 'latitudeRange', line: 4, value: '91' }, 'Track', 20_000, 'en'), '“Track”, line 4: the latitude 91 is not between -90 and 90.');
  });

  it('writes points back as lines without losing precision, and measures the length', () => {
    const track = [
      { latitude: 52.123456789, longitude: 12.5 },
      { latitude: 52.133456789, longitude: 12.5 },
    ];
    assert.deepEqual(parseTrackText(trackLines(track), 10), { ok: true, points: track });
    // 0.01° of latitude is 1.112 km on the mean earth radius.
    assert.ok(Math.abs(trackLengthKm(track) - 1.112) < 0.001, String(trackLengthKm(track)));
    assert.equal(trackLengthKm(track.slice(0, 1)), 0);
  });
});
