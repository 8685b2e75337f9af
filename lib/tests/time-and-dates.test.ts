import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { berlinDate, fromBerlinWallClock, railsJsonTimestamp, rubyTimestamp } from '../berlin-time.ts';
import { parseLenientDateTime } from '../lenient-date.ts';
import { compareVersions } from '../semver.ts';

describe('Berlin time formats', () => {
  it('formats timestamps as Ruby Time#to_s in Europe/Berlin, winter and summer', () => {
    assert.equal(rubyTimestamp(new Date('2024-01-15T08:30:00Z')), '2024-01-15 09:30:00 +0100');
    assert.equal(rubyTimestamp(new Date('2024-07-15T08:30:00Z')), '2024-07-15 10:30:00 +0200');
    assert.equal(rubyTimestamp(null), null);
  });

  it('formats timestamps as Rails JSON (ISO 8601 with milliseconds and offset) in Europe/Berlin', () => {
    assert.equal(railsJsonTimestamp(new Date('2024-01-15T08:30:00.042Z')), '2024-01-15T09:30:00.042+01:00');
    assert.equal(railsJsonTimestamp(new Date('2024-07-15T22:30:00Z')), '2024-07-16T00:30:00.000+02:00');
    assert.equal(railsJsonTimestamp(undefined), null);
  });

  it('converts Berlin wall-clock times across daylight-saving changes', () => {
    assert.equal(fromBerlinWallClock(2024, 3, 31, 3, 30).toISOString(), '2024-03-31T01:30:00.000Z');
    assert.equal(fromBerlinWallClock(2024, 10, 27, 12, 0).toISOString(), '2024-10-27T11:00:00.000Z');
    assert.equal(berlinDate(new Date('2024-12-31T23:30:00Z')), '2025-01-01');
  });

  it('parses the lenient date inputs of the mainserver', () => {
    assert.equal(parseLenientDateTime('05.03.2017')?.toISOString(), '2017-03-04T23:00:00.000Z');
    assert.equal(parseLenientDateTime('2022-12-24 12:00:00')?.toISOString(), '2022-12-24T11:00:00.000Z');
    assert.equal(parseLenientDateTime('2022-06-01T12:00:00Z')?.toISOString(), '2022-06-01T12:00:00.000Z');
    assert.equal(parseLenientDateTime('2022-06-01T12:00:00+0200')?.toISOString(), '2022-06-01T10:00:00.000Z');
    assert.equal(parseLenientDateTime('30.02.2024'), null);
    assert.equal(parseLenientDateTime('gestern'), null);
  });

  it('compares app versions numerically', () => {
    assert.ok(compareVersions('4.10.0', '4.9.9') > 0);
    assert.equal(compareVersions('4.2', '4.2.0'), 0);
    assert.ok(compareVersions('3.9', '4') < 0);
  });
});
