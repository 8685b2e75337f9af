import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { railsJsonTimestamp, w3cTimestamp } from '../../../lib/berlin-time.ts';
import { jsonText, xmlDocument, xmlList } from '../open311/open311-xml.ts';

describe('Open311 formats', () => {
  it('writes W3C date-times with Berlin’s offset, also across the summer-time changes', () => {
    assert.equal(w3cTimestamp(new Date('2026-03-29T00:59:59.900Z')), '2026-03-29T01:59:59+01:00');
    assert.equal(w3cTimestamp(new Date('2026-03-29T01:00:00Z')), '2026-03-29T03:00:00+02:00');
    assert.equal(w3cTimestamp(new Date('2026-10-25T00:30:00Z')), '2026-10-25T02:30:00+02:00');
    assert.equal(w3cTimestamp(new Date('2026-10-25T01:30:00Z')), '2026-10-25T02:30:00+01:00');
    assert.equal(w3cTimestamp(null), null);
    // The per-hour offset cache agrees with the exact formatting for a spread of instants.
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2031, 0, 1); t += 7_777_777_777 / 97) {
      const d = new Date(Math.floor(t));
      assert.equal(w3cTimestamp(d), railsJsonTimestamp(d)!.replace(/\.\d{3}(?=[+-])/, ''));
    }
  });

  it('escapes XML, drops characters XML cannot carry and maps lists to JSON arrays', () => {
    const items = [{ description: 'a & b <c> "d" \'e\' \u0001f', media_urls: xmlList('media_url', ['x', 'y']), expected_datetime: null }];
    assert.equal(
      xmlDocument('service_requests', 'request', items),
      '<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request><description>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; f</description><media_urls><media_url>x</media_url><media_url>y</media_url></media_urls><expected_datetime/></request></service_requests>\n',
    );
    assert.deepEqual(JSON.parse(jsonText(xmlList('request', items))), [{ description: 'a & b <c> "d" \'e\' \u0001f', media_urls: ['x', 'y'], expected_datetime: null }]);
  });
});
