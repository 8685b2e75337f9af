import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, startTestPlatform, type TestPlatform } from '../../test/harness.ts';

describe('GraphQL endpoint: bad input gets clear errors, never a 500', () => {
  let p: TestPlatform;
  let admin: string;
  before(async () => {
    p = await startTestPlatform();
    admin = await p.token('bad-belzig-admin');
  });
  after(() => p.close());

  const noStack = (body: unknown) => assert.doesNotMatch(JSON.stringify(body), /\.ts:\d+|at [A-Za-z]+ \(/);

  it('reports syntax errors', async () => {
    const res = await p.gql(BB, '{ newsItems(limit: 3 { id }');
    assert.ok(res.status < 500);
    assert.match(res.body.errors[0].message, /Syntax Error/);
    noStack(res.body);
  });

  it('reports unknown fields and wrong variable types', async () => {
    const unknown = await p.gql(BB, '{ newsItems { id nonsense } }');
    assert.match(unknown.body.errors[0].message, /Cannot query field "nonsense"/);
    const wrongType = await p.gql(BB, 'query($l: Int) { newsItems(limit: $l) { id } }', { l: 'three' });
    assert.match(wrongType.body.errors[0].message, /Int cannot represent/);
  });

  it('refuses a missing query and variables that are not an object', async () => {
    const res = await p.http.inject({ method: 'POST', url: '/graphql', headers: { host: BB, 'content-type': 'application/json' }, payload: '{}' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().errors[0].message, /needs a "query"/);
    const vars = await p.http.inject({ method: 'POST', url: '/graphql', headers: { host: BB, 'content-type': 'application/json' }, payload: JSON.stringify({ query: '{ categories { id } }', variables: '[1' }) });
    assert.equal(vars.statusCode, 400);
    assert.match(vars.body, /variables/);
  });

  it('accepts variables sent as a JSON string and GET queries, refuses mutations by GET', async () => {
    const res = await p.http.inject({ method: 'POST', url: '/graphql', headers: { host: BB, 'content-type': 'application/json' }, payload: JSON.stringify({ query: 'query($l: Int) { newsItems(limit: $l) { id } }', variables: '{"l": 2}' }) });
    assert.equal(res.json().data.newsItems.length, 2);
    const get = await p.http.inject({ url: `/graphql?query=${encodeURIComponent('{ newsItems(limit: 1) { id } }')}`, headers: { host: BB } });
    assert.equal(get.json().data.newsItems.length, 1);
    const mutation = await p.http.inject({ url: `/graphql?query=${encodeURIComponent('mutation { destroyRecord(id: 1, recordType: "NewsItem") { statusCode } }')}`, headers: { host: BB } });
    assert.equal(mutation.statusCode, 405);
  });

  it('limits depth and cost', async () => {
    let deep = 'id';
    for (let i = 0; i < 14; i++) deep = `children { ${deep} }`;
    const tooDeep = await p.gql(BB, `{ categories { ${deep} } }`);
    assert.equal(tooDeep.body.errors[0].extensions.code, 'QUERY_TOO_COMPLEX');
    const costly = await p.gql(BB, '{ newsItems(limit: 1000) { categories { newsItems { categories { id name } } } } }');
    assert.equal(costly.body.errors[0].extensions.code, 'QUERY_TOO_COMPLEX');
    assert.match(costly.body.errors[0].message, /too much/);
  });

  it('refuses limit: 100000 and negative skips', async () => {
    const res = await p.gql(BB, '{ newsItems(limit: 100000) { id } }');
    assert.equal(res.body.errors[0].extensions.code, 'VALIDATION');
    assert.match(res.body.errors[0].message, /limit must be between 0 and 1000/);
    const neg = await p.gql(BB, '{ newsItems(skip: -1) { id } }');
    assert.match(neg.body.errors[0].message, /skip/);
  });

  it('treats SQL in strings as data', async () => {
    const evil = "x'; DROP TABLE news_items; --";
    const res = await p.gql(BB, 'query($n: String!) { newsItems(dataProvider: $n) { id } publicJsonFile(name: $n) { name } }', { n: evil });
    assert.deepEqual(res.body.data.newsItems, []);
    assert.equal(res.body.data.publicJsonFile.name, 'not found');
    const created = await p.gql(BB, 'mutation($t: String) { createNewsItem(title: $t, forceCreate: true) { title } }', { t: evil }, admin);
    assert.equal(created.body.data.createNewsItem.title, evil);
    assert.ok((await p.gql(BB, '{ newsItems(limit: 1) { id } }')).body.data.newsItems.length === 1);
  });

  it('sanitises HTML in rich text and keeps plain text fields verbatim', async () => {
    const res = await p.gql(
      BB,
      'mutation($b: String) { createNewsItem(title: "<b>Titel</b>", forceCreate: true, contentBlocks: [{ body: $b }]) { title contentBlocks { body } } }',
      { b: '<p onclick="x()">Hallo<script>alert(1)</script><a href="javascript:alert(2)">link</a></p>' },
      admin,
    );
    const item = res.body.data.createNewsItem;
    assert.equal(item.title, '<b>Titel</b>');
    assert.equal(item.contentBlocks[0].body, '<p>Hallo<a>link</a></p>');
  });

  it('refuses invalid dates without writing anything', async () => {
    const before = (await p.gql(BB, '{ newsItemsCount }', undefined, admin)).body.data.newsItemsCount;
    const res = await p.gql(BB, 'mutation { createNewsItem(title: "bad date", publishedAt: "31.02.2024") { id } }', undefined, admin);
    assert.equal(res.body.errors[0].extensions.code, 'VALIDATION');
    assert.match(res.body.errors[0].message, /publishedAt "31.02.2024" is not a date/);
    const after = (await p.gql(BB, '{ newsItemsCount }', undefined, admin)).body.data.newsItemsCount;
    assert.equal(after, before);
  });

  it('rolls back a mutation that fails halfway', async () => {
    const count = async () => Number((await p.database.system.selectFrom('categories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())!.n);
    const before = await count();
    // The new category is inserted before the media content fails validation… or the other way round; either way nothing may remain.
    const res = await p.gql(BB, 'mutation { createNewsItem(title: "half", categoryName: "Brand new category", contentBlocks: [{ mediaContents: [{ captionText: "no type" }] }]) { id } }', undefined, admin);
    assert.ok(res.body.errors);
    assert.equal(await count(), before);
  });
});
