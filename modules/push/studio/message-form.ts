import { z } from 'zod';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import { everyone, type MessageTarget, type Platform } from '../messages/message.ts';
import type { LinkTarget } from './message-links.ts';
import type { pushTexts } from './push-texts.ts';

type Texts = ReturnType<typeof pushTexts>;

export const PLATFORMS = ['all', 'native', 'ios', 'android', 'web'] as const satisfies readonly Platform[];
export const TITLE_MAX = 200;
export const BODY_MAX = 1000;
/** Scheduling further ahead is almost always a typo in the year. */
const MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/** The form as entered, shown again after a refusal. */
export type MessageFormValues = {
  title: string;
  body: string;
  /** '' or `<key>:<id>` (message-links.ts). */
  link: string;
  target: 'all' | 'categories';
  categoryIds: string[];
  platform: Platform;
  when: 'now' | 'later';
  /** Berlin wall-clock time as datetime-local sends it. */
  sendAt: string;
};
export type MessageFormErrors = Partial<Record<keyof MessageFormValues, string>>;

export const EMPTY_FORM: MessageFormValues = { title: '', body: '', link: '', target: 'all', categoryIds: [], platform: 'all', when: 'now', sendAt: '' };

/** The shape of the post; anything else (a crafted body) is refused as a whole. */
const BodySchema = z.object({
  _csrf: z.string().max(100).default(''),
  title: z.string().max(4000).default(''),
  body: z.string().max(10_000).default(''),
  link: z.string().max(40).default(''),
  target: z.enum(['all', 'categories']).default('all'),
  categoryIds: z.union([z.string().max(12), z.array(z.string().max(12)).max(1000)]).default([]),
  platform: z.enum(PLATFORMS).default('all'),
  when: z.enum(['now', 'later']).default('now'),
  sendAt: z.string().max(40).default(''),
});

/** What the tenant offers, for the checks that need it. */
export type FormContext = {
  categoryIds: Set<number>;
  resolveLink: (value: string) => Promise<LinkTarget | null>;
  now?: Date;
};

/** A checked form: what createMessage needs besides its source and author. */
export type ValidMessage = { title: string; body: string; link: LinkTarget | null; target: MessageTarget; sendAt: Date | undefined };

export type ReadForm = { csrf: string; values: MessageFormValues; errors: MessageFormErrors; message: ValidMessage | null };

/** Reads a new message's post; null when the body is not this form at all. Nothing is stored here. */
export async function readMessageForm(body: unknown, t: Texts, ctx: FormContext): Promise<ReadForm | null> {
  const parsed = BodySchema.safeParse(body ?? {});
  if (!parsed.success) return null;
  const b = parsed.data;
  const values: MessageFormValues = {
    title: b.title.trim(),
    body: b.body.trim(),
    link: b.link,
    target: b.target,
    categoryIds: [...new Set(Array.isArray(b.categoryIds) ? b.categoryIds : [b.categoryIds])],
    platform: b.platform,
    when: b.when,
    sendAt: b.sendAt.trim(),
  };
  const errors: MessageFormErrors = {};
  const check = <T>(key: keyof MessageFormValues, schema: z.ZodType<T>, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success) errors[key] = r.error.issues[0]!.message;
  };
  check('title', z.string().min(1, t.titleMissing).max(TITLE_MAX, t.titleTooLong), values.title);
  check('body', z.string().max(BODY_MAX, t.bodyTooLong), values.body);

  const categoryIds = values.target === 'categories' ? values.categoryIds.map(Number) : [];
  if (values.target === 'categories' && !categoryIds.length) errors.categoryIds = t.noCategory;
  else if (categoryIds.some((id) => !ctx.categoryIds.has(id))) errors.categoryIds = t.unknownCategory;

  let sendAt: Date | undefined;
  if (values.when === 'later') {
    const now = ctx.now ?? new Date();
    const at = parseLenientDateTime(values.sendAt);
    if (!at) errors.sendAt = t.badTime;
    else if (at <= now) errors.sendAt = t.pastTime;
    else if (at.getTime() - now.getTime() > MAX_AHEAD_MS) errors.sendAt = t.farTime;
    else sendAt = at;
  }

  const link = values.link ? await ctx.resolveLink(values.link) : null;
  if (values.link && !link) errors.link = t.unknownLink;

  const message = Object.keys(errors).length
    ? null
    : { title: values.title, body: values.body, link, target: { ...everyone, platform: values.platform, categoryIds }, sendAt };
  return { csrf: b._csrf, values, errors, message };
}
