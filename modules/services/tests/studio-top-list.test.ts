import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planTopMove, type TopMove } from '../studio/top-list.ts';

/** The list after the moves, as "place:id" in order. */
function after(places: Record<number, number>, moves: TopMove[] | null): string[] | null {
  if (!moves) return null;
  const byId = new Map(Object.entries(places).map(([place, id]) => [id, Number(place)]));
  for (const m of moves) byId.set(m.id, m.to!);
  return [...byId].sort((a, b) => a[1] - b[1]).map(([id, place]) => `${place}:${id}`);
}
const plan = (places: Record<number, number>, id: number, to: number) => after(places, planTopMove(new Map(Object.entries(places).map(([k, v]) => [Number(k), v])), id, to));

describe('top list places (planTopMove)', () => {
  it('puts a service on a free place without moving others', () => {
    assert.deepEqual(plan({ 1: 10, 3: 30 }, 20, 2), ['1:10', '2:20', '3:30']);
    assert.deepEqual(plan({}, 20, 10), ['10:20']);
  });

  it('pushes the services from an occupied place down to the next free place', () => {
    assert.deepEqual(plan({ 1: 10, 2: 20, 4: 40 }, 50, 1), ['1:50', '2:10', '3:20', '4:40']);
  });

  it('pushes them up to the nearest free place when none is free below', () => {
    const places = { 1: 1, 2: 2, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10 };
    assert.deepEqual(plan(places, 99, 5), ['1:1', '2:2', '3:4', '4:5', '5:99', '6:6', '7:7', '8:8', '9:9', '10:10']);
  });

  it('moves a service within the list: those between move one step towards its old place', () => {
    assert.deepEqual(plan({ 1: 10, 2: 20, 3: 30, 4: 40 }, 40, 1), ['1:40', '2:10', '3:20', '4:30']);
    assert.deepEqual(plan({ 1: 10, 2: 20, 3: 30, 4: 40 }, 10, 3), ['1:20', '2:30', '3:10', '4:40']);
    // With a gap on the way only those up to the gap move.
    assert.deepEqual(plan({ 1: 10, 2: 20, 4: 40, 5: 50 }, 50, 1), ['1:50', '2:10', '3:20', '4:40']);
  });

  it('changes nothing for the same place and refuses a new service on a full list', () => {
    assert.deepEqual(planTopMove(new Map([[3, 30]]), 30, 3), []);
    const full = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, i + 1]));
    assert.equal(plan(full, 99, 4), null);
    assert.deepEqual(plan(full, 10, 1), ['1:10', '2:1', '3:2', '4:3', '5:4', '6:5', '7:6', '8:7', '9:8', '10:9'], 'a move works on a full list');
  });
});
