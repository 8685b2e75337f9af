import type { Kysely } from 'kysely';
import type { ContentEditor, EditorValues } from '../../../core/registry/content-editor.ts';
import type { ContentBlock, WebUrl } from '../../content-parts/parts.ts';
import { firstImage, withChosenImage, withFirstUrl } from '../../content-parts/editor-parts.ts';
import type { CreateNewsItemArgs } from '../news-input.ts';
import { upsertNewsItem } from '../news-upsert.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The stored item as createNewsItem arguments, so a save keeps everything the form does not show. */
async function storedArgs(db: Kysely<any>, id: number): Promise<(CreateNewsItemArgs & { contentBlocks: ContentBlock[] }) | null> {
  const row = await db.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const categories = await db
    .selectFrom('news_item_categories as l')
    .innerJoin('categories as c', 'c.id', 'l.category_id')
    .select('c.name')
    .where('l.news_item_id', '=', id)
    .orderBy('c.name')
    .execute();
  return {
    id,
    title: row.title,
    author: row.author,
    externalId: row.external_id,
    fullVersion: row.full_version,
    charactersToBeShown: row.characters_to_be_shown,
    newsType: row.news_type,
    publicationDate: row.publication_date && new Date(row.publication_date).toISOString(),
    publishedAt: new Date(row.published_at).toISOString(),
    showPublishDate: row.show_publish_date,
    pushNotification: row.push_notification,
    payload: row.payload,
    address: row.address,
    sourceUrl: row.source_url,
    contentBlocks: row.content_blocks ?? [],
    categories: categories.map((c) => ({ name: c.name as string })),
  };
}

/** News in the studio: title, author, categories, the first content block's intro and text, source link. */
export const newsEditor: ContentEditor = {
  recordType: 'NewsItem',
  slug: 'nachrichten',
  title: { de: 'Nachrichten', en: 'News' },
  singular: { de: 'Nachricht', en: 'News item' },
  table: 'news_items',
  titleColumn: 'title',
  titleField: 'title',
  fields: [
    { name: 'title', kind: 'text', label: { de: 'Titel', en: 'Title' }, required: true },
    { name: 'author', kind: 'text', label: { de: 'Autorin oder Autor', en: 'Author' } },
    { name: 'categories', kind: 'categories', label: { de: 'Kategorien', en: 'Categories' } },
    { name: 'intro', kind: 'textarea', label: { de: 'Vorspann', en: 'Intro' }, hint: { de: 'Ein, zwei Sätze für die Übersicht.', en: 'A sentence or two for the overview.' } },
    { name: 'body', kind: 'richtext', label: { de: 'Text', en: 'Text' }, required: true },
    { name: 'image', kind: 'image', label: { de: 'Bild', en: 'Image' }, hint: { de: 'Aus der Mediathek; Alternativtext und Urheber kommen von dort.', en: 'From the media library, with its alternative text and copyright.' } },
    { name: 'sourceUrl', kind: 'url', label: { de: 'Quelle (Webadresse)', en: 'Source (web address)' } },
    { name: 'pushNotification', kind: 'checkbox', label: { de: 'Als Push-Nachricht senden', en: 'Send as push message' } },
  ],

  async load(db, id) {
    const args = await storedArgs(db, id);
    if (!args) return null;
    const first = args.contentBlocks[0];
    const row = await db.selectFrom('news_items').select('data_provider_id').where('id', '=', id).executeTakeFirstOrThrow();
    const values: EditorValues = {
      title: text(args.title),
      author: text(args.author),
      categories: (args.categories ?? []).map((c) => c.name ?? ''),
      intro: text(first?.intro),
      body: text(first?.body),
      image: text(firstImage(first?.mediaContents)?.sourceUrl?.url),
      sourceUrl: text((args.sourceUrl as { url?: string } | null)?.url),
      pushNotification: !!args.pushNotification,
    };
    return { values, dataProviderId: row.data_provider_id ?? null };
  },

  async save(db, caller, values, ctx) {
    const stored = ctx.id === null ? null : await storedArgs(db, ctx.id);
    const [first, ...rest] = stored?.contentBlocks ?? [];
    const args: CreateNewsItemArgs = {
      ...stored,
      id: ctx.id,
      // A new item from the studio is never merged into an earlier import with the same title.
      forceCreate: ctx.id === null,
      title: text(values.title),
      author: text(values.author) || null,
      categories: (values.categories as string[]).map((name) => ({ name })),
      sourceUrl: withFirstUrl(stored?.sourceUrl ? [stored.sourceUrl as WebUrl] : [], text(values.sourceUrl))[0] ?? null,
      pushNotification: values.pushNotification === true,
      publishedAt: ctx.publishAt?.toISOString() ?? stored?.publishedAt ?? null,
      // A block titled like the item follows the item's title; a block with its own title keeps it.
      contentBlocks: [{ ...first, title: !first || first.title === stored?.title ? text(values.title) : first.title, intro: text(values.intro) || null, body: text(values.body), mediaContents: withChosenImage(first?.mediaContents, text(values.image), ctx.images) }, ...rest],
    };
    return upsertNewsItem(db, caller, args);
  },
};
