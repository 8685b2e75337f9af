import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, foldLine, serializeIcs, icsUtc, icsLocalDateTime } from '../app/ical.ts';
import { eventIcs } from '../app/event-ics.ts';
import { htmlToText } from '../../web-app/server/rich-text.ts';
import { parseIcs, physicalLines, unescapeText, prop } from './ics-parse.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar writer (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and every kind of line break; drops control characters', () => {
    assert.equal(escapeText('a\\b;c,d'), 'a\\\\b\\;c\\,d');
    assert.equal(escapeText('one\r\ntwo\nthree\rfour'), 'one\\ntwo\\nthree\\nfour');
    assert.equal(escapeText('tab\there\u0000\u001f\u007f'), 'tab\there');
    assert.equal(escapeText('\\n is not a newline'), '\\\\n is not a newline');
    for (const s of ['a\\b;c,d', 'x\ny', 'ends with \\', ';,;,', 'Straße, 5; Bad Belzig\\Nord']) assert.equal(unescapeText(escapeText(s)), s);
  });

  it('folds at 75 octets, continuation lines starting with a space, never splitting a character', () => {
    assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
    const folded = foldLine('x'.repeat(76));
    assert.deepEqual(folded.split('\r\n'), ['x'.repeat(75), ' x']);
    // Two-, three- and four-octet characters across the boundary.
    for (const ch of ['ä', '€', '😀']) {
      const line = `DESCRIPTION:${ch.repeat(60)}`;
      const parts = foldLine(line).split('\r\n');
      for (const p of parts) assert.ok(octets(p) <= 75, `${octets(p)} octets: ${p}`);
      assert.ok(parts.length > 1);
      assert.ok(parts.slice(1).every((p) => p.startsWith(' ')));
      assert.equal(parts.map((p, i) => (i ? p.slice(1) : p)).join(''), line, 'unfolding gives the line back');
      assert.ok(!parts.join('').includes('\ufffd'));
    }
    // The first line uses the full 75 octets: 74 ASCII + "ä" would be 76, so "ä" moves on.
    assert.deepEqual(foldLine(`${'x'.repeat(74)}ä`).split('\r\n'), ['x'.repeat(74), ' ä']);
  });

  it('serialises components with CRLF after every line, including the last', () => {
    const text = serializeIcs({ name: 'VCALENDAR', properties: [{ name: 'VERSION', value: '2.0' }], components: [{ name: 'VEVENT', properties: [{ name: 'SUMMARY', value: 'x', params: { LANGUAGE: 'de', X: 'a:b' } }] }] });
    assert.equal(text, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY;LANGUAGE=de;X="a:b":x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    assert.equal(icsUtc(new Date('2026-03-29T00:59:59.123Z')), '20260329T005959Z');
    assert.equal(icsLocalDateTime('2026-12-05', '19:30'), '20261205T193000');
  });

  it('turns sanitised HTML into plain text with paragraphs and list items', () => {
    assert.equal(htmlToText('<p>Eins &amp; zwei</p><p>Drei<br/>vier</p><ul><li>a</li><li>b &lt;c&gt;</li></ul>'), 'Eins & zwei\n\nDrei\nvier\n\n- a\n- b <c>');
    assert.equal(htmlToText('<p>&#8222;Zitat&#x201C; &nbsp; x</p>'), '„Zitat“ x');
  });

  const event = {
    id: '42',
    title: 'Konzert; Chor, Orgel \\ Pauke',
    updatedAt: '2026-11-20 14:05:09 +0100',
    description: '<p>Ein langer Text über das Konzert, der mehr als fünfundsiebzig Oktette hat und daher gefaltet werden muss: Bach, Händel; Mendelssohn.</p><p>Zweiter Absatz</p>',
    location: { name: 'Marienkirche', geoLocation: null },
    addresses: [{ street: 'Kirchplatz 1', zip: '14806', city: 'Bad Belzig', geoLocation: { latitude: 52.14, longitude: 12.59 } }],
    categories: [{ name: 'Konzerte & Musik' }, { name: 'Kirche, Kultur' }],
    dates: [
      { dateStart: '2026-12-05', dateEnd: '2026-12-05', timeStart: '19:30', timeEnd: '21:00', timeDescription: '', useOnlyTimeDescription: 'false' },
      { dateStart: '2026-12-05', dateEnd: '2026-12-05', timeStart: '22:00', timeEnd: '01:00', timeDescription: 'Nachtkonzert', useOnlyTimeDescription: 'false' },
      { dateStart: '2026-12-24', dateEnd: '2026-12-26', timeStart: '', timeEnd: '', timeDescription: 'über die Feiertage', useOnlyTimeDescription: 'true' },
      { dateStart: '2026-12-31', dateEnd: '', timeStart: '10:00', timeEnd: '', timeDescription: 'Mo–Fr', useOnlyTimeDescription: 'true' },
      { dateStart: '', dateEnd: '', timeStart: '', timeEnd: '' },
    ],
  };

  it('writes one VEVENT per date with stable UIDs, Berlin times, all-day dates and escaped text', () => {
    const text = eventIcs(event, { origin: 'https://bad-belzig.example', host: 'bad-belzig.example', now: new Date('2030-01-01T00:00:00Z') });
    physicalLines(text); // CRLF only, ≤ 75 octets
    assert.ok(text.split('\r\n').some((l) => l.startsWith(' ')), 'the long description is folded');
    const cal = parseIcs(text);
    assert.equal(cal.name, 'VCALENDAR');
    assert.equal(prop(cal, 'VERSION')?.value, '2.0');
    assert.equal(cal.properties.filter((p) => p.name === 'PRODID').length, 1);
    const tz = cal.components.find((c) => c.name === 'VTIMEZONE')!;
    assert.equal(prop(tz, 'TZID')?.value, 'Europe/Berlin');
    assert.deepEqual(tz.components.map((c) => c.name).sort(), ['DAYLIGHT', 'STANDARD']);
    const events = cal.components.filter((c) => c.name === 'VEVENT');
    assert.equal(events.length, 4, 'the date without a day is left out');
    assert.deepEqual(
      events.map((e) => prop(e, 'UID')?.value),
      ['event-42-2026-12-05@bad-belzig.example', 'event-42-2026-12-05-2@bad-belzig.example', 'event-42-2026-12-24@bad-belzig.example', 'event-42-2026-12-31@bad-belzig.example'],
    );
    for (const e of events) {
      assert.equal(prop(e, 'DTSTAMP')?.value, '20261120T130509Z', 'DTSTAMP: last change, in UTC');
      assert.equal(unescapeText(prop(e, 'SUMMARY')!.value), event.title);
      assert.equal(prop(e, 'URL')?.value, 'https://bad-belzig.example/veranstaltungen/42');
      assert.equal(unescapeText(prop(e, 'LOCATION')!.value), 'Marienkirche, Kirchplatz 1, 14806 Bad Belzig');
      assert.equal(prop(e, 'GEO')?.value, '52.14;12.59');
      assert.equal(prop(e, 'CATEGORIES')?.value, 'Konzerte & Musik,Kirche\\, Kultur');
    }
    const [evening, night, holidays, wordsOnly] = events as [any, any, any, any];
    assert.deepEqual(prop(evening, 'DTSTART'), { name: 'DTSTART', params: { TZID: 'Europe/Berlin' }, value: '20261205T193000' });
    assert.equal(prop(evening, 'DTEND')?.value, '20261205T210000');
    assert.equal(prop(night, 'DTEND')?.value, '20261206T010000', 'an end before the start is the next day');
    assert.deepEqual(prop(holidays, 'DTSTART'), { name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20261224' });
    assert.equal(prop(holidays, 'DTEND')?.value, '20261227', 'DTEND of an all-day date is exclusive');
    assert.equal(prop(wordsOnly, 'DTSTART')?.params.VALUE, 'DATE', 'a date described only in words is all-day');
    const description = unescapeText(prop(evening, 'DESCRIPTION')!.value);
    assert.equal(description, 'Ein langer Text über das Konzert, der mehr als fünfundsiebzig Oktette hat und daher gefaltet werden muss: Bach, Händel; Mendelssohn.\n\nZweiter Absatz\n\nhttps://bad-belzig.example/veranstaltungen/42');
    assert.match(unescapeText(prop(holidays, 'DESCRIPTION')!.value), /^über die Feiertage\n\n/);
  });

  it('leaves out the time zone when no date has a time, and DTSTAMP falls back to now', () => {
    const text = eventIcs({ id: '7', title: 'Markt', dates: [{ dateStart: '2026-12-01', dateEnd: '2026-12-01', timeStart: '', timeEnd: '' }] }, { origin: 'http://x', host: 'x', now: new Date('2026-11-21T10:00:00Z') });
    const cal = parseIcs(text);
    assert.equal(cal.components.filter((c) => c.name === 'VTIMEZONE').length, 0);
    const e = cal.components[0]!;
    assert.equal(prop(e, 'DTSTAMP')?.value, '20261121T100000Z');
    assert.equal(prop(e, 'LOCATION'), undefined);
  });
});
