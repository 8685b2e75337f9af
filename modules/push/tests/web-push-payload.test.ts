import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PAYLOAD_BYTES, webPushPayload } from '../web/web-push-payload.ts';

const URL_ = 'https://bad-belzig.de/nachrichten/4711';
const bytes = (s: string) => Buffer.byteLength(s);
/** A UTF-16 string with a lone surrogate does not survive the trip through UTF-8. */
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s;

const germanText =
  'Die Straße der Einheit wird wegen eines Wasserrohrbruchs für voraussichtlich drei Tage gesperrt. 🚧 Anwohnerinnen und Anwohner erreichen ihre Grundstücke über die Brücker Landstraße; ' +
  'die Müllabfuhr fährt am Dienstag früher. Für Rückfragen: Bürgerbüro, Öffnungszeiten Mo–Fr 8–12 Uhr. 👨‍👩‍👧‍👦 Familien mit Kinderwagen bitte den Fußweg auf der Südseite nutzen. 💧 ';

describe('Web Push payload (at most 3993 bytes of UTF-8)', () => {
  it('keeps a message that fits as it is, with only the fields given', () => {
    const json = webPushPayload({ title: 'Straßenfest', body: 'Am Samstag auf dem Marktplatz 🎉', url: URL_, lang: 'de' });
    assert.deepEqual(JSON.parse(json), { title: 'Straßenfest', body: 'Am Samstag auf dem Marktplatz 🎉', url: URL_, lang: 'de' });
  });

  it('shortens a long German body with umlauts and emoji at a character boundary, with an ellipsis, close to the limit', () => {
    const body = germanText.repeat(20);
    const json = webPushPayload({ title: 'Wasserrohrbruch in der Straße der Einheit', body, url: URL_, tag: 'news-4711', icon: 'https://bad-belzig.de/icon-192.png' });
    const m = JSON.parse(json);
    assert.ok(bytes(json) <= MAX_PAYLOAD_BYTES, `${bytes(json)} bytes`);
    assert.ok(bytes(json) > MAX_PAYLOAD_BYTES - 30, `only ${bytes(json)} bytes: shortened more than needed`);
    assert.equal(m.title, 'Wasserrohrbruch in der Straße der Einheit');
    assert.equal(m.tag, 'news-4711');
    assert.ok(m.body.endsWith('…'));
    const kept = m.body.slice(0, -1);
    assert.ok(body.startsWith(kept), 'the body is a start of the original');
    assert.ok(wellFormed(json), 'no split surrogate pair');
  });

  it('never splits an emoji made of several code points (family, flag) or a letter with a combining mark', () => {
    for (const unit of ['👨‍👩‍👧‍👦', '🇩🇪', 'u\u0308', 'ö']) {
      for (const extra of [0, 1, 2, 3]) {
        const body = 'x'.repeat(extra) + unit.repeat(2000);
        const m = JSON.parse(webPushPayload({ title: 'Test', body, url: URL_ }));
        const rest = m.body.slice(extra, -1);
        assert.equal(rest.length % unit.length, 0, `${JSON.stringify(unit)} cut inside after ${extra}`);
        assert.equal(rest, unit.repeat(rest.length / unit.length));
      }
    }
  });

  it('counts JSON escaping: quotes, backslashes and control characters take more bytes than they look', () => {
    const json = webPushPayload({ title: '"Zitat"', body: '\u0001\\"'.repeat(2000), url: URL_ });
    assert.ok(bytes(json) <= MAX_PAYLOAD_BYTES);
    assert.ok(bytes(json) > MAX_PAYLOAD_BYTES - 10);
    assert.ok(JSON.parse(json).body.endsWith('…'));
  });

  it('exactly at the limit nothing is shortened; one byte more and the body is', () => {
    const base = { title: 'T', url: URL_ };
    const overhead = bytes(JSON.stringify({ title: 'T', body: '', url: URL_ }));
    const room = MAX_PAYLOAD_BYTES - overhead;
    const exact = webPushPayload({ ...base, body: 'ä'.repeat(Math.floor(room / 2)) + 'a'.repeat(room % 2) });
    assert.equal(bytes(exact), MAX_PAYLOAD_BYTES);
    assert.ok(!JSON.parse(exact).body.endsWith('…'));
    const over = webPushPayload({ ...base, body: JSON.parse(exact).body + 'b' });
    assert.ok(bytes(over) <= MAX_PAYLOAD_BYTES);
    assert.ok(JSON.parse(over).body.endsWith('…'));
  });

  it('drops the body and shortens the title when the title alone is too long', () => {
    const title = 'Überschrift 🚧 '.repeat(400);
    const m = JSON.parse(webPushPayload({ title, body: 'Text', url: URL_ }));
    assert.equal(m.body, '');
    assert.ok(m.title.endsWith('…'));
    assert.ok(title.startsWith(m.title.slice(0, -1)));
    assert.ok(bytes(JSON.stringify(m)) <= MAX_PAYLOAD_BYTES);
  });

  it('refuses a url that leaves no room for text (a mistake of the caller)', () => {
    assert.throws(() => webPushPayload({ title: 'T', body: 'B', url: `https://bad-belzig.de/${'a'.repeat(4000)}` }), /url/);
  });
});
