import { z } from 'zod';

export const MAX_DESCRIPTION = 4000;
export const MAX_PHOTOS = 5;

/** Plain text: tags are removed (the spec allows no HTML), control characters but line breaks too. */
const plainText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/<[^>]*>/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim())
    .pipe(z.string().max(max, `höchstens ${max} Zeichen`));

const optionalText = (max: number) => z.string().trim().max(max, `höchstens ${max} Zeichen`).optional().default('');

/** Where the problem is: a point, or an address of the municipality's register (by text or id). */
export const ReportLocation = z.union([
  z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), address: optionalText(300) }),
  z.object({ addressId: z.string().trim().min(1).max(40) }),
  z.object({ addressString: z.string().trim().min(3).max(300) }),
]);
export type ReportLocation = z.infer<typeof ReportLocation>;

export const ReportContact = z.object({
  name: optionalText(200),
  email: z.union([z.literal(''), z.string().trim().toLowerCase().email('keine gültige E-Mail-Adresse').max(254)]).optional().default(''),
  phone: z
    .union([z.literal(''), z.string().trim().regex(/^[+0-9 ()/-]{3,40}$/, 'keine gültige Telefonnummer')])
    .optional()
    .default(''),
});

/** A new report as every channel (web app, Open311 POST, mainserver createGenericItem) hands it in. */
export const NewReport = z
  .object({
    categoryCode: z.string().trim().min(1, 'Bitte eine Kategorie wählen').max(64),
    title: z.string().trim().max(200, 'höchstens 200 Zeichen').optional().default(''),
    description: plainText(MAX_DESCRIPTION).optional().default(''),
    location: ReportLocation,
    contact: ReportContact.optional().default({ name: '', email: '', phone: '' }),
    /** Consent to store the contact data; without it, contact data is dropped. */
    consent: z.boolean().optional().default(false),
    notifyByEmail: z.boolean().optional().default(false),
    public: z.boolean().optional().default(true),
    attributes: z.record(z.string().max(64), z.union([z.string().max(1000), z.array(z.string().max(1000)).max(50)])).optional().default({}),
    deviceId: optionalText(200),
    accountId: optionalText(200),
    /** The client's id for this submission (a retry must not create a second report). */
    submissionKey: z.string().trim().regex(/^[A-Za-z0-9_-]{8,80}$/, 'ungültiger Sendeschlüssel').optional(),
  })
  .refine((r) => !r.notifyByEmail || (r.consent && r.contact.email), {
    message: 'Für Nachrichten per E-Mail bitte eine E-Mail-Adresse angeben und der Speicherung zustimmen',
    path: ['notifyByEmail'],
  });
export type NewReportInput = z.input<typeof NewReport>;
export type NewReport = z.infer<typeof NewReport>;
