import { z } from 'zod';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';

export const PUSHABLE_TYPES = ['EventRecord', 'GenericItem', 'NewsItem', 'PointOfInterest', 'Tour'] as const;
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** "08:30", "8:30:00", or a timestamp whose time of day counts (the mainserver answers "2000-01-01 08:30:00 +0100"). */
const timeOfDay = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const m = /(?:^|[ T])(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$/.exec(s);
    if (!m || +m[1]! > 23 || +m[2]! > 59) {
      ctx.addIssue({ code: 'custom', message: 'must be a time of day such as "08:30"' });
      return z.NEVER;
    }
    return `${m[1]!.padStart(2, '0')}:${m[2]}`;
  });

const weekdayFields = Object.fromEntries(WEEKDAYS.map((d) => [`${d}At`, timeOfDay.nullish()])) as Record<`${(typeof WEEKDAYS)[number]}At`, z.ZodOptional<z.ZodNullable<typeof timeOfDay>>>;

/** schedulePushNotification's arguments (mainserver §6.1: recurring 0 = once at onceAt, > 0 = weekly at the weekday times). */
export const ScheduleInput = z
  .object({
    notificationPushableType: z.enum(PUSHABLE_TYPES, { message: `must be one of ${PUSHABLE_TYPES.join(', ')}` }),
    notificationPushableId: z.number().int().positive(),
    onceAt: z
      .string()
      .nullish()
      .transform((s, ctx) => {
        if (!s) return null;
        const d = parseLenientDateTime(s);
        if (!d) ctx.addIssue({ code: 'custom', message: 'must be a date and time such as "2026-12-24 10:00"' });
        return d;
      }),
    ...weekdayFields,
    recurring: z.number().int().min(0).nullish().transform((r) => r ?? 0),
    title: z.string().trim().min(1, 'must not be empty').max(200),
    body: z.string().max(1000).nullish().transform((b) => b ?? ''),
  })
  .superRefine((v, ctx) => {
    if (v.recurring === 0 && !v.onceAt) ctx.addIssue({ code: 'custom', path: ['onceAt'], message: 'is required for a push sent once (recurring 0)' });
    if (v.recurring === 0 && v.onceAt && v.onceAt <= new Date()) ctx.addIssue({ code: 'custom', path: ['onceAt'], message: 'must lie in the future' });
    if (v.recurring > 0 && WEEKDAYS.every((d) => !v[`${d}At`])) ctx.addIssue({ code: 'custom', path: ['mondayAt'], message: 'a weekly push (recurring > 0) needs at least one weekday time' });
  });
export type ScheduleInput = z.infer<typeof ScheduleInput>;
