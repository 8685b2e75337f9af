import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../core/errors.ts';
import { calendarDate, clockTime, contentBlocksFrom, fixedDateFrom, geoLocationFrom, mediaContentFrom, openingHoursFrom, pricesFrom, webUrlFrom } from '../parts.ts';

const invalid = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (err: unknown) => err instanceof AppError && err.code === 'VALIDATION' && pattern.test(err.message));

describe('content parts: input normalisation', () => {
  it('reads calendar dates the way importers send them', () => {
    assert.equal(calendarDate('2024-03-05', 'd'), '2024-03-05');
    assert.equal(calendarDate('5.3.2024', 'd'), '2024-03-05');
    assert.equal(calendarDate('2024-03-05 10:00:00', 'd'), '2024-03-05');
    assert.equal(calendarDate('', 'd'), '');
    assert.equal(calendarDate(null, 'd'), '');
    invalid(() => calendarDate('31.02.2024', 'dates[0].dateStart'), /dates\[0\]\.dateStart "31.02.2024" is not a calendar date/);
    invalid(() => calendarDate('next friday', 'd'), /is not a date/);
  });

  it('reads times as HH:MM and keeps empty strings', () => {
    assert.equal(clockTime('9:30', 't'), '09:30');
    assert.equal(clockTime('09:30:00', 't'), '09:30');
    assert.equal(clockTime('2024-01-01 18:15', 't'), '18:15');
    assert.equal(clockTime('19:00 Uhr', 't'), '19:00');
    assert.equal(clockTime(undefined, 't'), '');
    invalid(() => clockTime('25:00', 't'), /not a time/);
  });

  it('shapes a FixedDate as the mainserver outputs it', () => {
    assert.deepEqual(fixedDateFrom({ dateStart: '01.05.2025', timeStart: '10:00', useOnlyTimeDescription: true }), {
      weekday: null,
      dateStart: '2025-05-01',
      dateEnd: '',
      timeStart: '10:00',
      timeEnd: '',
      timeDescription: null,
      useOnlyTimeDescription: 'true',
    });
    invalid(() => fixedDateFrom({ dateStart: '2025-05-02', dateEnd: '2025-05-01' }), /ends \(2025-05-01\) before it starts/);
  });

  it('checks opening hours and prices', () => {
    assert.equal(openingHoursFrom([{ weekday: 'Montag', timeFrom: '8:00', timeTo: '16:00' }])[0].timeFrom, '08:00');
    assert.equal(pricesFrom([{ name: 'Erwachsene', amount: 4.5 }])[0].amount, 4.5);
    invalid(() => pricesFrom([{ amount: -1 }]), /amount must not be negative/);
    invalid(() => pricesFrom([{ ageFrom: 1.5 }]), /ageFrom must be a whole number/);
  });

  it('drops blank URLs and incomplete coordinates, refuses scripts as URLs', () => {
    assert.equal(webUrlFrom({ url: '  ' }), null);
    assert.equal(geoLocationFrom({ latitude: '52.1' }), null);
    assert.deepEqual(geoLocationFrom({ latitude: '52,14', longitude: 12.59 }), { latitude: 52.14, longitude: 12.59 });
    invalid(() => geoLocationFrom({ latitude: 91, longitude: 0 }), /latitude must be a number between -90 and 90/);
    invalid(() => webUrlFrom({ url: 'javascript:alert(1)' }), /must be an http\(s\) URL/);
  });

  it('requires a content type for media and sanitises content block HTML', () => {
    invalid(() => mediaContentFrom({ captionText: 'x' }), /contentType is required/);
    const [block] = contentBlocksFrom([{ body: '<p>ok<img src=x onerror=alert(1)></p>' }], new Date(0));
    assert.equal(block.body, '<p>ok<img src="x" /></p>');
    invalid(() => contentBlocksFrom(Array.from({ length: 201 }, () => ({})), new Date()), /more than 200 entries/);
  });
});
