import { z } from 'zod';
import { REPORT_STATUSES } from '../model/statuses.ts';
import { NewReport } from '../model/report-input.ts';
import { fromZod } from './citizen-errors.ts';

const latOf = (n: z.ZodNumber) => n.min(-90, 'ungültiger Breitengrad').max(90, 'ungültiger Breitengrad');
const lngOf = (n: z.ZodNumber) => n.min(-180, 'ungültiger Längengrad').max(180, 'ungültiger Längengrad');
const number = () => z.number({ error: 'keine Zahl' });
const lat = z.coerce.string().pipe(z.coerce.number({ error: 'keine Zahl' })).pipe(latOf(number()));
const lng = z.coerce.string().pipe(z.coerce.number({ error: 'keine Zahl' })).pipe(lngOf(number()));
const code = z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'ungültiger Kategorie-Code');

export const NearbyQuery = z.object({ category: code, lat, lng });

const Bbox = z
  .string()
  .transform((s) => s.split(',').map((x) => (x.trim() === '' ? NaN : Number(x.trim()))))
  .pipe(z.tuple([lngOf(number()), latOf(number()), lngOf(number()), latOf(number())], { error: 'vier Zahlen: minLng,minLat,maxLng,maxLat' }))
  .refine(([minLng, minLat, maxLng, maxLat]) => minLng <= maxLng && minLat <= maxLat, 'die erste Ecke muss südwestlich der zweiten liegen')
  .transform(([minLng, minLat, maxLng, maxLat]) => ({ minLng, minLat, maxLng, maxLat }));

export const ListQuery = z.object({
  status: z.enum(['open', 'closed', ...REPORT_STATUSES], { error: `erlaubt: open, closed, ${REPORT_STATUSES.join(', ')}` }).optional(),
  category: code.optional(),
  bbox: Bbox.optional(),
  limit: z.coerce.number().int('eine ganze Zahl').min(1, 'mindestens 1').max(500, 'höchstens 500').default(100),
  offset: z.coerce.number().int('eine ganze Zahl').min(0, 'nicht negativ').max(100_000, 'höchstens 100000').default(0),
});

export const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const StatusQuery = z.object({
  ids: z
    .string({ error: 'Bitte die Nummern der Meldungen angeben (ids=1,2,3)' })
    .transform((s) => s.split(',').filter((x) => x.trim() !== '').map(Number))
    .pipe(z.array(z.number().int('Nummern sind ganze Zahlen').positive('Nummern sind positiv').max(2_147_483_647)).min(1, 'mindestens eine Nummer').max(100, 'höchstens 100 Nummern')),
});

/**
 * The web app's `report` field: the common NewReport with a point on the map (the app has no
 * address search), a submission key (the wizard always sends one: a resend must not file twice)
 * and optionally the device's Web Push subscription for status messages.
 */
export const CitizenReport = z
  .object({
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }, { error: 'Bitte den Ort auf der Karte wählen' }),
    submissionKey: z.string({ error: 'Sendeschlüssel fehlt' }),
    pushEndpoint: z.string().url('keine gültige Push-Adresse').max(1024).startsWith('http', 'keine gültige Push-Adresse').optional(),
  })
  .passthrough()
  .transform((r, ctx) => {
    const { pushEndpoint, ...rest } = r;
    const parsed = NewReport.safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { report: parsed.data, pushEndpoint: pushEndpoint ?? null };
  });
export type CitizenReport = z.infer<typeof CitizenReport>;

/** Parses or throws a 400 naming the field. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, prefix);
  return r.data;
}
