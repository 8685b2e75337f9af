import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB } from '../../../test/harness.ts';
import { assertNoAxeViolations } from '../../../test/browser.ts';
import { studioPage } from './studio-browser.ts';

describe('category order by drag and drop, in Chromium', () => {
  const s = browserSuite();

  /** Names of one level's categories, in the page's order. */
  const level = (page: Page, parent: number) => page.locator(`ol[data-parent="${parent}"] > li > .category-name`).allTextContents();

  it('an editor drags a category above its sibling with the mouse; the order is saved, announced and accessible', async () => {
    const parent = await s.p.database.system
      .selectFrom('categories as c')
      .innerJoin('tenants as t', 't.id', 'c.tenant_id')
      .select('c.parent_id as id')
      .where('t.slug', '=', 'bad-belzig')
      .where('c.parent_id', 'is not', null)
      .groupBy('c.parent_id')
      .having((eb) => eb.fn.countAll(), '>=', 2)
      .orderBy('c.parent_id')
      .executeTakeFirstOrThrow();
    const { context, page } = await studioPage(s, BB, 'editor@bad-belzig.demo', 'demo-studio-editor');
    await page.goto(s.url(BB, '/studio/kategorien'));
    const before = await level(page, parent.id);
    assert.ok(before.length >= 2);
    await assertNoAxeViolations(page);

    const [first, second] = [before[0]!, before[1]!];
    const item = (name: string) => page.locator(`ol[data-parent="${parent.id}"] > li`, { has: page.locator(':scope > .category-name', { hasText: name }) });
    const handle = item(second).locator(':scope > .drag-handle');
    const target = (await item(first).locator(':scope > .category-name').boundingBox())!;
    await handle.hover();
    await page.mouse.down();
    await page.mouse.move(target.x + 10, target.y + 2, { steps: 12 });
    await page.mouse.up();

    await page.getByRole('status').filter({ hasText: `„${second}“ steht jetzt an Position 1 von ${before.length}.` }).waitFor();
    assert.deepEqual((await level(page, parent.id)).slice(0, 2), [second, first]);
    // The ↑/↓ buttons follow: the new first one cannot go further up.
    assert.equal(await item(second).locator(':scope > .category-actions button[data-dir="up"]').isDisabled(), true);
    assert.equal(await item(first).locator(':scope > .category-actions button[data-dir="up"]').isDisabled(), false);
    await assertNoAxeViolations(page);

    await page.reload();
    assert.deepEqual(await level(page, parent.id), [second, first, ...before.slice(2)]);
    await context.close();
  });
});
