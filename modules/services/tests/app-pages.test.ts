import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { resolveDescriptor } from '../../web-app/server/route-descriptor.ts';
import { starterConfig } from '../../static-content/starter/starter-config.ts';
import { loadAppFixture, type AppFixture } from './app-fixture.ts';
import { Catalog } from '../model/catalog.ts';
import { applyCatalog } from '../store/apply-catalog.ts';

/** Server-rendered pages of the "Rathaus / Bürgerservice" section (needs `npm run build`, as npm test does). */
describe('citizen app: Rathaus / Bürgerservice pages', () => {
  let p: TestPlatform;
  let f: AppFixture;
  before(async () => {
    p = await startTestPlatform();
    f = await loadAppFixture(p);
  });
  after(() => p?.close());

  const page = async (path: string, host = BB, cookie?: string) => {
    const res = await p.http.inject({ method: 'GET', url: path, headers: { host, accept: 'text/html', ...(cookie ? { cookie } : {}) } });
    return { status: res.statusCode, html: res.body };
  };
  const h1s = (html: string) => [...html.matchAll(/<h1\b[^>]*>(.*?)<\/h1>/gs)].map((m) => strip(m[1]!));
  const headings = (html: string) => [...html.matchAll(/<h([1-6])\b[^>]*>(.*?)<\/h\1>/gs)].map((m) => `h${m[1]} ${strip(m[2]!)}`);
  const strip = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
  const main = (html: string) => /<main\b[^>]*>(.*)<\/main>/s.exec(html)![1]!;

  it('/rathaus: one h1, search form, top list in order, life situations as tiles, and a note that the copy may be outdated', async () => {
    const { status, html } = await page('/rathaus');
    assert.equal(status, 200);
    assert.deepEqual(h1s(html), ['Rathaus & Bürgerservice']);
    const m = main(html);
    assert.match(m, /<form[^>]*role="search"[^>]*method="get"[^>]*action="\/rathaus\/suche"/);
    assert.match(m, /<input[^>]*name="q"[^>]*role="combobox"[^>]*aria-expanded="false"/);
    const top = /<h2 id="services-top">Häufig gesucht<\/h2>(.*?)<\/section>/s.exec(m)![1]!;
    assert.deepEqual(
      [...top.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((x) => [x[1], x[2]]),
      [
        [`/rathaus/leistungen/${f.ids['s-perso']}`, 'Personalausweis beantragen'],
        [`/rathaus/leistungen/${f.ids['s-hund']}`, 'Hundesteuer anmelden'],
        [`/rathaus/leistungen/${f.ids['s-melde']}`, 'Meldebescheinigung'],
      ],
    );
    const tiles = [...m.matchAll(/<a class="situation-tile" href="([^"]+)">.*?<span class="situation-name">([^<]+)<\/span>/gs)].map((x) => [x[1], strip(x[2]!)]);
    assert.deepEqual(tiles, [
      [`/rathaus/lebenslagen/${f.ids['c-familie']}`, 'Familie & Kinder'],
      [`/rathaus/lebenslagen/${f.ids['c-ausweis']}`, 'Ausweise & Dokumente'],
      [`/rathaus/lebenslagen/${f.ids['c-tiere']}`, 'Tiere'],
    ]);
    const note = strip(/<p class="services-status is-stale">(.*?)<\/p>/s.exec(m)![1]!);
    assert.match(note, /^Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d /);
    assert.match(note, /konnten seit .* nicht aktualisiert werden und sind möglicherweise veraltet/);
    // The age depends on the clock: worked out in the browser, never in the (cached) HTML.
    assert.doesNotMatch(note, /Alter der Angaben/);
  });

  it('/rathaus/suche works as a plain GET form: results with summaries, counts, short and empty queries', async () => {
    const found = await page('/rathaus/suche?q=Personalausweis');
    assert.equal(found.status, 200);
    assert.deepEqual(h1s(found.html), ['Leistungen suchen']);
    const m = main(found.html);
    assert.match(m, /<input[^>]*value="Personalausweis"/);
    assert.match(m, new RegExp(`<a href="/rathaus/leistungen/${f.ids['s-perso']}">Personalausweis beantragen</a>`));
    assert.match(m, /Einen neuen Personalausweis beantragen\./);
    assert.doesNotMatch(m, /versteckt/, 'hidden services are not found');
    assert.match(m, /<p class="search-status search-status-results" role="status">\d+ Leistung(en)? gefunden für „Personalausweis“<\/p>/);
    const bySynonym = main((await page('/rathaus/suche?q=Wohnsitzbescheinigung')).html);
    assert.match(bySynonym, />Meldebescheinigung</, 'synonyms are searched');
    assert.match(main((await page('/rathaus/suche?q=P')).html), /Bitte geben Sie mindestens 2 Zeichen ein\./);
    assert.match(main((await page('/rathaus/suche?q=Quarkstrudelfabrik')).html), /Keine Leistung gefunden für „Quarkstrudelfabrik“/);
    const empty = await page('/rathaus/suche');
    assert.equal(empty.status, 200);
    assert.match(main(empty.html), /<p class="search-status search-status-empty" role="status"><\/p>/);
    assert.equal((await page('/rathaus/suche?q=Personalausweis&seite=abc')).status, 404);
    assert.equal((await page('/rathaus/suche?q=Personalausweis&seite=9')).status, 404);
  });

  it('/rathaus/leistungen/:id: sections in order with German headings, online application, forms, authority and GovernmentService JSON-LD', async () => {
    const { status, html } = await page(`/rathaus/leistungen/${f.ids['s-perso']}`);
    assert.equal(status, 200);
    assert.deepEqual(h1s(html), ['Personalausweis beantragen']);
    const m = main(html);
    assert.match(strip(/<p class="synonyms">(.*?)<\/p>/s.exec(m)![1]!), /^Auch bekannt als: Perso, Ausweis$/);
    assert.deepEqual(
      headings(m).filter((h) => h.startsWith('h2')),
      ['h2 Beschreibung', 'h2 Voraussetzungen', 'h2 Erforderliche Unterlagen', 'h2 Gebühren', 'h2 Fristen', 'h2 Verfahrensablauf', 'h2 Rechtsgrundlagen', 'h2 Hinweise', 'h2 Formulare', 'h2 Zuständige Stelle'],
    );
    // Headings inside a section's text sit below its h2 (the page keeps its heading order).
    assert.ok(headings(m).includes('h3 Ablauf'), headings(m).join(' | '));
    const apply = /<a class="button apply-button" href="([^"]+)"[^>]*>(.*?)<\/a>/s.exec(m)!;
    assert.equal(apply[1], 'https://antrag.brandenburg.example/perso');
    assert.match(strip(apply[2]!), /^Online beantragen/);
    assert.match(m, /Vertrauensniveau hoch: Sie brauchen die Online-Ausweisfunktion/);
    assert.match(m, /href="https:\/\/formulare\.brandenburg\.example\/perso\.pdf"/);
    // The responsible authority: name linking to its page, address, hours table, contacts, payment.
    assert.match(m, new RegExp(`<h3 id="authority-${f.ids['a-buergeramt']}"><a href="/rathaus/behoerden/${f.ids['a-buergeramt']}">Bürgeramt Bad Belzig</a></h3>`));
    assert.match(m, /Wiesenburger Straße 6/);
    assert.match(m, /Postanschrift/);
    assert.match(m, /<a href="tel:03384194-0"|<a href="tel:0338419 ?40"/);
    assert.match(m, /<a href="mailto:buergeramt@bad-belzig\.example">/);
    assert.match(m, /<th scope="row">Dienstag<\/th><td>09:00–12:00 Uhr, 13:00–18:00 Uhr<\/td>/);
    assert.match(m, /<th scope="row">Mittwoch<\/th><td>geschlossen<\/td>/);
    assert.match(m, /An Feiertagen geschlossen\./);
    assert.match(m, /<li>girocard<\/li>/);
    assert.match(m, /class="map map-small"/, 'a small map: the Bürgeramt has coordinates');
    // "Open now" depends on the clock: only the browser decides it.
    assert.doesNotMatch(html, /Jetzt geöffnet|Jetzt geschlossen|class="open-now/);

    const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
    assert.equal(scripts.length, 1);
    const ld = JSON.parse(scripts[0]![1]!);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'GovernmentService');
    assert.equal(ld.name, 'Personalausweis beantragen');
    assert.equal(ld.url, `http://${BB}/rathaus/leistungen/${f.ids['s-perso']}`);
    assert.ok(JSON.stringify(ld).includes('https://antrag.brandenburg.example/perso'), JSON.stringify(ld));
  });

  it('keeps text that looks like markup inside the JSON-LD script element', async () => {
    const evil = 'Achtung </script><script>alert(1)</script> Ende';
    await applyCatalog(f.db, 'manual', Catalog.parse({ services: [{ sourceId: 'm-evil', name: 'Sonderfall', summary: evil }] }));
    const id = String((await f.db.selectFrom('ozg_services').select('id').where('source_id', '=', 'm-evil').executeTakeFirstOrThrow()).id);
    const { status, html } = await page(`/rathaus/leistungen/${id}`);
    assert.equal(status, 200);
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
    assert.equal(scripts.length, 1);
    assert.equal(JSON.parse(scripts[0]![1]!).description, evil);
    assert.doesNotMatch(html, /<script>alert/);
    await applyCatalog(f.db, 'manual', Catalog.parse({ services: [] }), { allowEmpty: true });
  });

  it('a service without coordinates, online service or sections shows neither map nor button', async () => {
    const { status, html } = await page(`/rathaus/leistungen/${f.ids['s-bau']}`);
    assert.equal(status, 200);
    const m = main(html);
    assert.match(m, /Bauordnungsamt Potsdam-Mittelmark/, 'responsible through the district key');
    assert.doesNotMatch(m, /class="map /);
    assert.doesNotMatch(m, /apply-button/);
    assert.equal(JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!)['@type'], 'GovernmentService');
  });

  it('/rathaus/lebenslagen/:id and /rathaus/behoerden/:id', async () => {
    const family = await page(`/rathaus/lebenslagen/${f.ids['c-familie']}`);
    assert.equal(family.status, 200);
    assert.deepEqual(h1s(family.html), ['Familie & Kinder']);
    assert.match(main(family.html), new RegExp(`href="/rathaus/lebenslagen/${f.ids['c-geburt']}">.*Geburt`, 's'));
    const birth = await page(`/rathaus/lebenslagen/${f.ids['c-geburt']}`);
    assert.match(main(birth.html), /Übergeordnete Lebenslage: Familie &amp; Kinder/);
    assert.match(main(birth.html), new RegExp(`<a href="/rathaus/leistungen/${f.ids['s-geburt']}">Geburtsurkunde</a>`));

    const office = await page(`/rathaus/behoerden/${f.ids['a-buergeramt']}`);
    assert.equal(office.status, 200);
    assert.deepEqual(h1s(office.html), ['Bürgeramt Bad Belzig']);
    const m = main(office.html);
    assert.deepEqual(
      headings(m).filter((h) => h.startsWith('h2')),
      ['h2 Adressen', 'h2 Öffnungszeiten', 'h2 Kontakt', 'h2 Zahlungsmöglichkeiten', 'h2 Leistungen dieser Stelle'],
    );
    for (const s of ['s-perso', 's-melde', 's-hund', 's-pass']) assert.match(m, new RegExp(`href="/rathaus/leistungen/${f.ids[s]}"`), s);
  });

  it('answers the app’s 404 page for unknown and hidden services and other unknown ids', async () => {
    for (const path of [
      '/rathaus/leistungen/999999',
      '/rathaus/leistungen/abc',
      `/rathaus/leistungen/${f.ids['s-versteckt']}`,
      '/rathaus/lebenslagen/999999',
      '/rathaus/behoerden/999999',
      '/rathaus/behoerden/x1',
    ]) {
      const res = await page(path);
      assert.equal(res.status, 404, path);
      assert.deepEqual(h1s(res.html), ['Seite nicht gefunden'], path);
    }
    // Another municipality's directory is its own.
    assert.equal((await page(`/rathaus/leistungen/${f.ids['s-perso']}`, WB)).status, 404);
    // A municipality without the module has no such section.
    await p.tenants.create({ slug: 'ohne-rathaus', name: 'Ohne Rathaus', enabledModules: p.modules.map((m) => m.name).filter((n) => n !== 'services') });
    assert.equal((await page('/rathaus', 'ohne-rathaus.localhost')).status, 404);
  });

  it('speaks English when the reader chose it', async () => {
    const { html } = await page(`/rathaus/leistungen/${f.ids['s-perso']}`, BB, 'dp_prefs=lang-en');
    const m = main(html);
    assert.match(m, /Also known as/);
    assert.ok(headings(m).includes('h2 Documents required'));
    assert.match(m, /Apply online/);
  });

  it('leads from the native app’s BusIndex screen names and the Service tiles to /rathaus', async () => {
    assert.deepEqual(resolveDescriptor({ routeName: 'BusIndex' }), { href: '/rathaus', external: false });
    assert.deepEqual(resolveDescriptor({ screen: 'BBBUSIndex' }), { href: '/rathaus', external: false });
    assert.match(main((await page('/service')).html), /<a href="\/rathaus" class="tile"/);
    // New municipalities get the tile when they have the module.
    const tiles = (modules: string[]) => JSON.parse(starterConfig({ name: 'Neustadt', officialKey: '', state: '', enabledModules: modules }).find((r) => r.name === 'homeService')!.content!);
    assert.ok(tiles(['services', 'news']).some((t: any) => t.routeName === 'BusIndex'));
    assert.ok(!tiles(['news']).some((t: any) => t.routeName === 'BusIndex'));
  });
});
