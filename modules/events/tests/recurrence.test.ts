import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, expandRecurrence, germanWeekday, horizonFrom, weekdayOf } from '../recurrence.ts';

const all = { from: '1900-01-01', until: '2200-12-31' };
const expand = (start: string, end: string | null, rule: { type: 0 | 1 | 2 | 3; interval?: number; weekdays?: number[] }, window = all) =>
  expandRecurrence(start, end, { type: rule.type, interval: rule.interval ?? 1, weekdays: rule.weekdays ?? [] }, window);

describe('recurrence expansion (pure)', () => {
  it('does calendar arithmetic on Berlin days, Monday = 0', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2025-03-01', -1), '2025-02-28');
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
    assert.equal(addMonths('2025-03-15', -3), '2024-12-15');
    assert.equal(weekdayOf('2025-03-31'), 0); // a Monday
    assert.equal(weekdayOf('2025-03-30'), 6); // a Sunday
    assert.equal(germanWeekday('2025-03-29'), 'Samstag');
    assert.equal(horizonFrom('2025-01-15'), '2026-08-15');
  });

  it('daily: every n days from the first day up to the last', () => {
    assert.deepEqual(expand('2025-05-01', '2025-05-05', { type: 0 }), ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05']);
    assert.deepEqual(expand('2025-05-01', '2025-05-10', { type: 0, interval: 3 }), ['2025-05-01', '2025-05-04', '2025-05-07', '2025-05-10']);
    // across a month and a year end
    assert.deepEqual(expand('2025-12-30', '2026-01-02', { type: 0 }), ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it('weekly: on the given weekdays, every n weeks counted from the first week', () => {
    // 2025-06-04 is a Wednesday; Monday (0) and Friday (4)
    assert.deepEqual(expand('2025-06-04', '2025-06-20', { type: 1, weekdays: [4, 0] }), ['2025-06-06', '2025-06-09', '2025-06-13', '2025-06-16', '2025-06-20']);
    // every second week on Wednesday, starting in the first week
    assert.deepEqual(expand('2025-06-04', '2025-07-16', { type: 1, interval: 2, weekdays: [2] }), ['2025-06-04', '2025-06-18', '2025-07-02', '2025-07-16']);
    // weekdays before the first day in its week are skipped, not moved
    assert.deepEqual(expand('2025-06-05', '2025-06-12', { type: 1, weekdays: [0, 3] }), ['2025-06-05', '2025-06-09', '2025-06-12']);
    // the last day bounds the last week too
    assert.deepEqual(expand('2025-06-02', '2025-06-10', { type: 1, weekdays: [0, 6] }), ['2025-06-02', '2025-06-08', '2025-06-09']);
  });

  it('weekly across the summer-time changes keeps the same weekday and time of day', () => {
    // Europe/Berlin switches on Sunday 2025-03-30 and Sunday 2025-10-26: the Sundays stay Sundays.
    assert.deepEqual(expand('2025-03-16', '2025-04-06', { type: 1, weekdays: [6] }), ['2025-03-16', '2025-03-23', '2025-03-30', '2025-04-06']);
    assert.deepEqual(expand('2025-10-19', '2025-11-02', { type: 1, weekdays: [5, 6] }), ['2025-10-19', '2025-10-25', '2025-10-26', '2025-11-01', '2025-11-02']);
    const previousTz = process.env.TZ;
    try {
      for (const tz of ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        assert.deepEqual(expand('2025-10-25', '2025-10-27', { type: 0 }), ['2025-10-25', '2025-10-26', '2025-10-27'], tz);
        assert.deepEqual(expand('2025-03-29', '2025-03-31', { type: 0 }), ['2025-03-29', '2025-03-30', '2025-03-31'], tz);
        assert.equal(weekdayOf('2025-03-30'), 6, tz);
      }
    } finally {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    }
  });

  it('monthly: on the first day\'s day of the month, the last day when a month is shorter', () => {
    assert.deepEqual(expand('2025-01-15', '2025-05-31', { type: 2 }), ['2025-01-15', '2025-02-15', '2025-03-15', '2025-04-15', '2025-05-15']);
    assert.deepEqual(expand('2025-01-31', '2025-05-31', { type: 2 }), ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31']);
    assert.deepEqual(expand('2025-01-10', '2025-12-31', { type: 2, interval: 4 }), ['2025-01-10', '2025-05-10', '2025-09-10']);
  });

  it('yearly: same day every n years; 29 February becomes 28 February', () => {
    assert.deepEqual(expand('2024-06-21', '2027-12-31', { type: 3 }), ['2024-06-21', '2025-06-21', '2026-06-21', '2027-06-21']);
    assert.deepEqual(expand('2024-02-29', '2028-03-01', { type: 3 }), ['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
    assert.deepEqual(expand('2020-09-01', '2030-12-31', { type: 3, interval: 5 }), ['2020-09-01', '2025-09-01', '2030-09-01']);
  });

  it('stops at the window; a window later in time yields exactly the days a longer expansion has there', () => {
    const rules = [
      { type: 0 as const, interval: 3 },
      { type: 1 as const, interval: 2, weekdays: [1, 5] },
      { type: 2 as const, interval: 1 },
      { type: 2 as const, interval: 5 },
      { type: 3 as const, interval: 2 },
    ];
    for (const rule of rules) {
      const full = expand('2021-01-31', null, rule, { from: '2021-01-01', until: '2026-12-31' });
      const late = expand('2021-01-31', null, rule, { from: '2024-03-01', until: '2026-12-31' });
      assert.deepEqual(late, full.filter((d) => d >= '2024-03-01'), JSON.stringify(rule));
      const early = expand('2021-01-31', null, rule, { from: '2021-01-01', until: '2022-06-30' });
      assert.deepEqual(early, full.filter((d) => d <= '2022-06-30'), JSON.stringify(rule));
    }
    // no end date: the window (horizon) bounds it
    const open = expand('2025-01-01', null, { type: 0 }, { from: '2025-01-01', until: horizonFrom('2025-01-01') });
    assert.equal(open.at(-1), '2026-08-01');
    assert.equal(open.length, 578);
    // the end date before the window: nothing
    assert.deepEqual(expand('2020-01-01', '2020-12-31', { type: 0 }, { from: '2025-01-01', until: '2026-01-01' }), []);
  });

  it('refuses rules that cannot be expanded', () => {
    assert.throws(() => expand('2025-01-01', null, { type: 0, interval: 0 }), /interval/);
    assert.throws(() => expand('2025-01-01', null, { type: 0, interval: -2 }), /interval/);
    assert.throws(() => expand('2025-01-01', null, { type: 1, weekdays: [] }), /weekdays/);
    assert.throws(() => expand('2025-01-01', null, { type: 1, weekdays: [7] }), /weekdays/);
    assert.throws(() => expand('2025-01-01', null, { type: 4 as any }), /unknown/);
    // a daily rule over centuries hits the guard instead of filling the database
    assert.throws(() => expand('2025-01-01', null, { type: 0 }, { from: '2025-01-01', until: '2100-01-01' }), /too many/);
  });
});
