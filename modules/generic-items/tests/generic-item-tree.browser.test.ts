import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB } from '../../../test/harness.ts';
import { assertNoAxeViolations } from '../../../test/browser.ts';
import { studioPage } from '../../studio/tests/studio-browser.ts';

describe('children of generic items in the studio, in Chromium', () => {
  const s = browserSuite();

  it('an editor opens an entry with children, adds one and finds its way back to the parent; axe finds nothing', async () => {
    const { context, page } = await studioPage(s, BB, 'editor@bad-belzig.demo', 'demo-studio-editor');
    const parent = await s.p.database.system
      .selectFrom('generic_items as g')
      .innerJoin('tenants as t', 't.id', 'g.tenant_id')
      .select(['g.id', 'g.title'])
      .where('t.slug', '=', 'bad-belzig')
      .where((eb) => eb.exists(eb.selectFrom('generic_items as k').select('k.id').whereRef('k.parent_id', '=', 'g.id')))
      .orderBy('g.id')
      .executeTakeFirstOrThrow();
    await page.goto(s.url(BB, `/studio/inhalte/eintraege/${parent.id}`));
    const children = page.getByRole('table', { name: /Unterelemente/ });
    assert.ok((await children.getByRole('row').count()) > 1);
    await assertNoAxeViolations(page);

    await page.getByRole('link', { name: 'Unterelement anlegen' }).click();
    assert.equal(await page.getByLabel('Übergeordneter Eintrag').inputValue(), String(parent.id));
    await page.getByLabel('Art').selectOption({ label: 'Baustelle' });
    await page.getByLabel('Titel').fill('Umleitung über die Wiesenstraße');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    await assertNoAxeViolations(page);

    await page.getByRole('link', { name: /^Übergeordneten Eintrag öffnen/ }).click();
    await page.getByRole('table', { name: /Unterelemente/ }).getByRole('link', { name: 'Umleitung über die Wiesenstraße' }).waitFor();
    await context.close();
  });
});
