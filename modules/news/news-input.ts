import { validationError } from '../../core/errors.ts';
import { addressFrom, contentBlocksFrom, optionalText, optionalTimestamp as date, webUrlFrom } from '../content-parts/parts.ts';

const text = (value: unknown, field: string, max = 1000) => optionalText(value, field, max);

/** Arguments of createNewsItem, as GraphQL delivers them. */
export type CreateNewsItemArgs = {
  id?: string | number | null;
  forceCreate?: boolean | null;
  pushNotification?: boolean | null;
  author?: string | null;
  title?: string | null;
  externalId?: string | null;
  fullVersion?: boolean | null;
  charactersToBeShown?: number | null;
  newsType?: string | null;
  publicationDate?: string | null;
  publishedAt?: string | null;
  showPublishDate?: boolean | null;
  categoryName?: string | null;
  payload?: unknown;
  categories?: Array<{ name?: string | null }> | null;
  sourceUrl?: unknown;
  address?: unknown;
  contentBlocks?: unknown[] | null;
};



/** The validated column values of a news item (without sub-resource ids, which are assigned on write). */
export function newsValuesFrom(args: CreateNewsItemArgs, now: Date) {
  if (args.charactersToBeShown !== null && args.charactersToBeShown !== undefined && args.charactersToBeShown < 0) {
    throw validationError('Invalid input: charactersToBeShown must not be negative.');
  }
  const payloadJson = args.payload === undefined || args.payload === null ? null : JSON.stringify(args.payload);
  if (payloadJson && payloadJson.length > 200_000) throw validationError('Invalid input: payload is larger than 200 kB.');
  return {
    title: text(args.title, 'title'),
    author: text(args.author, 'author'),
    external_id: text(args.externalId, 'externalId', 500),
    full_version: args.fullVersion ?? null,
    characters_to_be_shown: args.charactersToBeShown ?? null,
    news_type: text(args.newsType, 'newsType', 100),
    publication_date: date(args.publicationDate, 'publicationDate'),
    published_at: date(args.publishedAt, 'publishedAt') ?? now,
    show_publish_date: args.showPublishDate ?? null,
    push_notification: args.pushNotification ?? false,
    payload: payloadJson,
    address: addressFrom(args.address),
    source_url: webUrlFrom(args.sourceUrl, 'sourceUrl.url'),
    content_blocks: contentBlocksFrom(args.contentBlocks, now),
  };
}

export function categoryNamesFrom(args: CreateNewsItemArgs): string[] {
  return [args.categoryName, ...(args.categories ?? []).map((c) => c?.name)].filter((n): n is string => !!n && n.trim() !== '');
}

